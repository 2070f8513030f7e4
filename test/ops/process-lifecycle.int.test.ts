import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DataDirLockedError, openPglite } from '../../src/kernel/db/database.ts';
import { runCrocevia, startServer, type ServerProcess } from './processes.ts';

// The embedded database is PGlite whatever the suite runs on: these tests are about its data folder and lock.
describe('one process per PGlite data folder, and a graceful stop', () => {
  let dir: string;
  let dataDir: string;
  let lockFile: string;
  let server: ServerProcess | null = null;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-lock-'));
    dataDir = path.join(dir, 'data');
    lockFile = path.join(dataDir, 'crocevia.lock');
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves an empty data folder and answers the health check', { timeout: 300_000 }, async () => {
    server = await startServer({ DATA_DIR: dataDir });
    await server.waitHealthy(200_000);
    const res = await fetch(`${server.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite' });
    const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
    expect(lock).toMatchObject({ pid: server.child.pid, host: os.hostname() });
  });

  it('refuses a second process on the same folder with exit code 2 and a clear message', { timeout: 200_000 }, async () => {
    const second = await runCrocevia(['migrate'], { DATA_DIR: dataDir });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`crocevia: The data folder ${dataDir} is already in use by process ${server!.child.pid} on ${os.hostname()}`);
    expect(second.stderr).toContain('set DATABASE_URL to a PostgreSQL server to run several processes');
    expect(second.stderr).not.toContain('    at ');
    expect(fs.existsSync(lockFile)).toBe(true);
    expect((await fetch(`${server!.baseUrl}/healthz`)).status).toBe(200);
  });

  it('stops on SIGTERM with exit code 0 within seconds and releases the lock', { timeout: 30_000 }, async () => {
    const stopped = await server!.stop('SIGTERM');
    expect(stopped).toMatchObject({ code: 0, signal: null });
    expect(stopped.ms).toBeLessThan(8000);
    expect(fs.existsSync(lockFile)).toBe(false);
    expect(server!.output()).not.toMatch(/error/i);
    server = null;
  });

  it('takes over the lock of a process that is gone', { timeout: 120_000 }, async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(lockFile, JSON.stringify({ pid: Number(gone.stdout), host: os.hostname(), since: '2026-11-25T08:00:00.000Z' }));
    const database = await openPglite({ dataDir });
    try {
      expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from territory_regions`.execute(database.db);
      expect(rows[0]?.n).toBe(20);
    } finally {
      await database.close();
    }
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('refuses a folder locked from another machine (a shared disk), whatever the pid', async () => {
    fs.writeFileSync(lockFile, JSON.stringify({ pid: 999_999_999, host: 'another-host.example', since: '2026-11-25T08:00:00.000Z' }));
    await expect(openPglite({ dataDir })).rejects.toThrow(DataDirLockedError);
    await expect(openPglite({ dataDir })).rejects.toThrow('already in use by process 999999999 on another-host.example');
    expect(fs.existsSync(lockFile)).toBe(true);
    fs.unlinkSync(lockFile);
  });
});
