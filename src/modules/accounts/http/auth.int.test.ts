import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { SESSION_COOKIE } from '../../../kernel/auth/sessions.ts';
import { createAdminCommand } from '../cli/create-admin.ts';
import { createPerson, getWithSession, logInAs, postFrom } from '../test/auth-helpers.ts';

const REFUSED_IT = "L&#39;indirizzo e-mail e la password non corrispondono a un account attivo.";
const REFUSED_EN = 'The e-mail address and password do not match an active account.';

describe('login and logout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows an accessible login form', async () => {
    const res = await t.client().get('/it/login');
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<h1/g)).toHaveLength(1);
    expect(res.body).toContain('autocomplete="username"');
    expect(res.body).toContain('autocomplete="current-password"');
    expect(res.body).toContain('name="_csrf"');
  });

  it('logs in with a session cookie (HttpOnly, SameSite=Lax) and shows the account with memberships', async () => {
    const person = await createPerson(t, { organisation: { name: 'Comune di Prova Login', roleKey: 'staff' } });
    const client = t.client();
    const res = await logInAs(client, person);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/it');
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const account = await client.get('/it/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain(person.name);
    expect(account.body).toContain('Comune di Prova Login');
    expect(account.body).toContain('Operatore');
    expect(account.headers['cache-control']).toBe('no-store');
    const { rows } = await sql<{ last_login_at: Date | null }>`select last_login_at from accounts_people where id = ${person.id}`.execute(t.ctx.db);
    expect(rows[0]?.last_login_at).toBeInstanceOf(Date);
    const audit = await sql<{ details: unknown }>`select details from kernel_audit where action = 'accounts.login' and entity_id = ${person.id}`.execute(t.ctx.db);
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0]?.details)).not.toContain(person.email);
  });

  it('refuses a wrong password with one generic message, in Italian and in English, keeping the e-mail', async () => {
    const person = await createPerson(t);
    const it = await logInAs(t.client(), { email: person.email, password: 'not the right one' });
    expect(it.statusCode).toBe(422);
    expect(it.body).toContain(REFUSED_IT);
    expect(it.body).toContain(`value="${person.email}"`);
    expect(it.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const en = await logInAs(t.client(), { email: person.email, password: 'not the right one' }, 'en');
    expect(en.statusCode).toBe(422);
    expect(en.body).toContain(REFUSED_EN);
    const unknown = await logInAs(t.client(), { email: 'nobody.here@example.org', password: 'whatever it is' }, 'en');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain(REFUSED_EN);
  });

  it('names the missing fields of an empty form', async () => {
    const res = await t.client().post('/it/login', { email: '', password: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#field-email"');
    expect(res.body).toContain('href="#field-password"');
  });

  it('refuses a disabled person with the same generic message', async () => {
    const person = await createPerson(t, { isActive: false });
    const res = await logInAs(t.client(), person);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(REFUSED_IT);
  });

  it('answers 429 after 5 failures for an e-mail, even with the right password', async () => {
    const person = await createPerson(t);
    const client = t.client();
    for (let i = 0; i < 5; i++) expect((await logInAs(client, { email: person.email, password: `wrong password ${i}` })).statusCode).toBe(422);
    const res = await logInAs(client, person);
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('Troppi tentativi');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('forgets the failures of an e-mail after a successful login', async () => {
    const person = await createPerson(t);
    const client = t.client();
    for (let i = 0; i < 4; i++) await logInAs(client, { email: person.email, password: 'wrong password' });
    expect((await logInAs(client, person)).statusCode).toBe(303);
    for (let i = 0; i < 4; i++) expect((await logInAs(t.client(), { email: person.email, password: 'wrong password' })).statusCode).toBe(422);
  });

  it('answers 429 after 30 failures from one address', async () => {
    const client = t.client();
    for (let i = 0; i < 30; i++) {
      const res = await postFrom(t, client, '203.0.113.7', '/it/login', { email: `guess${i}@example.org`, password: 'guessing again' });
      expect(res.statusCode).toBe(422);
    }
    const person = await createPerson(t);
    expect((await postFrom(t, client, '203.0.113.7', '/it/login', { email: person.email, password: person.password })).statusCode).toBe(429);
    expect((await postFrom(t, client, '203.0.113.8', '/it/login', { email: person.email, password: person.password })).statusCode).toBe(303);
  });

  it('ends the session at logout: the old cookie opens nothing', async () => {
    const person = await createPerson(t);
    const client = t.client();
    await logInAs(client, person);
    const token = client.cookies.get(SESSION_COOKIE);
    expect(token).toBeTruthy();
    const res = await client.post('/it/logout');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/it');
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    const again = await getWithSession(t, '/it/account', token!);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/it/login?next=%2Fit%2Faccount');
  });

  it('sends anonymous visitors of the account page to the login, and back after it', async () => {
    const person = await createPerson(t);
    const client = t.client();
    const res = await client.get('/en/account');
    expect(res.headers.location).toBe('/en/login?next=%2Fen%2Faccount');
    const form = await client.get(res.headers.location as string);
    expect(form.body).toContain('name="next" value="/en/account"');
    const login = await logInAs(client, person, 'en', { next: '/en/account' });
    expect(login.headers.location).toBe('/en/account');
  });

  it('refuses to redirect off-site after login', async () => {
    const person = await createPerson(t);
    for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const res = await logInAs(t.client(), person, 'it', { next });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/it');
    }
  });

  it('gives a new session at every login and ends the one the browser had', async () => {
    const person = await createPerson(t);
    const client = t.client();
    await logInAs(client, person);
    const before = client.cookies.get(SESSION_COOKIE)!;
    await logInAs(client, person);
    const after = client.cookies.get(SESSION_COOKIE)!;
    expect(after).not.toBe(before);
    expect((await getWithSession(t, '/it/account', before)).statusCode).toBe(303);
    expect((await getWithSession(t, '/it/account', after)).statusCode).toBe(200);
  });

  it('refuses the login form without its anti-forgery token', async () => {
    const person = await createPerson(t);
    const res = await t.client().post('/it/login', { email: person.email, password: person.password, _csrf: undefined });
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });
});

describe('create-admin command', () => {
  let t: TestApp;
  let out: string[];
  let err: string[];
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t.close();
  });

  async function run(args: string[]): Promise<number> {
    out = [];
    err = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
    try {
      return await createAdminCommand.run(args, t.ctx);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }

  it('refuses bad input with exit code 64 and a clear message', async () => {
    expect(await run(['--name', 'Ada Admin'])).toBe(64);
    expect(err.join('')).toContain('--email is required');
    expect(await run(['--email', 'not-an-email', '--name', 'Ada Admin'])).toBe(64);
    expect(err.join('')).toContain('not a valid e-mail address');
    expect(await run(['--email', 'ada@example.org', '--name', 'Ada Admin', '--password', 'short'])).toBe(64);
    expect(err.join('')).toContain('--password must be at least 12 characters long');
    expect(await run(['--email', 'ada@example.org'])).toBe(64);
    expect(err.join('')).toContain('--name is required');
    expect(await run(['--email', 'ada@example.org', '--name', 'Ada', '--colour', 'red'])).toBe(64);
  });

  it('creates an administrator with a generated password printed once, who can log in', async () => {
    expect(await run(['--email', 'ada.admin@example.org', '--name', 'Ada Admin'])).toBe(0);
    const password = /Generated password[^:]*: (\S+)/.exec(out.join(''))?.[1];
    expect(password).toBeTruthy();
    const { rows } = await sql<{ is_platform_admin: boolean; password_hash: string }>`
      select is_platform_admin, password_hash from accounts_people where email = 'ada.admin@example.org'`.execute(t.ctx.db);
    expect(rows[0]?.is_platform_admin).toBe(true);
    expect(rows[0]?.password_hash.startsWith('$argon2id$')).toBe(true);
    const client = t.client();
    expect((await logInAs(client, { email: 'ada.admin@example.org', password: password! })).statusCode).toBe(303);
    expect((await client.get('/it/account')).body).toContain('amministratore della piattaforma');
  });

  it('promotes an existing person, with a new password when one is given', async () => {
    const person = await createPerson(t);
    expect(await run(['--email', person.email.toUpperCase()])).toBe(0);
    expect(out.join('')).toContain('promoted');
    expect(out.join('')).not.toContain('Generated password');
    expect((await logInAs(t.client(), person)).statusCode).toBe(303);
    expect(await run(['--email', person.email, '--password', 'a brand new admin password'])).toBe(0);
    expect((await logInAs(t.client(), { email: person.email, password: 'a brand new admin password' })).statusCode).toBe(303);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from accounts_people where is_platform_admin and id = ${person.id}`.execute(t.ctx.db);
    expect(rows[0]?.n).toBe(1);
  });
});
