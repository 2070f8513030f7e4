import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openPglite, type Database } from '../../src/kernel/db/database.ts';
import { BackupError, readBackup, writeBackup } from '../../src/kernel/db/backup.ts';
import { migrateAll } from '../../src/kernel/app.ts';
import { modules } from '../../src/modules.ts';
import { openTestDatabase } from '../support/databases.ts';
import { PROBE_ROWS, createProbeTable, diffSnapshots, dropChecks, emptyTablesOf, fillEmptyTables, fillProbeTable, listPublicTables, snapshotTables } from './table-fixtures.ts';

type Snapshot = Record<string, string[]>;

describe('backup and restore', () => {
  let database: Database & { drop(): Promise<void> };
  let dir: string;
  let file: string;
  let original: Snapshot;

  beforeAll(async () => {
    database = await openTestDatabase({ snapshotPath: inject('snapshotPath'), templateName: inject('templateName') });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-backup-'));
    file = path.join(dir, 'full.backup');
    await createProbeTable(database.db);
    await fillProbeTable(database.db);
    await fillEmptyTables(database.db);
    original = await snapshotTables(database.db);
  });

  afterAll(async () => {
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts from a database where every public table holds rows', async () => {
    const tables = await listPublicTables(database.db);
    expect(tables).toContain('kernel_settings');
    expect(tables).toContain('territory_municipalities');
    expect(emptyTablesOf(original)).toEqual([]);
    expect(original.territory_municipalities).toHaveLength(7901);
    expect(original.ops_backup_probe).toHaveLength(PROBE_ROWS + 5);
  });

  it('restores every row of every table exactly, replacing the changes made since', async () => {
    const written = await writeBackup(database.db, file);
    expect(written.tables).toBe(Object.keys(original).length);
    expect(written.rows).toBe(Object.values(original).reduce((n, rows) => n + rows.length, 0));

    await sql`delete from ops_backup_probe where id in (2, 3)`.execute(database.db);
    await sql`update ops_backup_probe set data = '{"changed": true}', blob = null, big = 1 where id in (1, 5)`.execute(database.db);
    await sql`update territory_regions set name = 'Changed' where code = '01'`.execute(database.db);
    await sql`insert into kernel_settings (key, value) values ('after_backup', '1')`.execute(database.db);
    await sql`truncate accounts_people cascade`.execute(database.db);
    await sql`insert into kernel_audit (action, entity) values ('after', 'backup')`.execute(database.db);
    const changed = diffSnapshots(await snapshotTables(database.db), original).map((line) => line.split(':')[0]);
    expect(changed).toEqual(expect.arrayContaining(['accounts_people', 'kernel_audit', 'kernel_settings', 'ops_backup_probe', 'territory_regions']));

    const restored = await readBackup(database.db, file);
    expect(restored).toEqual(written);
    expect(diffSnapshots(await snapshotTables(database.db), original)).toEqual([]);
    const { rows } = await sql<{ conname: string; condeferrable: boolean }>`
      select conname, condeferrable from pg_constraint where conrelid = 'ops_backup_probe'::regclass and contype = 'f' order by conname`.execute(database.db);
    expect(rows).toEqual([
      { conname: 'ops_backup_probe_next_id_fkey', condeferrable: false },
      { conname: 'ops_backup_probe_parent_id_fkey', condeferrable: true },
    ]);
  });

  it('lets identity and serial sequences continue after the restored rows', async () => {
    const { rows: top } = await sql<{ id: string; legacy: number; audit: string }>`
      select (select max(id) from ops_backup_probe)::text as id, (select max(legacy_no) from ops_backup_probe) as legacy,
             (select max(id) from kernel_audit)::text as audit`.execute(database.db);
    const { rows: probe } = await sql<{ id: string; legacy_no: number }>`
      insert into ops_backup_probe (label) values ('after restore') returning id::text, legacy_no`.execute(database.db);
    const { rows: audit } = await sql<{ id: string }>`insert into kernel_audit (action, entity) values ('after', 'restore') returning id::text`.execute(database.db);
    expect(BigInt(probe[0]!.id)).toBeGreaterThan(BigInt(top[0]!.id));
    expect(probe[0]!.legacy_no).toBeGreaterThan(top[0]!.legacy);
    expect(BigInt(audit[0]!.id)).toBeGreaterThan(BigInt(top[0]!.audit));
    await sql`delete from ops_backup_probe where label = 'after restore'`.execute(database.db);
  });

  describe('refuses a damaged or foreign file and leaves the database as it was', () => {
    let before: Snapshot;
    beforeAll(async () => {
      await sql`delete from kernel_settings where key = 'after_backup'`.execute(database.db);
      await sql`update territory_regions set name = 'Changed again' where code = '02'`.execute(database.db);
      before = await snapshotTables(database.db);
    });

    const cases: [string, () => Buffer][] = [
      ['a file cut in the middle of its compressed stream', () => fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size * 0.6))],
      ['a file cut after a whole table (a valid gzip missing its end)', () => gzipLines(readLines(file).slice(0, linesThrough(file, 'territory_regions')))],
      ['a file cut inside a table', () => gzipLines(readLines(file).slice(0, -3))],
      ['a text file', () => Buffer.from('this is not a backup\n')],
      ['a gzip of something else', () => zlib.gzipSync('{"hello": "world"}\n{"table": "kernel_settings", "rows": 0}\n')],
      ['an empty file', () => Buffer.alloc(0)],
      ['a backup made by a newer Crocevia', () => gzipLines(withHeader(readLines(file), (h) => ({ ...h, migrations: [...(h.migrations as string[]), '209912310000_future_x'] })))],
      ['a backup whose rows break a foreign key', () => gzipLines(breakForeignKey(readLines(file)))],
      ['a backup holding a table this database does not have', () => gzipLines(renameTable(readLines(file), 'ops_backup_probe', 'ops_unknown'))],
    ];
    for (const [name, make] of cases) {
      it(`rejects ${name}`, async () => {
        const bad = path.join(dir, 'bad.backup');
        fs.writeFileSync(bad, make());
        await expect(readBackup(database.db, bad)).rejects.toThrow(BackupError);
        expect(diffSnapshots(await snapshotTables(database.db), before)).toEqual([]);
      });
    }

    it('leaves no file behind when the backup itself fails', async () => {
      const unreachable = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none' }) }) });
      const target = path.join(dir, 'failed.backup');
      await expect(writeBackup(unreachable, target)).rejects.toThrow();
      await unreachable.destroy();
      expect(fs.existsSync(target)).toBe(false);
    });

    it('rejects a missing file', async () => {
      await expect(readBackup(database.db, path.join(dir, 'nothing-here'))).rejects.toThrow(/No such file/);
    });
  });
});

