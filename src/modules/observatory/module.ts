import { createHash } from 'node:crypto';
import type { ModuleManifest } from '../../kernel/module.ts';
import { getSetting, putSetting } from '../../kernel/settings.ts';
import { up as store } from './data/migrations/202611260200_store.ts';
import { datasetRepository } from './data/repository.ts';
import { OBSERVATORY_PERMISSIONS, OBSERVATORY_ROLES } from './permissions.ts';
import { loadCitizenshipCodes, loadItter107 } from './reference/reference-data.ts';
import { registerObservatoryApi } from './http/api-routes.ts';
import { registerManageRoutes } from './http/manage-routes.ts';
import { registerUploadRoutes } from './http/upload-routes.ts';
import { registerPublicRoutes } from './http/public-routes.ts';
import { statsImportCommand } from './cli/stats-import.ts';
import { IMPORT_JOB, runImportJob } from './use-cases/run-import-job.ts';
import { RECOVER_JOB, recoverImports } from './use-cases/recover-imports.ts';
import { seedObservatoryDemo } from './use-cases/seed-demo.ts';

// Reloads the shipped reference tables whenever their content changes.
function referenceVersion(): string {
  return createHash('sha256').update(JSON.stringify([loadItter107(), loadCitizenshipCodes()])).digest('hex').slice(0, 16);
}

/** Observatory: the statistical store, imports of ISTAT and tidy files, the query API and the import pages. */
export const observatoryModule: ModuleManifest = {
  name: 'observatory',
  localesDir: new URL('./locales/', import.meta.url),
  migrations: { '202611260200_store': { up: store } },
  permissions: OBSERVATORY_PERMISSIONS,
  roles: OBSERVATORY_ROLES,
  navigation: [
    { labelKey: 'observatory.nav.public', path: '/observatory', audience: 'public', order: 20 },
    { labelKey: 'observatory.staff.nav.manage', path: '/observatory/manage', audience: 'staff', permission: 'observatory.dataset.read', order: 40 },
  ],
  jobs: { [IMPORT_JOB]: runImportJob, [RECOVER_JOB]: recoverImports },
  schedules: { [RECOVER_JOB]: 600 },
  cli: [statsImportCommand],
  async seedReference(ctx) {
    const version = referenceVersion();
    if ((await getSetting<string>(ctx.db, 'observatory.reference')) === version && (await datasetRepository.countItter107(ctx.db)) > 0) return;
    await datasetRepository.replaceReference(ctx.db, loadItter107(), loadCitizenshipCodes());
    await putSetting(ctx.db, 'observatory.reference', version);
  },
  async seedDemo(ctx) {
    await seedObservatoryDemo(ctx);
  },
  async routes(app, ctx) {
    registerObservatoryApi(app, ctx);
    registerManageRoutes(app, ctx);
    await registerUploadRoutes(app, ctx);
    registerPublicRoutes(app, ctx);
  },
};
