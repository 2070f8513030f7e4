import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { SourceFormat, TextEncoding } from '../importers/types.ts';
import { observatoryDb as t, type ObservatoryTables } from './tables.ts';
import type { DatasetVersion } from './types.ts';

/** Presents a version row. */
export function presentVersion(r: ObservatoryTables['observatory_versions'] & { id: string; imported_at: Date; row_count: number; rows_written: number }): DatasetVersion {
  return {
    id: Number(r.id),
    datasetId: r.dataset_id,
    number: r.number,
    status: r.status,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    readyAt: r.ready_at,
    sourceFileName: r.source_file_name,
    sourceFileHash: r.source_file_hash,
    sourceFormat: r.source_format,
    sourceEncoding: r.source_encoding,
    rowCount: r.row_count,
    rowsWritten: r.rows_written,
    timeMin: r.time_min,
    timeMax: r.time_max,
    provenance: r.provenance,
  };
}

/** Versions: opening one for an import, recording its progress, making it current, taking it back. */
export const versionQueries = {
  /** Versions of a dataset, newest first (ready ones, and those being imported when asked). */
  async listVersions(db: Db, datasetId: string, options: { includeUnready?: boolean } = {}): Promise<DatasetVersion[]> {
    let q = t(db).selectFrom('observatory_versions').selectAll().where('dataset_id', '=', datasetId);
    if (!options.includeUnready) q = q.where('status', '=', 'ready');
    return (await q.orderBy('number', 'desc').execute()).map((r) => presentVersion(r as never));
  },

  /** A ready version of a dataset by number, or its current version when no number is given. */
  async findReadyVersion(db: Db, datasetId: string, number?: number): Promise<DatasetVersion | null> {
    let q = t(db).selectFrom('observatory_versions as v').selectAll('v').where('v.dataset_id', '=', datasetId).where('v.status', '=', 'ready');
    q = number === undefined ? q.innerJoin('observatory_datasets as d', 'd.current_version_id', 'v.id') : q.where('v.number', '=', number);
    const row = await q.executeTakeFirst();
    return row ? presentVersion(row as never) : null;
  },

  async findVersion(db: Db, id: number): Promise<DatasetVersion | null> {
    const row = await t(db).selectFrom('observatory_versions').selectAll().where('id', '=', String(id)).executeTakeFirst();
    return row ? presentVersion(row as never) : null;
  },

  /** Opens a new version (status `importing`) with the next number of its dataset. */
  async createVersion(trx: Db, input: { datasetId: string; importedBy: string | null; sourceFileName: string; sourceFileHash: string; sourceFormat: SourceFormat; sourceEncoding: TextEncoding; rowCount: number; provenance: string | null }): Promise<{ id: number; number: number }> {
    const { rows } = await sql<{ id: string; number: number }>`
      insert into observatory_versions (dataset_id, number, status, imported_by, source_file_name, source_file_hash, source_format, source_encoding, row_count, provenance)
      select ${input.datasetId}, coalesce(max(number), 0) + 1, 'importing', ${input.importedBy}, ${input.sourceFileName}, ${input.sourceFileHash},
             ${input.sourceFormat}, ${input.sourceEncoding}, ${input.rowCount}, ${input.provenance}
      from observatory_versions where dataset_id = ${input.datasetId}
      returning id, number`.execute(trx);
    return { id: Number(rows[0]!.id), number: rows[0]!.number };
  },

  /** Whether another import of the dataset is running (a version being written whose heartbeat is recent). */
  async hasRunningImport(trx: Db, datasetId: string, staleAfterSeconds: number): Promise<boolean> {
    const { rows } = await sql`select 1 from observatory_versions where dataset_id = ${datasetId} and status <> 'ready'
      and heartbeat_at > now() - make_interval(secs => ${staleAfterSeconds})`.execute(trx);
    return rows.length > 0;
  },

  /** Records progress of a version being written. */
  async touchVersion(db: Db, versionId: number, rowsWritten: number): Promise<void> {
    await sql`update observatory_versions set rows_written = ${rowsWritten}, heartbeat_at = now() where id = ${String(versionId)}`.execute(db);
  },

  /** Marks a version ready and makes it current unless a newer version already is. */
  async completeVersion(trx: Db, input: { versionId: number; datasetId: string; timeMin: string | null; timeMax: string | null; codeIds: number[]; referencePeriod: string | null }): Promise<void> {
    await sql`update observatory_versions set status = 'ready', ready_at = now(), rows_written = row_count, time_min = ${input.timeMin},
      time_max = ${input.timeMax}, code_ids = ${input.codeIds}::int[], heartbeat_at = now() where id = ${String(input.versionId)}`.execute(trx);
    await sql`update observatory_datasets d set current_version_id = ${String(input.versionId)}, updated_at = now(),
        reference_period = coalesce(${input.referencePeriod}, d.reference_period)
      where d.id = ${input.datasetId} and (d.current_version_id is null or
        (select number from observatory_versions where id = d.current_version_id) < (select number from observatory_versions where id = ${String(input.versionId)}))`.execute(trx);
  },

  /** Marks a version failed: nothing reads it any more, and a recovery may discard it. */
  async markVersionFailed(db: Db, versionId: number): Promise<void> {
    await sql`update observatory_versions set status = 'failed' where id = ${String(versionId)} and status <> 'ready'`.execute(db);
  },

  /** Deletes an unfinished version's row and the codes it introduced (its observations must be gone already). */
  async deleteUnreadyVersion(trx: Db, versionId: number): Promise<void> {
    await sql`delete from observatory_codes where first_version_id = ${String(versionId)}`.execute(trx);
    await sql`update observatory_uploads set version_id = null where version_id = ${String(versionId)}`.execute(trx);
    await sql`delete from observatory_versions where id = ${String(versionId)} and status <> 'ready'`.execute(trx);
  },

  async hasVersions(db: Db, datasetId: string): Promise<boolean> {
    const { rows } = await sql`select 1 from observatory_versions where dataset_id = ${datasetId} limit 1`.execute(db);
    return rows.length > 0;
  },

  /** Versions left unfinished by an import that stopped without cleaning up (a killed process). */
  async listStaleVersions(db: Db, staleAfterSeconds: number): Promise<{ id: number; datasetId: string }[]> {
    const { rows } = await sql<{ id: string; dataset_id: string }>`select id, dataset_id from observatory_versions
      where status <> 'ready' and heartbeat_at < now() - make_interval(secs => ${staleAfterSeconds})`.execute(db);
    return rows.map((r) => ({ id: Number(r.id), datasetId: r.dataset_id }));
  },
};
