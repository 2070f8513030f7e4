import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createCrocevia, type Crocevia } from '../../src/kernel/app.ts';
import { allCommands } from '../../src/kernel/cli/run.ts';
import { loadConfig, type Config } from '../../src/kernel/config.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { SESSION_COOKIE } from '../../src/kernel/auth/sessions.ts';
import { CSRF_COOKIE } from '../../src/kernel/http/csrf.ts';
import { modules } from '../../src/modules.ts';
import { adminQuery, openTestDatabase, testServerUrl } from '../support/databases.ts';
import { Browser, csrfFieldOf, type Send } from './browser.ts';

const EMAIL = 'ops.logs@example.org';
const NAME = 'Ornella Logtest';
const PASSWORD = 'Very-secret passphrase 4 logs!';

function sendInProcess(app: FastifyInstance): Send {
  return async ({ method, url, headers, body }) => {
    const res = await app.inject({ method, url, headers, payload: body });
    return { status: res.statusCode, headers: res.headers as PageResponseHeaders, body: res.body };
  };
}
type PageResponseHeaders = Record<string, string | string[] | undefined>;

// Every JSON line the logger writes, parsed.
function captureLogs(): { stream: Writable; lines: Record<string, unknown>[]; raw: string[] } {
  const raw: string[] = [];
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { stream, lines, raw };
}

describe('operations over HTTP: logs, request ids, health', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let crocevia: Crocevia;
  let config: Config;
  const logs = captureLogs();

  beforeAll(async () => {
    database = await openTestDatabase({ snapshotPath: inject('snapshotPath'), templateName: inject('templateName') });
    config = { ...loadConfig({ NODE_ENV: 'test' }), seedDemo: false, logLevel: 'trace' };
    crocevia = await createCrocevia({ config, modules, database, logger: createLogger('trace', logs.stream) });
    await crocevia.app.ready();
    const createAdmin = allCommands(modules).find((c) => c.name === 'create-admin');
    if (!createAdmin) throw new Error('The create-admin command is missing');
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await createAdmin.run(['--email', EMAIL, '--name', NAME, '--password', PASSWORD], crocevia.ctx)).toBe(0);
    } finally {
      quiet.mockRestore();
    }
  });

  afterAll(async () => {
    await crocevia?.close();
    await database?.drop().catch(() => undefined); // the last test takes the database away
  });

  it('logs a login and a signed-in form post as JSON without password, cookies, tokens or e-mail', async () => {
    const browser = new Browser(sendInProcess(crocevia.app));
    const login = await browser.submit('/it/login', '/it/login', { email: EMAIL, password: PASSWORD });
    expect(login.status).toBe(303);
    const session = browser.cookies.get(SESSION_COOKIE);
    expect(session).toBeTruthy();
    const account = await browser.get('/it/account');
    expect(account.status).toBe(200);
    expect(account.body).toContain(NAME);
    const token = csrfFieldOf(account.body);
    const wrong = await browser.submit('/it/account', '/it/account/password', {
      currentPassword: `${PASSWORD} (wrong)`,
      newPassword: 'Another very secret passphrase 5',
      confirmPassword: 'Another very secret passphrase 5',
      password: PASSWORD,
    });
    expect(wrong.status).toBeLessThan(500);

    expect(logs.lines.length).toBeGreaterThan(6);
    const secrets = [PASSWORD, 'Another very secret passphrase 5', session!, browser.cookies.get(CSRF_COOKIE)!, token, EMAIL, crocevia.ctx.secret];
    for (const line of logs.raw) for (const secret of secrets) expect(line).not.toContain(secret);
    expect(logs.raw.join('\n')).not.toMatch(/crocevia_session=|crocevia_csrf=/);
  });

  it('redacts secrets and personal fields anywhere in the first three levels of a log line', () => {
    const capture = captureLogs();
    const logger = createLogger('info', capture.stream);
    const body = { password: 'S1', currentPassword: 'S2', newPassword: 'S3', confirmPassword: 'S4', token: 'S5', email: 'S6@example.org', _csrf: 'S7' };
    logger.info({ ...body, body, form: { nested: body } }, 'a form');
    logger.error({ err: Object.assign(new Error('duplicate key'), { detail: 'Key (lower(email))=(S8@example.org) already exists.' }) }, 'failed');
    expect(capture.raw).toHaveLength(2);
    expect(capture.raw.join('\n')).not.toMatch(/S[1-8]/);
    expect(capture.lines[0]).toMatchObject({ msg: 'a form', password: '[redacted]', body: { email: '[redacted]' }, form: { nested: { token: '[redacted]' } } });
  });

  it('carries the request id on every line of a request and in the x-request-id header', async () => {
    logs.lines.length = 0;
    const res = await crocevia.app.inject({ method: 'GET', url: '/it?q=private-search', headers: { 'x-request-id': 'forged-request-id-123' } });
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/); // not trusted without TRUST_PROXY
    const mine = logs.lines.filter((l) => l.reqId === id);
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    expect(logs.lines.filter((l) => l.reqId !== undefined && l.reqId !== id)).toEqual([]);
    expect(mine.find((l) => l.msg === 'incoming request')).toMatchObject({ req: { method: 'GET', path: '/it' } });
    expect(JSON.stringify(mine)).not.toContain('private-search');
  });

  it('keeps the request id a trusted proxy sends (TRUST_PROXY=true)', async () => {
    const proxied = await createCrocevia({ config: { ...config, trustProxy: true }, modules, database, logger: createLogger('silent') });
    try {
      const res = await proxied.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'proxy-request-id-123' } });
      expect(res.headers['x-request-id']).toBe('proxy-request-id-123');
      const odd = await proxied.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
      expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await proxied.close();
    }
  });

  it('answers the health check after querying the database', async () => {
    const res = await crocevia.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: database.kind });
  });

  it('answers 503 when the database is gone', async () => {
    const serverUrl = testServerUrl();
    if (database.kind === 'postgresql' && serverUrl) {
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
      await adminQuery(serverUrl, `drop database ${rows[0]!.name} with (force)`);
    } else {
      await database.db.destroy(); // the embedded engine lives in this process: stopping its pool is how it goes away
    }
    const res = await crocevia.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', database: database.kind });
  });
});
