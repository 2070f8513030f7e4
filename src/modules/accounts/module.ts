import type { ModuleManifest } from '../../kernel/module.ts';
import { up as accounts } from './data/migrations/202611260020_accounts.ts';
import { accountsRepository } from './data/repository.ts';
import { ACCOUNTS_PERMISSIONS, ACCOUNTS_ROLES } from './permissions.ts';

/** Accounts: organisations, people, memberships, roles, sign-in and administration. */
export const accountsModule: ModuleManifest = {
  name: 'accounts',
  localesDir: new URL('./locales/', import.meta.url),
  migrations: { '202611260020_accounts': { up: accounts } },
  permissions: ACCOUNTS_PERMISSIONS,
  roles: ACCOUNTS_ROLES,
  async seedReference(ctx) {
    await accountsRepository.syncBuiltinRoles(ctx.db, ctx.roles);
  },
  actorLoader: (ctx) => (personId) => accountsRepository.loadActor(ctx.db, personId),
};
