import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { sendPage, href } from '../../../kernel/web/layout.ts';
import { territory } from '../../territory/index.ts';
import { datasetRepository } from '../data/repository.ts';
import { uploadRepository } from '../data/uploads-repository.ts';
import { abilitiesFor, canSeeDataset, importReach, visibilityFor } from '../policy.ts';
import { setDatasetPublished } from '../use-cases/publish-dataset.ts';
import { datasetsView } from '../views/datasets-view.ts';
import { datasetView } from '../views/dataset-view.ts';
import { manageCrumbs, textOf } from '../views/components.ts';
import { actorOf, requireAnalystPage } from './guards.ts';

/** A region's name, or "Italy (national)" for national datasets. */
export async function regionNamer(ctx: ModuleContext, t: (key: string) => string): Promise<(code: string | null) => string> {
  const regions = await territory.listRegions(ctx.db);
  return (code) => (code === null ? t('observatory.staff.upload.national') : (regions.find((r) => r.code === code)?.name ?? code));
}

/** The analysts' pages over datasets: the list, a dataset's page, publish and unpublish. */
export function registerManageRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireAnalystPage };

  app.get('/:lang/observatory/manage', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const { items, total } = await datasetRepository.listDatasets(ctx.db, { ...visibilityFor(actor), limit: 200, offset: 0 });
    const reach = importReach(actor);
    return sendPage(reply, req, {
      title: req.t('observatory.staff.manage.title'),
      audience: 'staff',
      body: datasetsView(req, {
        datasets: items,
        total,
        uploads: await uploadRepository.listRecent(ctx.db, actor.personId, 10),
        canImport: reach.all || reach.regionCodes.length > 0,
        regionName: await regionNamer(ctx, req.t),
      }),
    });
  });

  app.get('/:lang/observatory/manage/datasets/:id', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const dataset = await datasetRepository.findDataset(ctx.db, (req.params as { id: string }).id);
    if (!dataset || !canSeeDataset(actor, dataset)) throw new NotFoundError();
    const [versions, dimensions] = await Promise.all([datasetRepository.listVersions(ctx.db, dataset.id), datasetRepository.listDimensions(ctx.db, dataset.id)]);
    const counted = await Promise.all(
      dimensions.map(async (d) => ({ ...d, codeCount: d.position === null ? 0 : (await datasetRepository.listCodes(ctx.db, d.id, { versionId: dataset.currentVersionId ?? undefined })).length })),
    );
    return sendPage(reply, req, {
      title: textOf(req, dataset.title) || dataset.key,
      audience: 'staff',
      breadcrumbs: manageCrumbs(req),
      body: datasetView(req, { dataset, versions, dimensions: counted, regionName: (await regionNamer(ctx, req.t))(dataset.regionCode), ...abilitiesFor(actor, dataset) }),
    });
  });

  for (const action of ['publish', 'unpublish'] as const) {
    app.post(`/:lang/observatory/manage/datasets/:id/${action}`, guarded, async (req, reply) => {
      const dataset = await setDatasetPublished({ db: ctx.db, audit: ctx.audit, actor: actorOf(req), datasetId: (req.params as { id: string }).id, isPublished: action === 'publish' });
      return reply.redirect(`${href(req, `/observatory/manage/datasets/${dataset.id}`)}?done=${action}ed`, 303);
    });
  }
}