// Both engines in one test: a PostgreSQL backup restored into PGlite, and back.
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('backup between engines', () => {
  let server: Database & { drop(): Promise<void> };
  let embedded: Database;
  let dir: string;

  beforeAll(async () => {
    server = await openTestDatabase({ snapshotPath: inject('snapshotPath'), templateName: inject('templateName') });
    embedded = await openPglite({});
    await migrateAll(embedded, modules);
    for (const db of [server.db, embedded.db]) await createProbeTable(db);
    await fillProbeTable(server.db);
    const { withoutChecks } = await fillEmptyTables(server.db);
    for (const table of withoutChecks) await dropChecks(embedded.db, table);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-backup-'));
  });

  afterAll(async () => {
    await embedded?.close();
    await server?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('carries every table from PostgreSQL to PGlite and from PGlite to PostgreSQL unchanged', async () => {
    expect([server.kind, embedded.kind]).toEqual(['postgresql', 'pglite']);
    const original = await snapshotTables(server.db);
    expect(emptyTablesOf(original)).toEqual([]);
    await writeBackup(server.db, path.join(dir, 'from-postgresql.backup'));
    await readBackup(embedded.db, path.join(dir, 'from-postgresql.backup'));
    expect(diffSnapshots(await snapshotTables(embedded.db), original)).toEqual([]);

    await sql`update ops_backup_probe set label = 'made in PGlite' where id = 1`.execute(embedded.db);
    const changed = await snapshotTables(embedded.db);
    await writeBackup(embedded.db, path.join(dir, 'from-pglite.backup'));
    await readBackup(server.db, path.join(dir, 'from-pglite.backup'));
    expect(diffSnapshots(await snapshotTables(server.db), changed)).toEqual([]);
  });
});

function readLines(file: string): string[] {
  return zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').filter((l) => l !== '');
}

function gzipLines(lines: string[]): Buffer {
  return zlib.gzipSync(lines.map((l) => `${l}\n`).join(''));
}

// The number of lines up to and including the rows of the named table.
function linesThrough(file: string, table: string): number {
  const lines = readLines(file);
  const at = lines.findIndex((l) => l.startsWith(`{"table":"${table}"`));
  return at + 1 + (JSON.parse(lines[at]!) as { rows: number }).rows;
}

function withHeader(lines: string[], change: (header: Record<string, unknown>) => Record<string, unknown>): string[] {
  return [JSON.stringify(change(JSON.parse(lines[0]!))), ...lines.slice(1)];
}

function renameTable(lines: string[], from: string, to: string): string[] {
  return lines.map((l) => (l.startsWith(`{"table":"${from}"`) ? l.replace(from, to) : l));
}

function breakForeignKey(lines: string[]): string[] {
  const at = lines.findIndex((l) => l.includes('"next_id":16,'));
  expect(at).toBeGreaterThan(0);
  return lines.map((l, i) => (i === at ? l.replace('"next_id":16,', '"next_id":999999,') : l));
}
