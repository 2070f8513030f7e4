import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { sql } from 'kysely';
import type { Db } from './database.ts';

const FORMAT = 'crocevia-backup';
const VERSION = 1;
const BATCH = 1000;
const SKIPPED = new Set(['kernel_migrations', 'kernel_migrations_lock']);

interface TableInfo {
  name: string;
  columns: string[];
  /** Columns fed by a sequence (identity or serial), with the sequence's name. */
  sequences: { column: string; sequence: string }[];
}

/** Where a sequence stood when the backup was made. */
interface SequenceState {
  value: string;
  isCalled: boolean;
}

/** The line that opens each table's rows. */
interface TableMarker {
  table: string;
  rows: number;
  sequences?: Record<string, SequenceState>;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The tables of the public schema, parents before children (foreign keys), with their writable columns. */
async function listTables(db: Db): Promise<TableInfo[]> {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const { rows: columns } = await sql<{ table_name: string; column_name: string; is_generated: string; sequence: string | null }>`
    select table_name, column_name, is_generated, pg_get_serial_sequence(quote_ident(table_name), column_name) as sequence
    from information_schema.columns
    where table_schema = 'public' order by table_name, ordinal_position`.execute(db);
  const { rows: fks } = await sql<{ child: string; parent: string }>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = 'public'`.execute(db);
  const names = tables.map((t) => t.table_name).filter((n) => !SKIPPED.has(n));
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  for (const fk of fks) {
    const child = fk.child.replace(/"/g, '');
    const parent = fk.parent.replace(/"/g, '');
    if (child !== parent) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const p of parents.get(name) ?? []) visit(p);
    visiting.delete(name);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered.map((name) => {
    const own = columns.filter((c) => c.table_name === name);
    return {
      name,
      columns: own.filter((c) => c.is_generated !== 'ALWAYS').map((c) => c.column_name),
      sequences: own.flatMap((c) => (c.sequence ? [{ column: c.column_name, sequence: c.sequence }] : [])),
    };
  });
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kernel_migrations order by name`.execute(db);
  return rows.map((r) => r.name);
}

async function sequenceStates(db: Db, table: TableInfo): Promise<Record<string, SequenceState>> {
  const states: Record<string, SequenceState> = {};
  for (const { column, sequence } of table.sequences) {
    const { rows } = await sql<{ value: string; is_called: boolean }>`select last_value::text as value, is_called from ${sql.raw(sequence)}`.execute(db);
    if (rows[0]) states[column] = { value: rows[0].value, isCalled: rows[0].is_called };
  }
  return states;
}

/**
 * Writes every table as gzip-compressed JSON lines inside one snapshot: a header (format, version, migrations),
 * then per table a marker (name, row count, sequence positions) and its rows, then an end line with the totals.
 */
export async function writeBackup(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file);
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  let total = 0;
  const tables = await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const list = await listTables(trx);
    await write(JSON.stringify({ format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), migrations: await appliedMigrations(trx) }));
    for (const table of list) {
      const { rows: countRows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table.name)}`.execute(trx);
      const count = Number(countRows[0]?.n ?? 0);
      const marker: TableMarker = { table: table.name, rows: count, sequences: await sequenceStates(trx, table) };
      await write(JSON.stringify(marker));
      // A cursor reads the table once, in batches; the count above and the rows come from the same snapshot.
      await sql`declare crocevia_backup no scroll cursor for select row_to_json(t)::text as j from ${sql.table(table.name)} t`.execute(trx);
      for (let read = 0; read < count; ) {
        const { rows } = await sql<{ j: string }>`fetch forward ${sql.raw(String(BATCH))} from crocevia_backup`.execute(trx);
        if (rows.length === 0) break;
        for (const row of rows) await write(row.j);
        read += rows.length;
        total += rows.length;
      }
      await sql`close crocevia_backup`.execute(trx);
    }
    await write(JSON.stringify({ end: true, tables: list.length, rows: total }));
    return list.length;
  }).catch((error: unknown) => {
    // No half-written file is left behind to be mistaken for a backup.
    gzip.destroy();
    out.destroy();
    fs.rmSync(file, { force: true });
    throw error;
  });
  gzip.end();
  await once(out, 'finish');
  return { tables, rows: total };
}

/** A backup file that cannot be restored here; nothing was changed. */
export class BackupError extends Error {}

// Reads a backup line by line; a damaged compressed stream is a BackupError.
function openLines(file: string): () => Promise<string | null> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  return async () => {
    try {
      const r = await iterator.next();
      return r.done ? null : (r.value as string);
    } catch (error) {
      throw new BackupError(`${file} is damaged or is not a Crocevia backup (${(error as Error).message})`);
    }
  };
}

// Header, table and end lines are JSON objects; rows stay text so that big numbers keep every digit.
function parseLine<T>(file: string, line: string | null): T | null {
  if (line === null) return null;
  try {
    const value = JSON.parse(line) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as T;
  } catch {
    /* reported below */
  }
  throw new BackupError(`${file} is damaged or is not a Crocevia backup (a line is not a JSON object)`);
}

async function restoreSequences(trx: Db, table: TableInfo, saved: Record<string, SequenceState>): Promise<void> {
  for (const { column, sequence } of table.sequences) {
    const { rows } = await sql<{ top: string | null }>`select max(${sql.ref(column)})::text as top from ${sql.table(table.name)}`.execute(trx);
    const top = rows[0]?.top ?? null;
    const state = saved[column];
    // Where the sequence stood, unless rows go past it; a backup without that position continues after the rows.
    if (state && (top === null || BigInt(state.value) >= BigInt(top))) {
      await sql`select setval(${sequence}::regclass, ${state.value}::bigint, ${state.isCalled})`.execute(trx);
    } else if (top !== null) {
      await sql`select setval(${sequence}::regclass, ${top}::bigint, true)`.execute(trx);
    }
  }
}

// Foreign keys of the public schema that are checked row by row (not deferrable).
async function rigidForeignKeys(db: Db): Promise<{ table: string; name: string }[]> {
  const { rows } = await sql<{ table: string; name: string }>`
    select c.conrelid::regclass::text as table, c.conname as name
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and not c.condeferrable and n.nspname = 'public'`.execute(db);
  return rows;
}

/** Replaces every table with a backup's rows, in one transaction: all or nothing. */
export async function readBackup(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const next = openLines(file);
  const header = parseLine<{ format?: string; version?: number; migrations?: string[] }>(file, await next());
  if (header?.format !== FORMAT) throw new BackupError(`${file} is not a Crocevia backup`);
  if (header.version !== VERSION) throw new BackupError(`${file} is a backup of format ${header.version}; this Crocevia reads format ${VERSION}`);
  try {
    return await db.transaction().execute(async (trx) => {
      const current = await appliedMigrations(trx);
      const missing = (header.migrations ?? []).filter((m) => !current.includes(m));
      if (missing.length) throw new BackupError(`The backup was made by a newer Crocevia (unknown migrations: ${missing.join(', ')})`);
      const tables = await listTables(trx);
      const byName = new Map(tables.map((t) => [t.name, t]));
      // Rows of a table may reference rows later in the file (a tree, a cycle): check foreign keys at the end only.
      const rigid = await rigidForeignKeys(trx);
      for (const fk of rigid) await sql.raw(`alter table ${fk.table} alter constraint ${quoteIdent(fk.name)} deferrable`).execute(trx);
      await sql`set constraints all deferred`.execute(trx);
      if (tables.length) await sql.raw(`truncate ${tables.map((t) => quoteIdent(t.name)).join(', ')} restart identity cascade`).execute(trx);
      let total = 0;
      let count = 0;
      for (;;) {
        const line = parseLine<TableMarker & { end?: boolean; tables?: number }>(file, await next());
        if (line === null) throw new BackupError(`${file} is truncated: it ends before its last table`);
        if (line.end === true) {
          if (line.tables !== count || line.rows !== total) throw new BackupError(`${file} is damaged: it announces ${line.tables} tables and ${line.rows} rows`);
          if ((await next()) !== null) throw new BackupError(`${file} is damaged: it goes on after its end`);
          await sql`set constraints all immediate`.execute(trx);
          for (const fk of rigid) await sql.raw(`alter table ${fk.table} alter constraint ${quoteIdent(fk.name)} not deferrable`).execute(trx);
          return { tables: count, rows: total };
        }
        const table = byName.get(line.table);
        if (!table) throw new BackupError(`The backup holds table ${line.table}, which this database does not have`);
        count++;
        let batch: string[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const cols = table.columns.map(quoteIdent).join(', ');
          await sql`insert into ${sql.table(table.name)} (${sql.raw(cols)}) overriding system value
            select ${sql.raw(cols)} from json_populate_recordset(null::${sql.table(table.name)}, ${`[${batch.join(',')}]`}::json)`.execute(trx);
          total += batch.length;
          batch = [];
        };
        for (let i = 0; i < line.rows; i++) {
          const row = await next();
          if (row === null) throw new BackupError(`${file} is truncated in table ${line.table}`);
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        await restoreSequences(trx, table, line.sequences ?? {});
      }
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Restoring ${file} failed and nothing was changed: ${(error as Error).message}`, { cause: error });
  }
}
