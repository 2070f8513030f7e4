import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/kernel/db/database.ts';

/** A test-only table holding the column types a backup must carry: bytea, arrays, json, numbers, times, identities. */
export const PROBE_TABLE = 'ops_backup_probe';

/** Rows of the probe, enough to span several restore batches with children before their parents. */
export const PROBE_ROWS = 1200;

/** Creates the probe table: a deferrable and a plain self-reference, an identity, a serial, a generated column and unusual values. */
export async function createProbeTable(db: Db): Promise<void> {
  await sql`
    create table ops_backup_probe (
      id bigint generated always as identity primary key,
      parent_id bigint references ops_backup_probe (id) deferrable initially immediate,
      next_id bigint references ops_backup_probe (id),
      legacy_no serial not null,
      label text not null,
      tags text[],
      scores integer[],
      data jsonb,
      raw_json json,
      blob bytea,
      amount numeric(14, 4),
      exact numeric,
      big bigint,
      ratio double precision,
      happened_at timestamptz,
      local_time timestamp,
      day date,
      span interval,
      is_flagged boolean,
      label_length integer generated always as (length(label)) stored
    )`.execute(db);
}

/** Fills the probe: hand-made rows with awkward values, then rows whose parent comes after them. */
export async function fillProbeTable(db: Db): Promise<void> {
  await sql`
    insert into ops_backup_probe (id, label, tags, scores, data, raw_json, blob, amount, ratio, happened_at, local_time, day, span, is_flagged)
    overriding system value values
      (1, ${'quote \' double " backslash \\ newline\nend'}, ${['a', 'b c', '', 'comma,brace{}', 'quote"', null]}::text[], '{1,-2,2147483647}',
       ${JSON.stringify({ nested: { list: [1, 2.5, null, true, 'x'] }, 'ключ': 'значение', emoji: '🇮🇹✨', escaped: '\\"\n\t' })}::jsonb,
       '{"b": 1, "a": [ 2 , 1 ], "b": 2}', decode(${Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('hex')}, 'hex'),
       1234567890.1234, 0.1, '2026-11-26 10:20:30.123456+01', '2026-03-29 02:30:00.5', '2026-02-28', '1 year 2 mons 3 days 04:05:06.789', true),
      (2, ${'عربي 中文 বাংলা اردو українська shqip'}, '{}', null, '[]', 'null', ''::bytea,
       -0.0001, 'NaN', '0044-03-15 12:00:00+00 BC', 'infinity', '-infinity', '-1 day', false),
      (3, 'extremes', '{NULL}', '{}', '{"": ""}', '"text"', '\\x00', 0, 'Infinity', 'infinity', '1970-01-01 00:00:00', '2000-02-29', '0', null),
      (4, 'small', null, null, null, null, null, null, '-Infinity', '-infinity', null, null, null, null),
      (5, 'precise', null, null, '1e-7', '12345678901234567890', null, 99999.9999, 1e-300, '1999-12-31 23:59:59.999999+14', null, null, null, null)`.execute(db);
  await sql`update ops_backup_probe set exact = '123456789012345678901234567890.123456789012345678901234567890', big = 9223372036854775807 where id = 5`.execute(db);
  await sql`update ops_backup_probe set exact = '-0.000000000000000000000000000001', big = -9007199254740993 where id = 4`.execute(db);
  // Row n points at row n + 1, so a child always comes before its parent in the file.
  await sql`
    insert into ops_backup_probe (id, parent_id, next_id, label, tags, data, happened_at)
    overriding system value
    select 10 + g * 3, case when g < ${PROBE_ROWS} then 10 + (g + 1) * 3 end, case when g < ${PROBE_ROWS} then 10 + (g + 1) * 3 end, 'row ' || g, array['t' || g, 'u'], jsonb_build_object('n', g, 'half', g / 2.0),
           timestamptz '2026-01-01 00:00:00+00' + make_interval(secs => g * 1.000001)
    from generate_series(1, ${PROBE_ROWS}) as g`.execute(db);
  // The identity moves past rows that were deleted: gaps must survive, and new rows must not collide.
  await sql`select setval(pg_get_serial_sequence('ops_backup_probe', 'id'), 5000)`.execute(db);
}

interface ColumnInfo {
  table: string;
  column: string;
  type: string;
  isNullable: boolean;
  isSkipped: boolean;
}

interface ForeignKey {
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

/** The base tables of the public schema, by name. */
export async function listPublicTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.map((r) => r.name);
}

