import type { Db } from '../../../kernel/db/database.ts';
import { datasetRepository } from '../data/repository.ts';
import { observationRepository } from '../data/observations-repository.ts';

/**
 * Takes back everything an unfinished import wrote: its observations, the codes it introduced, the version row
 * and, when the import had created it, the dataset. The version is first marked `failed` so that nothing reads it.
 */
export async function discardVersion(options: { db: Db; versionId: number; createdDatasetId?: string | null }): Promise<void> {
  const { db, versionId } = options;
  const version = await datasetRepository.findVersion(db, versionId);
  if (!version || version.status === 'ready') return;
  await datasetRepository.markVersionFailed(db, versionId);
  await observationRepository.deleteVersionRows(db, versionId);
  await db.transaction().execute(async (trx) => {
    await datasetRepository.deleteUnreadyVersion(trx, versionId);
    if (options.createdDatasetId && !(await datasetRepository.hasVersions(trx, options.createdDatasetId))) {
      await datasetRepository.deleteDataset(trx, options.createdDatasetId);
    }
  });
}
