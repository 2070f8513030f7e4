import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import type { JobQueue } from '../../../kernel/jobs/queue.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import { datasetRepository, type NewDatasetInput } from '../data/repository.ts';
import { uploadRepository, type Upload } from '../data/uploads-repository.ts';
import { canImportInto } from '../policy.ts';
import { loadOwnUpload } from './check-upload.ts';
import { IMPORT_JOB } from './run-import-job.ts';

/**
 * Queues the import of a checked upload as a background job. The file must have passed its check; a new
 * dataset needs its metadata (the caller validated the form), and its key must be free.
 */
export async function queueImport(options: { db: Db; jobs: JobQueue; actor: Actor; uploadId: string; newDataset: NewDatasetInput | null }): Promise<Upload> {
  const { db, actor } = options;
  const upload = await loadOwnUpload(db, actor, options.uploadId);
  if (upload.status !== 'checked' && upload.status !== 'failed') throw new ConflictError([], 'observatory.staff.upload.alreadyQueued');
  if (!upload.report || upload.report.issueCount > 0) throw new ConflictError([], 'observatory.staff.upload.notChecked');
  if (upload.datasetId) {
    const dataset = await datasetRepository.findDataset(db, upload.datasetId);
    if (!dataset || !canImportInto(actor, dataset.regionCode)) throw new NotFoundError();
  } else {
    if (!options.newDataset) throw new ValidationError([{ field: 'title_it', messageKey: 'validation.required' }]);
    if (!canImportInto(actor, upload.regionCode)) throw new NotFoundError();
    if (options.newDataset.key && (await datasetRepository.isKeyTaken(db, options.newDataset.key))) throw new ValidationError([{ field: 'key', messageKey: 'observatory.staff.upload.keyTaken' }]);
  }
  await db.transaction().execute(async (trx) => {
    await uploadRepository.queue(trx, upload.id, upload.datasetId ? null : { ...options.newDataset!, regionCode: upload.regionCode });
    await options.jobs.enqueue(IMPORT_JOB, { uploadId: upload.id }, { trx });
  });
  return (await uploadRepository.find(db, upload.id))!;
}