async function readCatalog(db: Db): Promise<{ columns: ColumnInfo[]; fks: ForeignKey[]; checks: { table: string; def: string }[] }> {
  const { rows: columns } = await sql<{ table: string; column: string; type: string; not_null: boolean; skipped: boolean }>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
           (a.attidentity <> '' or a.attgenerated <> '') as skipped
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const { rows: fks } = await sql<{ table: string; columns: string[]; ref_table: string; ref_columns: string[] }>`
    select c.relname as table, r.relname as ref_table,
           array(select attname from unnest(k.conkey) with ordinality u(n, i) join pg_attribute on attrelid = k.conrelid and attnum = u.n order by u.i)::text[] as columns,
           array(select attname from unnest(k.confkey) with ordinality u(n, i) join pg_attribute on attrelid = k.confrelid and attnum = u.n order by u.i)::text[] as ref_columns
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`.execute(db);
  const { rows: checks } = await sql<{ table: string; def: string }>`
    select c.relname as table, pg_get_constraintdef(k.oid) as def
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'c' and n.nspname = 'public'`.execute(db);
  return {
    columns: columns.map((c) => ({ table: c.table, column: c.column, type: c.type, isNullable: !c.not_null, isSkipped: c.skipped })),
    fks: fks.map((f) => ({ table: f.table, columns: f.columns, refTable: f.ref_table, refColumns: f.ref_columns })),
    checks,
  };
}

// A value for a column from its type, honouring `col IN ('a', 'b')` checks by taking the first allowed value.
function valueFor(column: ColumnInfo, checks: string[]): string | null {
  const listed = new RegExp(`(?:^|[^\\w"])"?${column.column}"?(?:::\\w+)? = ANY \\(+ARRAY\\['((?:[^']|'')*)'`);
  const allowed = checks.map((def) => listed.exec(def)?.[1]).find((v) => v !== undefined);
  if (allowed !== undefined) return allowed.replace(/''/g, "'");
  const type = column.type;
  if (type.endsWith('[]')) {
    const item = valueFor({ ...column, type: type.slice(0, -2), isNullable: true }, []);
    return item === null ? '{}' : `{"${item.replace(/[\\"]/g, (c) => `\\${c}`)}",NULL}`;
  }
  if (type === 'uuid') return randomUUID();
  if (type === 'text' || type.startsWith('character') || type === 'citext') return 'backup_value';
  if (/^(smallint|integer|bigint)$/.test(type)) return '7';
  if (type.startsWith('numeric') || type === 'double precision' || type === 'real') return '7.25';
  if (type === 'boolean') return 'true';
  if (type.startsWith('timestamp')) return '2026-11-26 10:20:30.123456+00';
  if (type === 'date') return '2026-11-26';
  if (type === 'interval') return '1 day 02:03:04';
  if (type === 'jsonb' || type === 'json') return '{"backup": ["value", 1, null, {"è": "ü"}]}';
  if (type === 'bytea') return '\\xdeadbeef';
  const range = /^(int4|int8|num|ts|tstz|date)(multi)?range$/.exec(type);
  if (range) {
    const bounds = ['int4', 'int8', 'num'].includes(range[1]!) ? '[60,120)' : '[2026-01-01,2026-02-01)';
    return range[2] ? `{${bounds}}` : bounds;
  }
  if (type === 'tsvector') return 'backup value';
  if (type.startsWith('time')) return '10:20:30.123456';
  if (type === 'inet' || type === 'cidr') return '127.0.0.1';
  if (type === 'point') return '(11.34,44.49)';
  if (type === 'cube') return '(1, 2, 3)';
  if (column.isNullable) return null;
  throw new Error(`No fixture value for ${column.table}.${column.column} of type ${type}: add one in test/ops/table-fixtures.ts`);
}

/** Drops a table's CHECK constraints (in a test copy of the database). */
export async function dropChecks(db: Db, table: string): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select conname as name from pg_constraint where conrelid = ${table}::regclass and contype = 'c'`.execute(db);
  for (const { name } of rows) await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)}`.execute(db);
}

// The first row's values of the referenced columns, as text.
async function referencedValues(db: Db, fk: ForeignKey): Promise<(string | null)[]> {
  const select = fk.refColumns.map((c) => sql`${sql.ref(c)}::text`);
  const { rows } = await sql<Record<string, string>>`select ${sql.join(select)} from ${sql.table(fk.refTable)} limit 1`.execute(db);
  return fk.columns.map((_, i) => Object.values(rows[0] ?? {})[i] ?? null);
}

/**
 * Inserts one row into every empty table of the public schema (parents first), with a value in every column.
 * A foreign key to the table itself, or one that closes a cycle of tables, is left empty at first (it must
 * accept NULL) and pointed at a row once every table has one. Returns the tables filled and those whose CHECK
 * constraints had to go.
 */
