import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createOrganisation, createPerson, signIn, type FactoryPerson } from '../test/factories.ts';
import type { Organisation } from '../data/admin-repository.ts';

async function count(t: TestApp, table: string, where = sql`true`): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(t.ctx.db);
  return Number(rows[0]!.n);
}

describe('administration pages', () => {
  let t: TestApp;
  let regione: Organisation;
  let bologna: Organisation;
  let modena: Organisation;
  let regionAdmin: FactoryPerson;
  let orgAdmin: FactoryPerson;
  let staff: FactoryPerson;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.db;
    regione = await createOrganisation(db, { name: 'Regione Emilia-Romagna', type: 'region' });
    bologna = await createOrganisation(db, { name: 'Comune di Bologna' });
    modena = await createOrganisation(db, { name: 'Comune di Modena', provinceCode: '036', municipalityCode: '036023' });
    regionAdmin = await createPerson(db, { fullName: 'Giulia Ferretti', memberships: [{ organisationId: regione.id, roleKey: 'region_admin' }] });
    orgAdmin = await createPerson(db, { fullName: 'Marco Bellini', memberships: [{ organisationId: bologna.id, roleKey: 'org_admin' }] });
    staff = await createPerson(db, { fullName: 'Sara Guidotti', memberships: [{ organisationId: bologna.id, roleKey: 'staff' }] });
  });
  afterAll(async () => {
    await t.close();
  });

  async function as(person: FactoryPerson) {
    const client = t.client();
    await signIn(client, person.id, t.ctx.db);
    return client;
  }

  it('sends anonymous visitors to the login page, keeping where they were going', async () => {
    const res = await t.client().get('/it/admin/people?q=x');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/it/login?next=${encodeURIComponent('/it/admin/people?q=x')}`);
  });

  it('answers "not found" to a staff member and hides the menu entry', async () => {
    const client = await as(staff);
    expect((await client.get('/it/admin')).statusCode).toBe(404);
    expect((await client.get('/it')).body).not.toContain('href="/it/admin"');
    const admin = await as(regionAdmin);
    const home = await admin.get('/it');
    expect(home.body).toContain('href="/it/admin"');
    const index = await admin.get('/it/admin');
    expect(index.statusCode).toBe(200);
    expect(index.body.match(/<h1/g)).toHaveLength(1);
    expect(index.body).toContain('href="/it/admin/audit"');
  });

  it('refuses a municipality outside the province chosen, naming the field in the reader’s language', async () => {
    const client = await as(regionAdmin);
    const before = await count(t, 'accounts_organisations');
    const form = { name: 'Cooperativa Approdi', type: 'third_sector', regionCode: '08', provinceCode: '237', municipalityCode: '036023', isActive: 'true' };
    const it422 = await client.post('/it/admin/organisations', form);
    expect(it422.statusCode).toBe(422);
    expect(it422.body).toContain('href="#field-municipalityCode">Comune: questo comune non si trova nella provincia scelta');
    expect(it422.body).toContain('value="Cooperativa Approdi"');
    const en422 = await client.post('/en/admin/organisations', form);
    expect(en422.body).toContain('Municipality: this municipality is not in the province chosen');
    const sicilian = await client.post('/it/admin/organisations', { ...form, provinceCode: '', municipalityCode: '082053' });
    expect(sicilian.statusCode).toBe(422);
    expect(sicilian.body).toContain('Comune: questo comune non si trova in Emilia-Romagna');
    expect(await count(t, 'accounts_organisations')).toBe(before);
  });

  it('creates an organisation, taking the province from the municipality, and audits it', async () => {
    const client = await as(regionAdmin);
    const res = await client.post('/it/admin/organisations', { name: 'Cooperativa Approdi', type: 'third_sector', regionCode: '08', municipalityCode: '035033', isActive: 'true' });
    expect(res.statusCode).toBe(303);
    const id = /organisations\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
    const { rows } = await sql<{ province_code: string }>`select province_code from accounts_organisations where id = ${id}`.execute(t.ctx.db);
    expect(rows[0]!.province_code).toBe('035');
    expect(await count(t, 'kernel_audit', sql`entity_id = ${id} and action = 'accounts.organisation.created' and region_code = '08'`)).toBe(1);
    const page = await client.get(res.headers.location as string);
    expect(page.body).toContain('Reggio nell&#39;Emilia');
    const duplicate = await client.post('/it/admin/organisations', { name: 'cooperativa APPROdi', type: 'third_sector', regionCode: '08' });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.body).toContain('Nome: un&#39;altra organizzazione di questa regione ha già questo nome');
  });

  it('keeps regional administrators from creating regions or organisations in another region', async () => {
    const client = await as(regionAdmin);
    const region = await client.post('/it/admin/organisations', { name: 'Regione finta', type: 'region', regionCode: '08' });
    expect(region.statusCode).toBe(422);
    expect(region.body).toContain('href="#field-type"');
    const elsewhere = await client.post('/it/admin/organisations', { name: 'Comune di Catania', type: 'municipality', regionCode: '19' });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.body).toContain('Regione: non puoi creare organizzazioni in questa regione');
  });

  it('narrows provinces and municipalities without JavaScript', async () => {
    const client = await as(regionAdmin);
    const res = await client.post('/it/admin/organisations', { _refresh: '1', name: 'X', regionCode: '08', provinceCode: '036' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<option value="036023" >Modena (MO)</option>');
    expect(res.body).not.toContain('Bologna (BO)</option><option value="037');
  });

  it('creates a person and e-mails them an invitation to choose their password', async () => {
    const client = await as(orgAdmin);
    const res = await client.post('/it/admin/people', { fullName: 'Elena Rinaldi', email: 'Elena.Rinaldi@example.org', preferredLocale: 'en', organisationId: bologna.id, roleKey: 'staff' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/\?done=invited$/);
    const { rows } = await sql<{ id: string; password_hash: string | null; preferred_locale: string }>`
      select id, password_hash, preferred_locale from accounts_people where email = 'Elena.Rinaldi@example.org'`.execute(t.ctx.db);
    expect(rows[0]!.password_hash).toBeNull();
    expect(rows[0]!.preferred_locale).toBe('en');
    const mail = (await t.ctx.mailer.captured()).find((m) => m.to.includes('Elena.Rinaldi@example.org'));
    expect(mail?.subject).toContain('Your');
    expect(mail?.text).toContain(`${t.ctx.config.baseUrl}/en/password/forgot`);
    expect(mail?.text).toContain('Marco Bellini');
    const page = await client.get(res.headers.location as string);
    expect(page.body).toContain('invito a scegliere la password');
    expect(page.body).toContain('Comune di Bologna');
  });

  it('refuses a duplicate e-mail, whatever its case, as a field error', async () => {
    const client = await as(orgAdmin);
    const before = await count(t, 'accounts_people');
    const res = await client.post('/it/admin/people', { fullName: 'Altra Persona', email: staff.email.toUpperCase(), preferredLocale: 'it', organisationId: bologna.id, roleKey: 'staff' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#field-email">E-mail: questo indirizzo e-mail è già usato da un altro account');
    expect(await count(t, 'accounts_people')).toBe(before);
    const edit = await client.post(`/it/admin/people/${staff.id}`, { fullName: staff.fullName, email: orgAdmin.email, preferredLocale: 'it', isActive: 'true' });
    expect(edit.statusCode).toBe(422);
    expect(edit.body).toContain('questo indirizzo e-mail è già usato');
  });

  it('ends every session of a person when their account is disabled', async () => {
    const victim = await createPerson(t.ctx.db, { memberships: [{ organisationId: bologna.id, roleKey: 'staff' }] });
    const victimClient = await as(victim);
    expect((await victimClient.get('/api/v1/accounts/me')).statusCode).toBe(200);
    const client = await as(orgAdmin);
    const res = await client.post(`/it/admin/people/${victim.id}`, { fullName: victim.fullName, email: victim.email, preferredLocale: 'it' });
    expect(res.statusCode).toBe(303);
    expect(await count(t, 'kernel_sessions', sql`person_id = ${victim.id}`)).toBe(0);
    expect((await victimClient.get('/api/v1/accounts/me')).statusCode).toBe(401);
    expect(await count(t, 'kernel_audit', sql`entity_id = ${victim.id} and action = 'accounts.person.updated'`)).toBe(1);
  });

  it('shows a person with roles beyond reach read-only, while their roles within reach stay manageable', async () => {
    const shared = await createPerson(t.ctx.db, { memberships: [{ organisationId: bologna.id, roleKey: 'staff' }, { organisationId: modena.id, roleKey: 'staff' }] });
    const client = await as(orgAdmin);
    const page = await client.get(`/it/admin/people/${shared.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sola lettura');
    expect(page.body).not.toContain('Comune di Modena');
    expect(page.body).not.toContain(`/it/admin/people/${shared.id}/edit`);
    expect((await client.get(`/it/admin/people/${shared.id}/edit`)).statusCode).toBe(404);
    const added = await client.post(`/it/admin/people/${shared.id}/memberships`, { organisationId: bologna.id, roleKey: 'org_admin' });
    expect(added.statusCode).toBe(303);
    expect(await count(t, 'accounts_memberships', sql`person_id = ${shared.id}`)).toBe(3);
  });

  it('adds and removes roles, refusing to remove someone’s last one', async () => {
    const person = await createPerson(t.ctx.db, { memberships: [{ organisationId: bologna.id, roleKey: 'staff' }] });
    const client = await as(orgAdmin);
    const page = await client.get(`/it/admin/people/${person.id}`);
    expect(page.body).not.toContain('/delete');
    const { rows } = await sql<{ id: string }>`select id from accounts_memberships where person_id = ${person.id}`.execute(t.ctx.db);
    const last = await client.post(`/it/admin/people/${person.id}/memberships/${rows[0]!.id}/delete`);
    expect(last.statusCode).toBe(422);
    expect(last.body).toContain('è l&#39;unico ruolo della persona');
    const dup = await client.post(`/it/admin/people/${person.id}/memberships`, { organisationId: bologna.id, roleKey: 'staff' });
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('Ruolo: la persona ha già questo ruolo in questa organizzazione');
    expect((await client.post(`/it/admin/people/${person.id}/memberships`, { organisationId: bologna.id, roleKey: 'org_admin' })).statusCode).toBe(303);
    const removed = await client.post(`/it/admin/people/${person.id}/memberships/${rows[0]!.id}/delete`);
    expect(removed.statusCode).toBe(303);
    expect(await count(t, 'accounts_memberships', sql`person_id = ${person.id}`)).toBe(1);
    expect(await count(t, 'kernel_audit', sql`action = 'accounts.membership.removed' and entity_id = ${rows[0]!.id}`)).toBe(1);
  });

  it('lists organisations within reach with filters and pages', async () => {
    for (let i = 0; i < 26; i++) await createOrganisation(t.ctx.db, { name: `Scuola paginata ${String(i).padStart(2, '0')}`, type: 'school' });
    const client = await as(regionAdmin);
    const first = await client.get('/it/admin/organisations?type=school&q=paginata');
    expect(first.body).toContain('26 risultati');
    expect(first.body).toContain('<caption>');
    expect(first.body).toContain('scope="col"');
    expect(first.body).toContain('class="pagination"');
    expect(first.body).toContain('Scuola paginata 24');
    expect(first.body).not.toContain('Scuola paginata 25');
    const second = await client.get('/it/admin/organisations?type=school&q=paginata&page=2');
    expect(second.body).toContain('Scuola paginata 25');
    const own = await (await as(orgAdmin)).get('/it/admin/organisations');
    expect(own.body).toContain('Comune di Bologna');
    expect(own.body).not.toContain('Comune di Modena');
  });

  it('lists roles with their permissions described, and the audit log', async () => {
    const client = await as(regionAdmin);
    const roles = await client.get('/it/admin/roles');
    expect(roles.statusCode).toBe(200);
    expect(roles.body).toContain('Amministratore regionale');
    expect(roles.body).toContain('Assegnare e rimuovere ruoli');
    expect(roles.body).toContain('Tutta la regione');
    const audit = await client.get('/it/admin/audit');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('accounts.organisation.created');
    expect((await (await as(orgAdmin)).get('/it/admin/audit')).statusCode).toBe(404);
  });
});
