import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { openPglite, openPostgres, type Database } from '../../src/kernel/db/database.ts';
import { allCommands, runCli } from '../../src/kernel/cli/run.ts';
import { loadConfig } from '../../src/kernel/config.ts';
import { modules } from '../../src/modules.ts';
import { adminQuery, testServerUrl, urlForDatabase } from '../support/databases.ts';
import { runCrocevia } from './processes.ts';

const serverUrl = testServerUrl();
const engine = serverUrl ? 'PostgreSQL' : 'PGlite';

// Runs a command in this process and returns what it printed.
async function runInProcess(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await runCli(argv, { config: loadConfig({ NODE_ENV: 'test' }), modules });
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('the crocevia command line', () => {
  it('lists every command with --help', async () => {
    const result = await runCrocevia(['--help'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npx crocevia <command>');
    for (const command of allCommands(modules)) expect(result.stdout).toContain(`  ${command.name} `);
    for (const name of ['serve', 'migrate', 'seed-demo', 'create-admin', 'backup', 'restore']) expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('explains each command with <command> --help, without touching a database', async () => {
    for (const command of allCommands(modules)) {
      const { code, out } = await runInProcess([...command.name.split(' '), '--help']);
      expect(code, command.name).toBe(0);
      expect(out).toContain(command.summary);
      expect(out).toContain(`Usage: ${command.usage}`);
    }
  });

  it('exits 64 on an unknown command, naming it', async () => {
    const result = await runCrocevia(['frobnicate'], {});
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('Usage: npx crocevia <command>');
  });
});

describe(`the crocevia command line on an empty ${engine} database`, () => {
  let env: Record<string, string>;
  let dir: string;
  let open: () => Promise<Database>;
  let dropDatabase = async () => {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-cli-'));
    if (serverUrl) {
      const name = `crocevia_cli_${randomBytes(5).toString('hex')}`;
      await adminQuery(serverUrl, `create database ${name}`);
      const url = urlForDatabase(serverUrl, name);
      env = { DATABASE_URL: url };
      open = () => openPostgres(url, 2);
      dropDatabase = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    } else {
      env = { DATA_DIR: path.join(dir, 'data') };
      open = () => openPglite({ dataDir: path.join(dir, 'data') });
    }
  });

  afterAll(async () => {
    await dropDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Opens the database (the CLI must have released it), runs the statements, returns the last one's rows.
  async function query<T>(...statements: string[]): Promise<T[]> {
    const database = await open();
    try {
      let rows: T[] = [];
      for (const text of statements) rows = (await sql.raw<T>(text).execute(database.db)).rows;
      return rows;
    } finally {
      await database.close();
    }
  }

  it('migrate creates the schema and loads the reference data', { timeout: 300_000 }, async () => {
    const result = await runCrocevia(['migrate'], env, 240_000);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Database migrated and reference data loaded.');
    const [counts] = await query<{ regions: number; provinces: number; municipalities: number; migrations: number }>(`
      select (select count(*)::int from territory_regions) as regions, (select count(*)::int from territory_provinces) as provinces,
             (select count(*)::int from territory_municipalities) as municipalities, (select count(*)::int from kernel_migrations) as migrations`);
    expect(counts).toMatchObject({ regions: 20, provinces: 107, municipalities: 7901 });
    expect(counts!.migrations).toBeGreaterThan(1);
  });

  it('seed-demo loads the demo once and refuses a second time', { timeout: 300_000 }, async () => {
    const first = await runCrocevia(['seed-demo'], env, 240_000);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const [demo] = await query<{ is_demo: unknown; regions: number }>(`
      select (select value from kernel_settings where key = 'demo') as is_demo,
             (select count(distinct region_code)::int from accounts_organisations) as regions`);
    expect(demo!.is_demo).toBe(true);
    expect(demo!.regions).toBeGreaterThanOrEqual(2);
    const second = await runCrocevia(['seed-demo'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('The demo is already loaded in this database.');
  });

  it('backup writes a file that restore brings back after the data changed', { timeout: 300_000 }, async () => {
    const file = path.join(dir, 'crocevia.backup');
    const backup = await runCrocevia(['backup', file], env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backup written to .*crocevia\.backup: \d+ tables, \d+ rows\.$/m);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    await query(
      `update territory_municipalities set name = name || ' (changed)'`,
      `update kernel_settings set value = '"changed"' where key = 'secret_key'`,
      `delete from kernel_settings where key = 'demo'`,
    );
    const restore = await runCrocevia(['restore', file], env);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Restored \d+ tables, \d+ rows from /m);
    const [after] = await query<{ changed: number; secret: string; is_demo: unknown }>(`
      select (select count(*)::int from territory_municipalities where name like '%(changed)') as changed,
             (select value #>> '{}' from kernel_settings where key = 'secret_key') as secret,
             (select value from kernel_settings where key = 'demo') as is_demo`);
    expect(after).toMatchObject({ changed: 0, is_demo: true });
    expect(after!.secret).toMatch(/^[\w-]{43}$/);
  });

  it('restore of a file that is not a backup exits 65 with a clear message and changes nothing', { timeout: 200_000 }, async () => {
    const bad = path.join(dir, 'notes.txt');
    fs.writeFileSync(bad, 'not a backup\n');
    await query(`insert into kernel_settings (key, value) values ('ops_marker', '"kept"')`);
    const result = await runCrocevia(['restore', bad], env);
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(/^crocevia: .*notes\.txt is damaged or is not a Crocevia backup/);
    expect(result.stderr).not.toContain('    at ');
    const [after] = await query<{ municipalities: number; marker: string }>(`
      select (select count(*)::int from territory_municipalities) as municipalities, (select value #>> '{}' from kernel_settings where key = 'ops_marker') as marker`);
    expect(after).toEqual({ municipalities: 7901, marker: 'kept' });
  });
});
