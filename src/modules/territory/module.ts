import type { ModuleManifest } from '../../kernel/module.ts';
import { getSetting, putSetting } from '../../kernel/settings.ts';
import { up as reference } from './data/migrations/202611260010_reference.ts';
import { up as centroids } from './data/migrations/202611260011_centroids.ts';
import { territoryRepository } from './data/repository.ts';
import { registerTerritoryRoutes } from './http/routes.ts';
import { loadIstatMunicipalities } from './reference/istat-municipalities.ts';
import { listCountries } from './reference/countries.ts';
import { listLanguages } from './reference/languages.ts';
import { centroidsFor } from './reference/centroids.ts';

// Bump when the shipped reference files change, so existing databases reload them.
const REFERENCE_VERSION = 'istat-2023-11/openpolis-2023-06/iso-2026-11';

/** Territory: regions, provinces, municipalities (ISTAT), boundaries, countries and languages. */
export const territoryModule: ModuleManifest = {
  name: 'territory',
  localesDir: new URL('./locales/', import.meta.url),
  migrations: { '202611260010_reference': { up: reference }, '202611260011_centroids': { up: centroids } },
  async seedReference(ctx) {
    const loaded = await getSetting<string>(ctx.db, 'territory.reference');
    if (loaded === REFERENCE_VERSION && (await territoryRepository.countRegions(ctx.db)) === 20) return;
    const istat = loadIstatMunicipalities();
    await territoryRepository.upsertReference(ctx.db, istat, centroidsFor(istat.municipalities), listCountries(), listLanguages());
    await putSetting(ctx.db, 'territory.reference', REFERENCE_VERSION);
    ctx.logger.info({ version: REFERENCE_VERSION }, 'territory reference data loaded');
  },
  routes(app, ctx) {
    registerTerritoryRoutes(app, ctx);
  },
};
