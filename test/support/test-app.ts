import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createCrocevia, type Crocevia } from '../../src/kernel/app.ts';
import { loadConfig, type Config } from '../../src/kernel/config.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { csrfTokenFor, CSRF_COOKIE, CSRF_FIELD } from '../../src/kernel/http/csrf.ts';
import { hashToken, SESSION_COOKIE } from '../../src/kernel/auth/sessions.ts';
import { modules } from '../../src/modules.ts';
import { openTestDatabase } from './databases.ts';

/** A whole Crocevia on its own copy of the test database. */
export interface TestApp extends Crocevia {
  /** A browser-like client with its own cookies. */
  client(): TestClient;
  /** Which engine the test runs on. */
  kind: 'pglite' | 'postgresql';
}

/** Starts Crocevia for a test file, on PGlite or (with TEST_DATABASE_URL) PostgreSQL. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase({ snapshotPath: inject('snapshotPath'), templateName: inject('templateName') });
  const config: Config = { ...loadConfig({ NODE_ENV: 'test' }), seedDemo: false, logLevel: 'silent', ...overrides };
  const crocevia = await createCrocevia({ config, modules, database, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  await crocevia.app.ready();
  return {
    ...crocevia,
    kind: database.kind,
    client: () => new TestClient(crocevia.app, crocevia.ctx.secret),
    async close() {
      await crocevia.close();
      await database.drop();
    },
  };
}

type Form = Record<string, string | string[] | number | boolean | undefined>;

/** Keeps cookies between requests and signs state-changing requests with the right anti-forgery token. */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly secret: string,
  ) {}

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const isCleared = c.value === '' || (c.expires !== undefined && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (isCleared) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** The token a page would carry in its forms now. */
  csrfToken(): string {
    const seed = this.cookies.get(CSRF_COOKIE) ?? '';
    const session = this.cookies.get(SESSION_COOKIE);
    return csrfTokenFor(this.secret, seed, session ? hashToken(session) : null);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  /** Posts a form as a browser would; the anti-forgery token is added unless `_csrf` is given. */
  async post(url: string, form: Form = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    if (!this.cookies.has(CSRF_COOKIE)) await this.get('/it');
    const body = new URLSearchParams();
    const values: Form = { [CSRF_FIELD]: this.csrfToken(), ...form };
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, String(item));
    }
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...headers },
      }),
    );
  }

  /** Sends JSON to the API with the session cookie and its token header. */
  async api(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    if (!this.cookies.has(CSRF_COOKIE)) await this.get('/it');
    return this.remember(
      await this.app.inject({
        method,
        url,
        payload: payload === undefined ? undefined : JSON.stringify(payload),
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          cookie: this.cookieHeader(),
          'x-csrf-token': this.csrfToken(),
          ...headers,
        },
      }),
    );
  }
}