export async function fillEmptyTables(db: Db): Promise<{ filled: string[]; withoutChecks: string[] }> {
  const { columns, fks, checks } = await readCatalog(db);
  const filled: string[] = [];
  const withoutChecks: string[] = [];
  const remaining = new Set<string>();
  const later: ForeignKey[] = [];
  for (const table of await listPublicTables(db)) {
    const { rows } = await sql<{ has: boolean }>`select exists (select 1 from ${sql.table(table)}) as has`.execute(db);
    if (!rows[0]?.has) remaining.add(table);
  }
  const isNullable = (fk: ForeignKey) => fk.columns.every((c) => columns.find((col) => col.table === fk.table && col.column === c)?.isNullable);
  const blockers = (table: string) => fks.filter((fk) => fk.table === table && fk.refTable !== table && remaining.has(fk.refTable));
  while (remaining.size > 0) {
    // Parents before children; in a cycle, a table whose links to the rest of the cycle may wait.
    const ready = [...remaining].find((t) => blockers(t).length === 0) ?? [...remaining].find((t) => blockers(t).every(isNullable));
    if (!ready) throw new Error(`Cannot fill tables with a cycle of required foreign keys: ${[...remaining].join(', ')}`);
    const postponed = [...blockers(ready), ...fks.filter((fk) => fk.table === ready && fk.refTable === ready)];
    remaining.delete(ready);
    const values = new Map<string, string | null>();
    for (const fk of postponed) fk.columns.forEach((c) => values.set(c, null));
    later.push(...postponed);
    for (const fk of fks.filter((f) => f.table === ready && !postponed.includes(f))) {
      const refs = await referencedValues(db, fk);
      fk.columns.forEach((c, i) => values.set(c, refs[i] ?? null));
    }
    const own = columns.filter((c) => c.table === ready && !c.isSkipped);
    const tableChecks = checks.filter((c) => c.table === ready).map((c) => c.def);
    const cells = own.map((c) => {
      const value = values.has(c.column) ? values.get(c.column)! : valueFor(c, tableChecks);
      return sql`cast(${value} as ${sql.raw(c.type)})`;
    });
    const names = own.map((c) => sql.ref(c.column));
    const insert = sql`insert into ${sql.table(ready)} (${sql.join(names)}) values (${sql.join(cells)})`;
    try {
      await insert.execute(db).catch(async (error: { code?: string }) => {
        if (error.code !== '23514') throw error;
        // A domain rule (a pattern, a relation between columns) the generated values miss: this copy of the
        // database drops the table's CHECK constraints, since the backup carries rows whatever their meaning.
        await dropChecks(db, ready);
        withoutChecks.push(ready);
        await insert.execute(db);
      });
    } catch (error) {
      throw new Error(`Could not fill ${ready} with generated values (${(error as Error).message}): add a fixture in test/ops/table-fixtures.ts`);
    }
    filled.push(ready);
  }
  for (const fk of later.filter((f) => f.refTable !== f.table)) {
    const refs = await referencedValues(db, fk);
    const sets = fk.columns.map((c, i) => sql`${sql.ref(c)} = cast(${refs[i] ?? null} as ${sql.raw(columns.find((col) => col.table === fk.table && col.column === c)!.type)})`);
    await sql`update ${sql.table(fk.table)} set ${sql.join(sets)}`.execute(db);
  }
  return { filled, withoutChecks };
}

/** Every row of every public table as JSON text, sorted, in UTC: two equal snapshots mean equal data. */
export async function snapshotTables(db: Db): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone to 'UTC'`.execute(trx);
    const snapshot: Record<string, string[]> = {};
    for (const table of await listPublicTables(trx)) {
      if (table.startsWith('kernel_migrations')) continue;
      const { rows } = await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(table)} t`.execute(trx);
      snapshot[table] = rows.map((r) => r.j).sort();
    }
    return snapshot;
  });
}

/** Tables of a snapshot that hold no row. */
export function emptyTablesOf(snapshot: Record<string, string[]>): string[] {
  return Object.entries(snapshot)
    .filter(([, rows]) => rows.length === 0)
    .map(([name]) => name);
}

/** The differences between two snapshots, one short line per table: empty when they are equal. */
export function diffSnapshots(actual: Record<string, string[]>, expected: Record<string, string[]>): string[] {
  const tables = [...new Set([...Object.keys(actual), ...Object.keys(expected)])].sort();
  const lines: string[] = [];
  for (const table of tables) {
    const a = actual[table];
    const e = expected[table];
    if (!a || !e) {
      lines.push(`${table}: ${a ? 'unexpected' : 'missing'} table`);
      continue;
    }
    const expectedSet = new Set(e);
    const actualSet = new Set(a);
    const extra = a.filter((row) => !expectedSet.has(row));
    const lost = e.filter((row) => !actualSet.has(row));
    if (a.length !== e.length || extra.length || lost.length) {
      lines.push(`${table}: ${a.length} rows, expected ${e.length}; first unexpected ${extra[0]?.slice(0, 300) ?? '-'}; first missing ${lost[0]?.slice(0, 300) ?? '-'}`);
    }
  }
  return lines;
}
