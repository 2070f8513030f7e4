import type { ModuleContext } from '../../../kernel/module.ts';
import { territory } from '../../territory/index.ts';
import { demoRepository } from '../data/demo-repository.ts';
import { buildServiceSnapshots } from '../data/snapshot-repository.ts';
import { taxonomyRepository } from '../data/taxonomy-repository.ts';
import { NEEDS_TAXONOMY_ID } from '../reference/needs-taxonomy.ts';
import { stableUuid } from '../reference/stable-uuid.ts';
import { buildDemo } from './build-demo.ts';
import type { ResolvedTown } from './demo-owners.ts';
import { DEMO_TOWNS } from './demo-places.ts';
import { bringSearchProjectionUpToDate } from '../use-cases/refresh-search-projection.ts';

const DEMO_REGIONS = ['08', '19'] as const;

/**
 * The demo directory: a few hundred services for Emilia-Romagna and Sicily across every need, in real
 * municipalities, owned by the accounts demo's organisations and by fictitious ones, in several languages.
 * Deterministic, and skipped when it is already there.
 */
export async function seedDirectoryDemo(ctx: ModuleContext): Promise<void> {
  const started = Date.now();
  if (await demoRepository.hasService(ctx.db, stableUuid('demo/service/1'))) return;
  const now = new Date();
  const count = await ctx.db.transaction().execute(async (trx) => {
    const towns = new Map<string, ResolvedTown>();
    const regionNames: Record<string, string> = {};
    for (const regionCode of DEMO_REGIONS) {
      regionNames[regionCode] = (await territory.findRegion(trx, regionCode))?.name ?? regionCode;
      const { items } = await territory.listMunicipalities(trx, { regionCode, limit: 5000, offset: 0 });
      for (const town of DEMO_TOWNS.filter((t) => t.regionCode === regionCode)) {
        const found = items.find((m) => m.name === town.name);
        if (found) towns.set(town.name, { regionCode, name: town.name, carCode: town.carCode, municipalityCode: found.code, provinceCode: found.provinceCode });
        else ctx.logger.warn({ town: town.name }, 'demo town not in the ISTAT list');
      }
    }
    const terms = await taxonomyRepository.listTerms(trx, NEEDS_TAXONOMY_ID);
    const needs = new Map(terms.filter((t) => t.code).map((t) => [t.code!, { id: t.id, name: t.name, description: t.description }]));
    const languageNames = new Map((await territory.listLanguages(trx, 'en')).map((l) => [l.code, l.name]));
    const accountOrganisations = await demoRepository.listAccountOrganisations(trx, [...DEMO_REGIONS]);
    const rows = buildDemo({ now, towns, accountOrganisations, regionNames, needs, languageNames });
    await demoRepository.insertAll(trx, rows);
    // Published services, and some drafts and services in review that were published before their last edit.
    const published = rows.services.filter((s, i) => s.workflow_state === 'published' || (s.workflow_state !== 'archived' && i % 3 === 0));
    const publishedAt = new Map(published.map((s) => [s.id, new Date(s.updated_at as Date)]));
    const built = await buildServiceSnapshots(trx, [...publishedAt.keys()], (id) => publishedAt.get(id)!);
    await demoRepository.writeSnapshots(trx, [...built].map(([id, snapshot]) => ({ id, publishedAt: publishedAt.get(id)!, snapshot })));
    const revised = published.filter((s) => s.workflow_state !== 'published').map((s) => s.id);
    await demoRepository.reviseAfterPublication(trx, revised, 'Da gennaio lo sportello è aperto anche il sabato mattina.', now);
    return rows.services.length;
  });
  // The finder and the planning view read the projection: put the published demo there now, not at the next start.
  await bringSearchProjectionUpToDate(ctx.db);
  ctx.logger.info({ services: count, ms: Date.now() - started }, 'directory demo loaded');
}
