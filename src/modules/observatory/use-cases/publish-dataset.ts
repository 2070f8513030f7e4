import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Audit } from '../../../kernel/audit/audit.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { ConflictError, NotFoundError } from '../../../kernel/http/errors.ts';
import { datasetRepository, type Dataset } from '../data/repository.ts';
import { canPublish, canSeeDataset } from '../policy.ts';

/**
 * Publishes or unpublishes a dataset. Only a dataset with a ready version can be published; whoever may not
 * publish it is told it does not exist (or, when they can see it, that they may not).
 */
export async function setDatasetPublished(options: { db: Db; audit: Audit; actor: Actor | null; datasetId: string; isPublished: boolean }): Promise<Dataset> {
  const { db, actor } = options;
  return db.transaction().execute(async (trx) => {
    const dataset = await datasetRepository.findDataset(trx, options.datasetId);
    if (!dataset || (actor !== null && (!canSeeDataset(actor, dataset) || !canPublish(actor, dataset)))) throw new NotFoundError();
    if (options.isPublished && dataset.currentVersionId === null) throw new ConflictError([], 'observatory.staff.dataset.noVersion');
    if (dataset.isPublished !== options.isPublished) {
      await datasetRepository.setPublished(trx, dataset.id, options.isPublished);
      await options.audit.record(
        { actorPersonId: actor?.personId ?? null, action: options.isPublished ? 'observatory.dataset.publish' : 'observatory.dataset.unpublish', entity: 'observatory_dataset', entityId: dataset.id, regionCode: dataset.regionCode },
        trx,
      );
    }
    return (await datasetRepository.findDataset(trx, dataset.id))!;
  });
}
