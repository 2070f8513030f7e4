import { createHash } from 'node:crypto';
import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import { territory } from '../../territory/index.ts';
import { datasetRepository } from '../data/repository.ts';
import { uploadRepository, type Upload } from '../data/uploads-repository.ts';
import { sniffFile } from '../importers/parse-file.ts';
import { canImportInto } from '../policy.ts';
import { checkUpload } from './check-upload.ts';

/** The largest file the browser may upload (bytes). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * Keeps an uploaded file in the database (so that any process can import it), detects its format and, for
 * files that need no mapping (SDMX-CSV, legacy I.Stat), checks it at once. The target is an existing dataset
 * the actor may import into, or a new dataset of a region they may import for (null: national).
 */
export async function stageUpload(options: {
  db: Db;
  actor: Actor;
  file: { name: string; bytes: Uint8Array } | null;
  datasetId: string | null;
  regionCode: string | null;
}): Promise<Upload> {
  const { db, actor, file } = options;
  if (!file || file.bytes.byteLength === 0) throw new ValidationError([{ field: 'file', messageKey: 'observatory.staff.upload.fileRequired' }]);
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES) throw new ValidationError([{ field: 'file', messageKey: 'observatory.staff.upload.fileTooLarge', values: { megabytes: MAX_UPLOAD_BYTES / 1024 / 1024 } }]);
  let regionCode = options.regionCode;
  if (options.datasetId) {
    const dataset = await datasetRepository.findDataset(db, options.datasetId);
    if (!dataset || !canImportInto(actor, dataset.regionCode)) throw new NotFoundError();
    regionCode = dataset.regionCode;
  } else {
    if (regionCode !== null && !(await territory.findRegion(db, regionCode))) throw new ValidationError([{ field: 'region', messageKey: 'validation.enum' }]);
    if (!canImportInto(actor, regionCode)) throw new ValidationError([{ field: 'region', messageKey: 'observatory.staff.upload.regionNotAllowed' }]);
  }
  const sniffed = sniffFile(file.bytes);
  const id = await uploadRepository.create(db, {
    createdBy: actor.personId,
    fileName: file.name.replace(/[\\/]/g, '_').slice(0, 255) || 'upload.csv',
    content: file.bytes,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    format: sniffed.format,
    regionCode,
    datasetId: options.datasetId,
  });
  if (sniffed.format !== 'tidy-csv') await checkUpload({ db, actor, uploadId: id, mapping: null });
  return (await uploadRepository.find(db, id))!;
}
