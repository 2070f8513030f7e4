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
  identityColumns: string[];
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The tables of the public schema, parents before children (foreign keys), with their writable columns. */
async function listTables(db: Db): Promise<TableInfo[]> {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const { rows: columns } = await sql<{ table_name: string; column_name: string; is_generated: string; is_identity: string }>`
    select table_name, column_name, is_generated, is_identity from information_schema.columns
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
      identityColumns: own.filter((c) => c.is_identity === 'YES').map((c) => c.column_name),
    };
  });
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kernel_migrations order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** Writes every table as gzip-compressed JSON lines inside one snapshot; returns what it wrote. */
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
      await write(JSON.stringify({ table: table.name, rows: count }));
      for (let offset = 0; offset < count; offset += BATCH) {
        const { rows } = await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(table.name)} t order by ctid limit ${BATCH} offset ${offset}`.execute(trx);
        for (const row of rows) await write(row.j);
        total += rows.length;
      }
    }
    return list.length;
  });
  gzip.end();
  await once(out, 'finish');
  return { tables, rows: total };
}

/** A backup file that cannot be restored here; nothing was changed. */
export class BackupError extends Error {}

/** Replaces every table with a backup's rows, in one transaction: all or nothing. */
export async function readBackup(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    const r = await iterator.next();
    return r.done ? null : (r.value as string);
  };
  let header: { format?: string; version?: number; migrations?: string[] };
  try {
    header = JSON.parse((await next()) ?? '{}');
  } catch {
    throw new BackupError(`${file} is not a Crocevia backup`);
  }
  if (header.format !== FORMAT || header.version !== VERSION) throw new BackupError(`${file} is not a Crocevia backup (version ${VERSION})`);
  return db.transaction().execute(async (trx) => {
    const current = await appliedMigrations(trx);
    const missing = (header.migrations ?? []).filter((m) => !current.includes(m));
    if (missing.length) throw new BackupError(`The backup was made by a newer Crocevia (unknown migrations: ${missing.join(', ')})`);
    const tables = await listTables(trx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    await sql`set constraints all deferred`.execute(trx);
    if (tables.length) await sql.raw(`truncate ${tables.map((t) => quoteIdent(t.name)).join(', ')} restart identity cascade`).execute(trx);
    let total = 0;
    let count = 0;
    let line = await next();
    while (line !== null) {
      const marker = JSON.parse(line) as { table: string; rows: number };
      const table = byName.get(marker.table);
      if (!table) throw new BackupError(`The backup holds table ${marker.table}, which this database does not have`);
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
      for (let i = 0; i < marker.rows; i++) {
        const row = await next();
        if (row === null) throw new BackupError(`The backup is truncated in table ${marker.table}`);
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      for (const col of table.identityColumns) {
        await sql`select setval(pg_get_serial_sequence(${table.name}, ${col}), coalesce((select max(${sql.ref(col)}) from ${sql.table(table.name)}), 0) + 1, false)`.execute(trx);
      }
      line = await next();
    }
    return { tables: count, rows: total };
  });
}
