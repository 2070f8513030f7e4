import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { SESSION_COOKIE } from '../../../kernel/auth/sessions.ts';
import { generateTotpSecret, totpCode, totpStepAt } from '../totp.ts';
import { createPerson, getWithSession, logInAs, postFrom, type TestPerson } from '../test/auth-helpers.ts';

const LINK = /http:\/\/localhost:\d+\/(it|en)\/password\/reset\/([\w-]{43})/;

describe('password reset, account page and second factor', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function mailsTo(email: string) {
    return (await t.ctx.mailer.captured(200)).filter((m) => m.to.includes(email));
  }

  it('resets a password end to end through the e-mailed link', async () => {
    const person = await createPerson(t);
    const before = t.client();
    await logInAs(before, person);
    const oldSession = before.cookies.get(SESSION_COOKIE)!;

    const client = t.client();
    const asked = await postFrom(t, client, '198.51.100.1', '/it/password/forgot', { email: person.email.toUpperCase() });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/it/password/forgot?sent=1');
    expect((await client.get('/it/password/forgot?sent=1')).body).toContain('Se esiste un account con questo indirizzo');

    const [mail] = await mailsTo(person.email);
    expect(mail?.subject).toBe('Crocevia: scegli una nuova password');
    const match = LINK.exec(mail?.text ?? '');
    expect(match?.[1]).toBe('it');
    const token = match![2]!;
    const stored = await sql<{ token_hash: string }>`select token_hash from accounts_password_resets where person_id = ${person.id}`.execute(t.ctx.db);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]?.token_hash).not.toBe(token);

    const page = await client.get(`/it/password/reset/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('autocomplete="new-password"');
    const short = await client.post(`/it/password/reset/${token}`, { password: 'short', confirmation: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('Nuova password: deve contenere almeno 12 caratteri');
    const mismatch = await client.post(`/it/password/reset/${token}`, { password: 'a new long password', confirmation: 'another long password' });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.body).toContain('Ripeti la nuova password: le due password non coincidono');
    const sameAsEmail = await client.post(`/it/password/reset/${token}`, { password: person.email, confirmation: person.email });
    expect(sameAsEmail.body).toContain('non può essere il tuo indirizzo e-mail');

    const done = await client.post(`/it/password/reset/${token}`, { password: 'a new long password', confirmation: 'a new long password' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/it/login?reset=done');
    expect((await client.get('/it/login?reset=done')).body).toContain('La password è stata cambiata');

    expect((await getWithSession(t, '/it/account', oldSession)).statusCode).toBe(303);
    expect((await logInAs(t.client(), person)).statusCode).toBe(422);
    expect((await logInAs(t.client(), { email: person.email, password: 'a new long password' })).statusCode).toBe(303);

    const reused = await client.get(`/it/password/reset/${token}`);
    expect(reused.statusCode).toBe(410);
    expect(reused.body).toContain('Questo collegamento non è più valido');
    expect(reused.body).toContain('href="/it/password/forgot"');
    const reusedPost = await client.post(`/it/password/reset/${token}`, { password: 'yet another password', confirmation: 'yet another password' });
    expect(reusedPost.statusCode).toBe(410);
    expect((await logInAs(t.client(), { email: person.email, password: 'yet another password' })).statusCode).toBe(422);
  });

  it('writes the mail in the language of the page', async () => {
    const person = await createPerson(t);
    await postFrom(t, t.client(), '198.51.100.2', '/en/password/forgot', { email: person.email });
    const [mail] = await mailsTo(person.email);
    expect(mail?.subject).toBe('Crocevia: choose a new password');
    expect(LINK.exec(mail?.text ?? '')?.[1]).toBe('en');
    expect(mail?.text).toContain('60 minutes');
  });

  it('gives the same answer for an unknown address and sends nothing', async () => {
    const before = (await t.ctx.mailer.captured(500)).length;
    const res = await postFrom(t, t.client(), '198.51.100.3', '/it/password/forgot', { email: 'nobody.at.all@example.org' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/it/password/forgot?sent=1');
    expect((await t.ctx.mailer.captured(500)).length).toBe(before);
  });

  it('refuses expired and unknown links with a clear page', async () => {
    const person = await createPerson(t);
    await postFrom(t, t.client(), '198.51.100.4', '/it/password/forgot', { email: person.email });
    const token = LINK.exec((await mailsTo(person.email))[0]?.text ?? '')![2]!;
    await sql`update accounts_password_resets set expires_at = now() - interval '1 minute' where person_id = ${person.id}`.execute(t.ctx.db);
    expect((await t.client().get(`/it/password/reset/${token}`)).statusCode).toBe(410);
    expect((await t.client().get(`/it/password/reset/${'x'.repeat(43)}`)).statusCode).toBe(410);
    expect((await t.client().get('/en/password/reset/short')).body).toContain('This link no longer works');
  });

  it('limits reset requests to 5 an hour per address and per client', async () => {
    const person = await createPerson(t);
    for (let i = 0; i < 5; i++) expect((await postFrom(t, t.client(), `198.51.100.${10 + i}`, '/it/password/forgot', { email: person.email })).statusCode).toBe(303);
    expect((await postFrom(t, t.client(), '198.51.100.20', '/it/password/forgot', { email: person.email })).statusCode).toBe(429);
    for (let i = 0; i < 5; i++) await postFrom(t, t.client(), '198.51.100.30', '/it/password/forgot', { email: `someone${i}@example.org` });
    expect((await postFrom(t, t.client(), '198.51.100.30', '/it/password/forgot', { email: 'another@example.org' })).statusCode).toBe(429);
  });

  it('names the e-mail field when it is not an address', async () => {
    const res = await t.client().post('/it/password/forgot', { email: 'not an address' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Indirizzo e-mail: inserisci un indirizzo e-mail valido');
  });

  it('changes the password with the current one and ends the other sessions', async () => {
    const person = await createPerson(t);
    const other = t.client();
    await logInAs(other, person);
    const client = t.client();
    await logInAs(client, person);
    const wrong = await client.post('/it/account/password', { currentPassword: 'not my password', newPassword: 'the next long password', confirmation: 'the next long password' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Password attuale: la password attuale non è corretta');
    const res = await client.post('/it/account/password', { currentPassword: person.password, newPassword: 'the next long password', confirmation: 'the next long password' });
    expect(res.statusCode).toBe(303);
    expect((await client.get(res.headers.location as string)).body).toContain('La password è stata cambiata');
    expect((await other.get('/it/account')).statusCode).toBe(303);
    expect((await logInAs(t.client(), { email: person.email, password: 'the next long password' })).statusCode).toBe(303);
    const audit = await sql<{ n: number }>`select count(*)::int as n from kernel_audit where action = 'accounts.password.changed' and entity_id = ${person.id}`.execute(t.ctx.db);
    expect(audit.rows[0]?.n).toBe(1);
  });

  async function setUpTotp(client: TestClient): Promise<{ secret: string; usedStep: number }> {
    const start = await client.post('/it/account/second-factor/start');
    expect(start.headers.location).toBe('/it/account/second-factor');
    const page = await client.get('/it/account/second-factor');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<svg role="img"[^>]*>.*<path/s);
    const secret = /id="totp-secret">([A-Z2-7 ]+)</.exec(page.body)![1]!.replace(/ /g, '');
    const wrong = await client.post('/it/account/second-factor/confirm', { code: totpCode(secret, totpStepAt(Date.now()) - 5) });
    expect(wrong.statusCode).toBe(422);
    const usedStep = totpStepAt(Date.now());
    const confirmed = await client.post('/it/account/second-factor/confirm', { code: totpCode(secret, usedStep) });
    expect(confirmed.headers.location).toBe('/it/account?done=totpEnabled');
    return { secret, usedStep };
  }

  it('sets up TOTP, then asks for a code at login and refuses a code used before', async () => {
    const person: TestPerson = await createPerson(t);
    const client = t.client();
    await logInAs(client, person);
    const { secret, usedStep } = await setUpTotp(client);
    const stored = await sql<{ totp_secret_enc: string }>`select totp_secret_enc from accounts_people where id = ${person.id}`.execute(t.ctx.db);
    expect(stored.rows[0]?.totp_secret_enc.startsWith('v1.')).toBe(true);
    expect(stored.rows[0]?.totp_secret_enc).not.toContain(secret);
    expect((await client.get('/it/account')).body).toContain('La verifica in due passaggi è attiva');

    const browser = t.client();
    const login = await logInAs(browser, person, 'it', { next: '/it/account' });
    expect(login.headers.location).toBe('/it/login/second-factor?next=%2Fit%2Faccount');
    expect((await browser.get('/it/account')).statusCode).toBe(303);
    const form = await browser.get(login.headers.location as string);
    expect(form.body).toContain('inputmode="numeric"');
    expect(form.body).toContain('autocomplete="one-time-code"');
    const reused = await browser.post('/it/login/second-factor', { code: totpCode(secret, usedStep), next: '/it/account' });
    expect(reused.statusCode).toBe(422);
    expect(reused.body).toContain('già stato usato');
    const next = totpCode(secret, usedStep + 1);
    const done = await browser.post('/it/login/second-factor', { code: `${next.slice(0, 3)} ${next.slice(3)}`, next: '/it/account' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/it/account');
    expect((await browser.get('/it/account')).statusCode).toBe(200);

    const third = t.client();
    await logInAs(third, person);
    expect((await third.post('/it/login/second-factor', { code: next })).statusCode).toBe(422);
  });

  it('limits second-factor codes to 5 wrong ones per session, even before the right one', async () => {
    const secret = generateTotpSecret();
    const person = await createPerson(t, { totpSecret: secret });
    const client = t.client();
    await logInAs(client, person);
    const wrongCode = totpCode(secret, totpStepAt(Date.now()) - 10);
    for (let i = 0; i < 5; i++) expect((await client.post('/it/login/second-factor', { code: wrongCode })).statusCode).toBe(422);
    const res = await client.post('/it/login/second-factor', { code: totpCode(secret, totpStepAt(Date.now())) });
    expect(res.statusCode).toBe(429);
    expect((await client.get('/it/account')).statusCode).toBe(303);
  });

  it('turns TOTP off only with the current password', async () => {
    const person = await createPerson(t);
    const client = t.client();
    await logInAs(client, person);
    await setUpTotp(client);
    const wrong = await client.post('/it/account/second-factor/disable', { password: 'not my password' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('la password attuale non è corretta');
    const res = await client.post('/it/account/second-factor/disable', { password: person.password });
    expect(res.headers.location).toBe('/it/account?done=totpDisabled');
    expect((await logInAs(t.client(), person)).headers.location).toBe('/it');
    const audit = await sql<{ action: string }>`select action from kernel_audit where entity_id = ${person.id} and action like 'accounts.totp.%' order by id`.execute(t.ctx.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['accounts.totp.setup_started', 'accounts.totp.enabled', 'accounts.totp.disabled']);
  });
});
