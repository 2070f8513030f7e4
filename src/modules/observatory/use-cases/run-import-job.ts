import type { Logger } from 'pino';
import { createAudit } from '../../../kernel/audit/audit.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { AppError } from '../../../kernel/http/errors.ts';
import { uploadRepository } from '../data/uploads-repository.ts';
import { ImportRefusedError } from '../importers/types.ts';
import { discardVersion } from './discard-version.ts';
import { importDataset, IMPORT_STALE_SECONDS } from './import-dataset.ts';

/** The background job that imports an uploaded file. */
export const IMPORT_JOB = 'observatory.import';

/**
 * Imports a queued upload, reporting progress on the upload row for the progress page. Runs once per upload
 * even with several workers (the upload is claimed first); after a crash the next run takes back what the
 * interrupted one wrote and starts again. A refused file or any failure ends as a failed upload, with its report.
 */
export async function runImportJob(payload: { uploadId?: unknown }, ctx: { db: Db; logger: Logger }): Promise<void> {
  const uploadId = typeof payload.uploadId === 'string' ? payload.uploadId : '';
  const upload = await uploadRepository.claim(ctx.db, uploadId, IMPORT_STALE_SECONDS);
  if (!upload) {
    // Another worker is on it, or one died a moment ago: try again later (the queue backs off) unless it ended.
    if ((await uploadRepository.find(ctx.db, uploadId))?.status === 'importing') throw new Error('The import of this upload is running elsewhere');
    return;
  }
  if (upload.versionId !== null) await discardVersion({ db: ctx.db, versionId: upload.versionId });
  const bytes = await uploadRepository.content(ctx.db, upload.id);
  try {
    if (!bytes) throw new Error('The uploaded file is gone');
    const target = upload.datasetId ? { datasetId: upload.datasetId } : upload.newDataset ? { newDataset: upload.newDataset } : null;
    if (!target) throw new Error('The upload names no dataset');
    const result = await importDataset({
      db: ctx.db,
      audit: createAudit(ctx.db),
      actor: null,
      importedBy: upload.createdBy,
      file: { name: upload.fileName, bytes },
      format: upload.format,
      mapping: upload.mapping ?? undefined,
      target,
      provenance: `Uploaded from the browser as ${upload.fileName}`,
      onVersionCreated: (versionId) => uploadRepository.recordVersion(ctx.db, upload.id, versionId),
      onProgress: (written) => uploadRepository.recordProgress(ctx.db, upload.id, written),
    });
    await uploadRepository.markDone(ctx.db, upload.id, result.datasetId, result.versionId);
    ctx.logger.info({ uploadId: upload.id, datasetId: result.datasetId, version: result.versionNumber, rows: result.rowCount }, 'observatory import done');
  } catch (error) {
    const report = error instanceof ImportRefusedError ? { issues: error.issues, issueCount: error.issueCount } : null;
    const message = error instanceof AppError ? error.code : (error as Error).message;
    if (!(error instanceof ImportRefusedError) && !(error instanceof AppError)) ctx.logger.error({ err: error, uploadId: upload.id }, 'observatory import failed');
    await uploadRepository.markFailed(ctx.db, upload.id, { error: message, report });
  }
}
