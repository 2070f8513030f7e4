import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, testServerUrl, urlForDatabase } from '../support/databases.ts';
import { runCrocevia, startServer, type ServerProcess } from './processes.ts';
import { Browser, sendOverHttp } from './browser.ts';

const EMAIL = 'two.processes@example.org';
const NAME = 'Teresa Dueprocessi';
const PASSWORD = 'Shared sessions across 2 processes';

// Several processes share one PostgreSQL database; PGlite serves one process only (see process-lifecycle).
describe.runIf(Boolean(testServerUrl()))('two server processes on one PostgreSQL database', () => {
  const name = `crocevia_two_${randomBytes(5).toString('hex')}`;
  let serverUrl: string;
  let env: Record<string, string>;
  let a: ServerProcess | null = null;
  let b: ServerProcess | null = null;

  beforeAll(async () => {
    serverUrl = testServerUrl()!;
    env = { DATABASE_URL: urlForDatabase(serverUrl, name) };
    await adminQuery(serverUrl, `create database ${name}`);
  });

  afterAll(async () => {
    await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  });

  it('start together on an empty database: migrations take turns and both become healthy', { timeout: 180_000 }, async () => {
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    await Promise.all([a.waitHealthy(150_000), b.waitHealthy(150_000)]);
    for (const server of [a, b]) {
      const res = await fetch(`${server.baseUrl}/healthz`);
      expect(await res.json()).toEqual({ status: 'ok', database: 'postgresql' });
    }
    const created = await runCrocevia(['create-admin', '--email', EMAIL, '--name', NAME, '--password', PASSWORD], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
  });

  it('a session made by logging in on one process is valid on the other, and so is logging out', { timeout: 60_000 }, async () => {
    const onA = new Browser(sendOverHttp(a!.baseUrl));
    const login = await onA.submit('/it/login', '/it/login', { email: EMAIL, password: PASSWORD });
    expect(login.status).toBe(303);
    expect(onA.cookies.get('crocevia_session')).toMatch(/^[\w-]{43}$/);

    const onB = new Browser(sendOverHttp(b!.baseUrl));
    for (const [cookie, value] of onA.cookies) onB.cookies.set(cookie, value);
    const account = await onB.get('/it/account');
    expect(account.status).toBe(200);
    expect(account.body).toContain(NAME);

    const logout = await onB.submit('/it/account', '/it/logout', {});
    expect(logout.status).toBe(303);
    const afterLogout = await onA.get('/it/account');
    expect(afterLogout.status).toBe(303);
    expect(afterLogout.headers.location).toMatch(/^\/it\/login/);
  });

  it('both stop on SIGTERM with exit code 0', { timeout: 30_000 }, async () => {
    const [stoppedA, stoppedB] = await Promise.all([a!.stop('SIGTERM'), b!.stop('SIGTERM')]);
    expect(stoppedA).toMatchObject({ code: 0, signal: null });
    expect(stoppedB).toMatchObject({ code: 0, signal: null });
    expect(`${a!.output()}${b!.output()}`).not.toMatch(/"level":(50|60)/);
    a = null;
    b = null;
  });
});
