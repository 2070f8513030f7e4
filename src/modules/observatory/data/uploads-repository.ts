import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { ImportIssue, SourceFormat } from '../importers/types.ts';
import type { TidyMapping } from '../importers/tidy-csv.ts';
import type { NewDatasetInput } from './repository.ts';
import { observatoryDb, type UploadStatus } from './tables.ts';

/** A file uploaded from the browser, waiting to be checked and imported (its bytes are in the database). */
export interface Upload {
  id: string;
  createdBy: string | null;
  createdAt: Date;
  fileName: string;
  byteSize: number;
  sha256: string;
  format: SourceFormat;
  regionCode: string | null;
  datasetId: string | null;
  newDataset: NewDatasetInput | null;
  mapping: TidyMapping | null;
  status: UploadStatus;
  totalRows: number | null;
  progressRows: number;
  report: { issues: ImportIssue[]; issueCount: number } | null;
  error: string | null;
  versionId: number | null;
  heartbeatAt: Date | null;
}

const t = observatoryDb;

const columns = [
  'id',
  'created_by',
  'created_at',
  'file_name',
  'byte_size',
  'sha256',
  'format',
  'region_code',
  'dataset_id',
  'new_dataset',
  'mapping',
  'status',
  'total_rows',
  'progress_rows',
  'report',
  'error',
  'version_id',
  'heartbeat_at',
] as const;

function present(r: Record<(typeof columns)[number], unknown>): Upload {
  return {
    id: r.id as string,
    createdBy: r.created_by as string | null,
    createdAt: r.created_at as Date,
    fileName: r.file_name as string,
    byteSize: r.byte_size as number,
    sha256: r.sha256 as string,
    format: r.format as SourceFormat,
    regionCode: r.region_code as string | null,
    datasetId: r.dataset_id as string | null,
    newDataset: (r.new_dataset as NewDatasetInput | null) ?? null,
    mapping: (r.mapping as TidyMapping | null) ?? null,
    status: r.status as UploadStatus,
    totalRows: r.total_rows as number | null,
    progressRows: r.progress_rows as number,
    report: (r.report as Upload['report']) ?? null,
    error: r.error as string | null,
    versionId: r.version_id === null ? null : Number(r.version_id),
    heartbeatAt: r.heartbeat_at as Date | null,
  };
}

/** Staged uploads: the only SQL on `observatory_uploads`. */
export const uploadRepository = {
  async create(db: Db, input: { createdBy: string | null; fileName: string; content: Uint8Array; sha256: string; format: SourceFormat; regionCode: string | null; datasetId: string | null }): Promise<string> {
    const row = await t(db)
      .insertInto('observatory_uploads')
      .values({
        created_by: input.createdBy,
        file_name: input.fileName,
        content: Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength),
        byte_size: input.content.byteLength,
        sha256: input.sha256,
        format: input.format,
        region_code: input.regionCode,
        dataset_id: input.datasetId,
        new_dataset: null,
        mapping: null,
        status: 'uploaded',
        total_rows: null,
        report: null,
        error: null,
        version_id: null,
        heartbeat_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async find(db: Db, id: string): Promise<Upload | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const row = await t(db).selectFrom('observatory_uploads').select(columns).where('id', '=', id).executeTakeFirst();
    return row ? present(row) : null;
  },

  /** The file's bytes (null once imported). */
  async content(db: Db, id: string): Promise<Uint8Array | null> {
    const row = await t(db).selectFrom('observatory_uploads').select('content').where('id', '=', id).executeTakeFirst();
    return row?.content ? new Uint8Array(row.content) : null;
  },

  async listRecent(db: Db, createdBy: string, limit: number): Promise<Upload[]> {
    const rows = await t(db).selectFrom('observatory_uploads').select(columns).where('created_by', '=', createdBy).orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map(present);
  },

  /** Saves a check's outcome: the mapping used, the report, the rows found. */
  async saveCheck(db: Db, id: string, check: { mapping: TidyMapping | null; report: { issues: ImportIssue[]; issueCount: number }; totalRows: number }): Promise<void> {
    await t(db)
      .updateTable('observatory_uploads')
      .set({ mapping: check.mapping === null ? null : (JSON.stringify(check.mapping) as never), report: JSON.stringify(check.report) as never, total_rows: check.totalRows, status: 'checked', updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  /** Queues a checked upload for import, with the metadata of the dataset it creates (if any). */
  async queue(db: Db, id: string, newDataset: NewDatasetInput | null): Promise<void> {
    await t(db)
      .updateTable('observatory_uploads')
      .set({ status: 'queued', new_dataset: newDataset === null ? null : (JSON.stringify(newDataset) as never), progress_rows: 0, error: null, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  /**
   * Claims an upload for the import job: a queued one, or one whose import stopped sending news (its process
   * died). Answers null when another worker has it.
   */
  async claim(db: Db, id: string, staleAfterSeconds: number): Promise<Upload | null> {
    const { rows } = await sql<{ id: string }>`update observatory_uploads set status = 'importing', heartbeat_at = now(), updated_at = now()
      where id = ${id} and (status = 'queued' or (status = 'importing' and heartbeat_at < now() - make_interval(secs => ${staleAfterSeconds})))
      returning id`.execute(db);
    return rows[0] ? this.find(db, id) : null;
  },

  async recordProgress(db: Db, id: string, progressRows: number): Promise<void> {
    await sql`update observatory_uploads set progress_rows = ${progressRows}, heartbeat_at = now() where id = ${id}`.execute(db);
  },

  async recordVersion(db: Db, id: string, versionId: number): Promise<void> {
    await sql`update observatory_uploads set version_id = ${String(versionId)}, heartbeat_at = now() where id = ${id}`.execute(db);
  },

  /** Marks an upload imported and drops its bytes (the version keeps the file's name and hash). */
  async markDone(db: Db, id: string, datasetId: string, versionId: number): Promise<void> {
    await sql`update observatory_uploads set status = 'done', dataset_id = ${datasetId}, version_id = ${String(versionId)},
      progress_rows = coalesce(total_rows, progress_rows), content = null, updated_at = now() where id = ${id}`.execute(db);
  },

  async markFailed(db: Db, id: string, failure: { error: string; report: { issues: ImportIssue[]; issueCount: number } | null }): Promise<void> {
    await sql`update observatory_uploads set status = 'failed', error = ${failure.error.slice(0, 1000)},
      report = coalesce(${failure.report === null ? null : JSON.stringify(failure.report)}::jsonb, report), version_id = null, updated_at = now() where id = ${id}`.execute(db);
  },

  /** Deletes finished uploads older than some days. */
  async purge(db: Db, olderThanDays: number): Promise<void> {
    await sql`delete from observatory_uploads where created_at < now() - make_interval(days => ${olderThanDays})
      and status in ('uploaded', 'checked', 'done', 'failed')`.execute(db);
  },
};
