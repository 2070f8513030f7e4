import type { ModuleManifest } from '../../kernel/module.ts';
import { up as core } from './data/migrations/202611260100_directory_core.ts';
import { up as search } from './data/migrations/202611260110_directory_search.ts';
import { DIRECTORY_PERMISSIONS, DIRECTORY_ROLES } from './permissions.ts';
import { getSetting, putSetting } from '../../kernel/settings.ts';
import { taxonomyRepository } from './data/taxonomy-repository.ts';
import { NEEDS_TAXONOMY_VERSION, needsTaxonomyRows } from './reference/needs-taxonomy.ts';
import { registerHsdsRoutes } from './http/hsds-routes.ts';
import { hsdsExportCommand, hsdsImportCommand } from './hsds/cli.ts';
import { registerManagePages } from './http/manage-routes.ts';
import { registerPublicRoutes } from './http/public-routes.ts';
import { readStaleDays } from './domain/stale.ts';
import { remindStaleServices } from './use-cases/remind-stale-services.ts';
import { seedDirectoryDemo } from './demo/seed-demo.ts';

/** Directory: organisations, services, locations and opening hours after HSDS 3.0, the needs taxonomy, the staff side. */
export const directoryModule: ModuleManifest = {
  name: 'directory',
  localesDir: new URL('./locales/', import.meta.url),
  migrations: { '202611260100_core': { up: core }, '202611260110_search': { up: search } },
  permissions: DIRECTORY_PERMISSIONS,
  roles: DIRECTORY_ROLES,
  cli: [hsdsImportCommand, hsdsExportCommand],
  navigation: [
    { labelKey: 'directory.nav.finder', path: '/services', audience: 'public', order: 10 },
    { labelKey: 'directory.staff.nav.manage', path: '/directory/manage', audience: 'staff', permission: 'directory.service.read', order: 30 },
  ],
  jobs: {
    'directory.remind-stale': async (_payload, ctx) => {
      await remindStaleServices(ctx, { staleDays: readStaleDays() });
    },
  },
  schedules: { 'directory.remind-stale': 24 * 60 * 60 },
  seedDemo: seedDirectoryDemo,
  async seedReference(ctx) {
    if ((await getSetting<string>(ctx.db, 'directory.needs')) === NEEDS_TAXONOMY_VERSION) return;
    const { taxonomy, terms } = needsTaxonomyRows();
    await taxonomyRepository.upsertNeeds(ctx.db, taxonomy, terms);
    await putSetting(ctx.db, 'directory.needs', NEEDS_TAXONOMY_VERSION);
  },
  routes(app, ctx) {
    registerManagePages(app, ctx, { staleDays: readStaleDays() });
    registerHsdsRoutes(app, ctx);
    registerPublicRoutes(app, ctx);
  },
};
