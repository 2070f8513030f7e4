import type { ModuleManifest } from '../../kernel/module.ts';
import { up as accounts } from './data/migrations/202611260020_accounts.ts';
import { accountsRepository } from './data/repository.ts';
import { ACCOUNTS_PERMISSIONS, ACCOUNTS_ROLES } from './permissions.ts';
import { registerAuthRoutes } from './http/auth-routes.ts';
import { registerAdminRoutes } from './http/admin-routes.ts';
import { registerAccountsApi } from './http/api-routes.ts';
import { createAdminCommand } from './cli/create-admin.ts';
import { seedAccountsDemo } from './demo/seed-demo.ts';
import { ACCOUNTS_NAVIGATION } from './navigation.ts';

/** Accounts: organisations, people, memberships, roles, sign-in and administration. */
export const accountsModule: ModuleManifest = {
  name: 'accounts',
  localesDir: new URL('./locales/', import.meta.url),
  migrations: { '202611260020_accounts': { up: accounts } },
  permissions: ACCOUNTS_PERMISSIONS,
  roles: ACCOUNTS_ROLES,
  navigation: ACCOUNTS_NAVIGATION,
  cli: [createAdminCommand],
  async seedReference(ctx) {
    await accountsRepository.syncBuiltinRoles(ctx.db, ctx.roles);
  },
  seedDemo: seedAccountsDemo,
  actorLoader: (ctx) => (personId) => accountsRepository.loadActor(ctx.db, personId),
  routes(app, ctx) {
    registerAuthRoutes(app, ctx);
    registerAdminRoutes(app, ctx);
    registerAccountsApi(app, ctx);
  },
};
