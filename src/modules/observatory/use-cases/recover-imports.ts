import type { Logger } from 'pino';
import type { Db } from '../../../kernel/db/database.ts';
import { datasetRepository } from '../data/repository.ts';
import { uploadRepository } from '../data/uploads-repository.ts';
import { discardVersion } from './discard-version.ts';
import { IMPORT_STALE_SECONDS } from './import-dataset.ts';

/** The recurring job that takes back imports that died half-way. */
export const RECOVER_JOB = 'observatory.recover';

/**
 * Discards versions whose import stopped sending news (a killed process), with the dataset when that import had
 * created it, and purges uploads older than 30 days. Imports of uploads are resumed by their own job.
 */
export async function recoverImports(_payload: unknown, ctx: { db: Db; logger: Logger }): Promise<void> {
  for (const stale of await datasetRepository.listStaleVersions(ctx.db, IMPORT_STALE_SECONDS * 2)) {
    const dataset = await datasetRepository.findDataset(ctx.db, stale.datasetId);
    await discardVersion({ db: ctx.db, versionId: stale.id, createdDatasetId: dataset && dataset.currentVersionId === null ? dataset.id : null });
    ctx.logger.warn({ versionId: stale.id, datasetId: stale.datasetId }, 'observatory: discarded an interrupted import');
  }
  await uploadRepository.purge(ctx.db, 30);
}
