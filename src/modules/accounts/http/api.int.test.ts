import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createOrganisation, createPerson, signIn, type FactoryPerson } from '../test/factories.ts';
import type { Organisation } from '../data/admin-repository.ts';

const API = '/api/v1/accounts';

describe('accounts API', () => {
  let t: TestApp;
  let regione: Organisation;
  let bologna: Organisation;
  let palermo: Organisation;
  let regionAdmin: FactoryPerson;
  let staff: FactoryPerson;
  let palermitan: FactoryPerson;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.db;
    regione = await createOrganisation(db, { name: 'Regione Emilia-Romagna', type: 'region' });
    bologna = await createOrganisation(db, { name: 'Comune di Bologna' });
    palermo = await createOrganisation(db, { name: 'Comune di Palermo', regionCode: '19' });
    regionAdmin = await createPerson(db, { memberships: [{ organisationId: regione.id, roleKey: 'region_admin' }] });
    staff = await createPerson(db, { memberships: [{ organisationId: bologna.id, roleKey: 'staff' }] });
    palermitan = await createPerson(db, { memberships: [{ organisationId: palermo.id, roleKey: 'staff' }] });
  });
  afterAll(async () => {
    await t.close();
  });

  async function as(person: FactoryPerson) {
    const client = t.client();
    await signIn(client, person.id, t.ctx.db);
    return client;
  }

  it('answers anonymous callers with a 401 problem', async () => {
    for (const url of [`${API}/me`, `${API}/organisations`, `${API}/people`, `${API}/roles`]) {
      const res = await t.client().api('GET', url);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await t.client().api('POST', `${API}/organisations`, { name: 'X' })).statusCode).toBe(401);
  });

  it('describes the caller: person, memberships and permissions', async () => {
    const res = await (await as(staff)).api('GET', `${API}/me`);
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.person).toEqual({ id: staff.id, fullName: staff.fullName, email: staff.email, isPlatformAdmin: false });
    expect(me.memberships).toEqual([{ organisationId: bologna.id, organisationName: 'Comune di Bologna', regionCode: '08', roleKey: 'staff' }]);
    expect(me.permissions).toContainEqual({ permission: 'accounts.organisation.read', scope: 'organisation', organisationId: bologna.id, regionCode: '08' });
  });

  it('lists and shows organisations within reach only', async () => {
    const client = await as(regionAdmin);
    const list = await client.api('GET', `${API}/organisations?per_page=10`);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.page).toBe(1);
    expect(body.per_page).toBe(10);
    expect(body.items.map((o: { name: string }) => o.name)).toEqual(['Comune di Bologna', 'Regione Emilia-Romagna']);
    expect(body.items[0]).toMatchObject({ id: bologna.id, type: 'municipality', regionCode: '08', provinceCode: '237', municipalityCode: '037006', isActive: true });
    const filtered = (await client.api('GET', `${API}/organisations?type=region`)).json();
    expect(filtered.total).toBe(1);
    expect((await client.api('GET', `${API}/organisations/${bologna.id}`)).json().name).toBe('Comune di Bologna');
    const hidden = await client.api('GET', `${API}/organisations/${palermo.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toContain('application/problem+json');
    expect((await client.api('GET', `${API}/organisations/not-an-id`)).statusCode).toBe(404);
  });

  it('creates and changes organisations, answering bad input with a 422 problem naming the fields', async () => {
    const client = await as(regionAdmin);
    const created = await client.api('POST', `${API}/organisations`, { name: 'CPIA Metropolitano di Bologna', type: 'cpia', regionCode: '08', municipalityCode: '037006', website: 'https://example.org' });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({ name: 'CPIA Metropolitano di Bologna', provinceCode: '237', isActive: true, website: 'https://example.org' });
    const bad = await client.api('POST', `${API}/organisations`, { name: 'X', type: 'castle', regionCode: '8', email: 'nope', extra: 1 }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(422);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'type', 'regionCode', 'email', 'extra']));
    const mismatch = await client.api('PATCH', `${API}/organisations/${org.id}`, { provinceCode: '036' }, { 'accept-language': 'en' });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().errors).toEqual([{ field: 'municipalityCode', message: 'this municipality is not in the province chosen', code: 'accounts.staff.errors.municipalityOutsideProvince' }]);
    const patched = await client.api('PATCH', `${API}/organisations/${org.id}`, { website: null, isActive: false });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ website: null, isActive: false });
    const duplicate = await client.api('POST', `${API}/organisations`, { name: 'comune di bologna', type: 'municipality', regionCode: '08' });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json().errors[0].field).toBe('name');
  });

  it('requires the anti-forgery header on changes made with a session cookie', async () => {
    const client = await as(regionAdmin);
    const res = await client.api('PATCH', `${API}/organisations/${bologna.id}`, { name: 'Comune di Bologna bis' }, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
  });

  it('lists, shows and creates people without ever returning secrets', async () => {
    const client = await as(regionAdmin);
    const list = await client.api('GET', `${API}/people?q=${encodeURIComponent(staff.email)}`);
    expect(list.json().items).toEqual([{ id: staff.id, email: staff.email, fullName: staff.fullName, isActive: true, isPlatformAdmin: false }]);
    expect((await client.api('GET', `${API}/people`)).json().items.map((p: { id: string }) => p.id)).not.toContain(palermitan.id);
    const shown = await client.api('GET', `${API}/people/${staff.id}`);
    expect(shown.json()).toMatchObject({ id: staff.id, isEditable: true, hiddenMembershipCount: 0, memberships: [{ organisationId: bologna.id, roleKey: 'staff' }] });
    expect(shown.body).not.toMatch(/password|totp/i);
    expect((await client.api('GET', `${API}/people/${palermitan.id}`)).statusCode).toBe(404);

    const created = await client.api('POST', `${API}/people`, { fullName: 'Paolo Zanetti', email: 'paolo.zanetti@example.org', organisationId: bologna.id, roleKey: 'org_admin' });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toMatch(/password|totp/i);
    expect(created.json().memberships[0]).toMatchObject({ organisationName: 'Comune di Bologna', roleKey: 'org_admin' });
    expect((await t.ctx.mailer.captured()).some((m) => m.to.includes('paolo.zanetti@example.org'))).toBe(true);
    const missing = await client.api('POST', `${API}/people`, { fullName: 'Senza Ruolo', email: 'senza.ruolo@example.org' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['organisationId', 'roleKey']);
  });

  it('changes people, adds and removes memberships', async () => {
    const client = await as(regionAdmin);
    const person = await createPerson(t.ctx.db, { memberships: [{ organisationId: bologna.id, roleKey: 'staff' }] });
    await signIn(t.client(), person.id, t.ctx.db);
    const disabled = await client.api('PATCH', `${API}/people/${person.id}`, { isActive: false, fullName: 'Nome Nuovo' });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ isActive: false, fullName: 'Nome Nuovo' });
    const { rows } = await sql<{ n: string }>`select count(*) as n from kernel_sessions where person_id = ${person.id}`.execute(t.ctx.db);
    expect(Number(rows[0]!.n)).toBe(0);
    const added = await client.api('POST', `${API}/people/${person.id}/memberships`, { organisationId: regione.id, roleKey: 'org_admin' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ organisationId: regione.id, organisationType: 'region', roleKey: 'org_admin' });
    const removed = await client.api('DELETE', `${API}/people/${person.id}/memberships/${added.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect((await client.api('DELETE', `${API}/people/${person.id}/memberships/${added.json().id}`)).statusCode).toBe(404);
  });

  it('lists roles labelled in the language asked', async () => {
    const res = await (await as(regionAdmin)).api('GET', `${API}/roles`, undefined, { 'accept-language': 'en' });
    const admin = res.json().items.find((r: { key: string }) => r.key === 'region_admin');
    expect(admin).toMatchObject({ label: 'Regional administrator', scope: 'region', organisationTypes: ['region'] });
    expect(admin.permissions).toContainEqual({ key: 'accounts.membership.manage', description: 'Give and remove roles' });
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/organisations', '/organisations/{id}', '/people', '/people/{id}', '/people/{id}/memberships', '/people/{id}/memberships/{membershipId}', '/roles', '/me']) {
      expect(Object.keys(doc.paths)).toContain(`${API}${path}`);
    }
  });
});
