import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import { datasetRepository } from '../data/repository.ts';
import { uploadRepository, type Upload } from '../data/uploads-repository.ts';
import { parseFile, sniffFile, type ParsedFile } from '../importers/parse-file.ts';
import { checkTidyMapping, type TidyMapping } from '../importers/tidy-csv.ts';
import { loadLabelSources, resolverOf } from '../reference/label-sources.ts';
import { structureMismatch } from './import-dataset.ts';

/** An upload is its uploader's (and the platform administrators'); others are told it does not exist. */
export async function loadOwnUpload(db: Db, actor: Actor, uploadId: string): Promise<Upload> {
  const upload = await uploadRepository.find(db, uploadId);
  if (!upload || (upload.createdBy !== actor.personId && !actor.isPlatformAdmin)) throw new NotFoundError();
  return upload;
}

/**
 * Reads an uploaded file whole (through its mapping, for a tidy CSV) and records the validation report: every
 * problem with its row and column, or the number of observations found. A mapping that cannot work is refused
 * with the form fields at fault. Answers the parsed file for the page to summarise.
 */
export async function checkUpload(options: { db: Db; actor: Actor; uploadId: string; mapping: TidyMapping | null }): Promise<ParsedFile> {
  const { db } = options;
  const upload = await loadOwnUpload(db, options.actor, options.uploadId);
  if (upload.status !== 'uploaded' && upload.status !== 'checked' && upload.status !== 'failed') throw new ConflictError([], 'observatory.staff.upload.alreadyQueued');
  const bytes = await uploadRepository.content(db, upload.id);
  if (!bytes) throw new NotFoundError();
  if (upload.format === 'tidy-csv') {
    if (!options.mapping) throw new ValidationError([{ field: 'mapping', messageKey: 'observatory.staff.mapping.required' }]);
    const problems = checkTidyMapping(options.mapping, sniffFile(bytes, 'tidy-csv').header);
    if (problems.length > 0) throw new ValidationError(problems.map((p) => ({ field: p.field, messageKey: p.messageKey, values: p.values })));
  }
  const sources = await loadLabelSources(db);
  const cube = await parseFile(bytes, { format: upload.format, mapping: options.mapping ?? undefined, resolveTerritory: resolverOf(sources), citizenshipCodes: sources.citizenshipCodes });
  const issues = [...cube.issues];
  let issueCount = cube.issueCount;
  const mismatch = upload.datasetId && issueCount === 0 ? structureMismatch(cube, await datasetRepository.listDimensions(db, upload.datasetId)) : null;
  if (mismatch) {
    issues.push(mismatch);
    issueCount++;
  }
  await uploadRepository.saveCheck(db, upload.id, { mapping: options.mapping, report: { issues, issueCount }, totalRows: cube.rowCount });
  return { ...cube, issues, issueCount };
}
