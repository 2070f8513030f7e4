// Helpers for the sign-in integration tests only (never imported by the application).
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp, TestClient } from '../../../../test/support/test-app.ts';
import { CSRF_COOKIE } from '../../../kernel/http/csrf.ts';
import { SESSION_COOKIE } from '../../../kernel/auth/sessions.ts';
import { hashPassword } from '../passwords.ts';

let counter = 0;

/** A person made for a test, with the password in clear so the test can log in. */
export interface TestPerson {
  id: string;
  email: string;
  name: string;
  password: string;
}

/** Inserts a person (and optionally a membership of a new organisation) straight into the accounts tables. */
export async function createPerson(
  t: TestApp,
  options: { isActive?: boolean; totpSecret?: string; organisation?: { name: string; roleKey: string } } = {},
): Promise<TestPerson> {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  const person = { email: `person.${tag}@example.org`, name: `Persona Prova ${tag}`, password: `una password lunga ${tag}` };
  const secretEnc = options.totpSecret ? t.ctx.crypto.encrypt(options.totpSecret, 'accounts.totp') : null;
  const { rows } = await sql<{ id: string }>`insert into accounts_people (email, full_name, password_hash, is_active, totp_secret_enc, totp_enabled_at)
    values (${person.email}, ${person.name}, ${await hashPassword(person.password)}, ${options.isActive ?? true}, ${secretEnc},
            ${secretEnc ? sql`now()` : null}) returning id`.execute(t.ctx.db);
  const id = rows[0]!.id;
  if (options.organisation) {
    const org = await sql<{ id: string }>`insert into accounts_organisations (name, type, region_code)
      values (${options.organisation.name}, 'municipality', '12') returning id`.execute(t.ctx.db);
    await sql`insert into accounts_memberships (person_id, organisation_id, role_key)
      values (${id}, ${org.rows[0]!.id}, ${options.organisation.roleKey})`.execute(t.ctx.db);
  }
  return { id, ...person };
}

/** Logs a client in with e-mail and password; returns the login response. */
export async function logInAs(client: TestClient, person: { email: string; password: string }, lang = 'it', extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return client.post(`/${lang}/login`, { email: person.email, password: person.password, ...extra });
}

/** Posts a form like the test client does, but from another client address (for per-address limits). */
export async function postFrom(t: TestApp, client: TestClient, remoteAddress: string, url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
  if (!client.cookies.has(CSRF_COOKIE)) await client.get('/it');
  const payload = new URLSearchParams({ _csrf: client.csrfToken(), ...form }).toString();
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({ method: 'POST', url, payload, remoteAddress, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie } });
}

/** A GET carrying only a given session cookie, as a browser that kept an old cookie would send. */
export async function getWithSession(t: TestApp, url: string, sessionToken: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${sessionToken}` } });
}
