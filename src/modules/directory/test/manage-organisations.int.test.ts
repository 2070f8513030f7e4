import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createCast, createServiceAs, type Cast } from './helpers.ts';

const manageService = (id: string, rest = '') => `/it/directory/manage/services/${id}${rest}`;
const manageOrganisation = (id: string, rest = '', lang = 'it') => `/${lang}/directory/manage/organisations/${id}${rest}`;

/** A complete, valid profile form; override fields to test validation. */
const profileForm = (overrides: Record<string, string> = {}) => ({
  name: 'Comune di Prova',
  alternateName: 'CdP',
  description: 'Il comune offre sportelli per cittadine e cittadini stranieri residenti.',
  website: 'https://comune-prova.example.org',
  email: 'stranieri@comune-prova.example.org',
  phone1Number: '+39 051 219 0000',
  phone1Description: 'Centralino',
  phone2Number: '',
  phone2Description: '',
  legalStatus: 'Ente pubblico territoriale',
  taxId: '01232710374',
  yearIncorporated: '1946',
  ...overrides,
});

describe('directory staff: organisation profiles', () => {
  let t: TestApp;
  let cast: Cast;
  /** The directory organisation of operator A's organisation. */
  let orgA: string;

  const organisationRow = async (id: string) =>
    (
      await sql<{ name: Record<string, { value: string; status: string }>; description: Record<string, { value: string }> | null; website: string | null; email: string | null; tax_id: string | null; year_incorporated: number | null; legal_status: string | null; updated_at: Date }>`
        select name, description, website, email, tax_id, year_incorporated, legal_status, updated_at from directory_organisations where id = ${id}`.execute(t.ctx.db)
    ).rows[0]!;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes an operator from "your organisation" to the profile of their organisation, linked from the directory home', async () => {
    const home = await cast.operatorA.client.get('/it/directory/manage');
    expect(home.body).toContain('href="/it/directory/manage/organisation">Profilo della tua organizzazione</a>');
    const res = await cast.operatorA.client.get('/it/directory/manage/organisation');
    expect(res.statusCode).toBe(303);
    const match = /^\/it\/directory\/manage\/organisations\/([0-9a-f-]{36})$/.exec(res.headers.location as string);
    expect(match, String(res.headers.location)).not.toBeNull();
    orgA = match![1]!;
    const { rows } = await sql<{ account_organisation_id: string; region_code: string }>`select account_organisation_id, region_code from directory_organisations where id = ${orgA}`.execute(t.ctx.db);
    expect(rows).toEqual([{ account_organisation_id: cast.operatorA.organisationId, region_code: '08' }]);
    // Asking again finds the same organisation (no second one).
    expect((await cast.operatorA.client.get('/it/directory/manage/organisation')).headers.location).toBe(res.headers.location);
    const page = await cast.operatorA.client.get(manageOrganisation(orgA));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="${manageOrganisation(orgA, '/edit')}">Modifica il profilo</a>`);
    // An editor keeps several organisations: the home links to the list.
    const editorHome = await cast.editor08.client.get('/it/directory/manage');
    expect(editorHome.body).toContain('href="/it/directory/manage/organisations">Organizzazioni</a>');
    expect((await cast.editor08.client.get('/it/directory/manage/organisation')).headers.location).toBe('/it/directory/manage/organisations');
  });

  it('names every field at fault, in Italian and in English, and saves nothing', async () => {
    const before = await organisationRow(orgA);
    const form = await cast.operatorA.client.get(manageOrganisation(orgA, '/edit'));
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">/);
    const bad = profileForm({ name: '', description: 'Corta', website: 'comune.example.org', email: 'non-una-mail', phone1Number: '12', taxId: 'ABC', yearIncorporated: '3000', phone2Description: 'Fax' });
    const it422 = await cast.operatorA.client.post(manageOrganisation(orgA, '/edit'), bad);
    expect(it422.statusCode).toBe(422);
    for (const line of [
      'href="#field-name">Nome dell&#39;organizzazione: questo campo è obbligatorio',
      'href="#field-description">Descrizione: deve contenere almeno 10 caratteri',
      'href="#field-website">Sito web: ',
      'href="#field-email">E-mail: ',
      'href="#field-phone1Number">Telefono: ',
      'href="#field-phone2Number">Secondo telefono: questo campo è obbligatorio',
      'href="#field-taxId">Codice fiscale o partita IVA: scrivi le 11 cifre',
      'href="#field-yearIncorporated">Anno di fondazione: ',
    ]) {
      expect(it422.body).toContain(line);
    }
    expect(it422.body).toContain('id="field-name"');
    expect(it422.body).toMatch(/id="field-email"[^>]*aria-invalid="true"/);
    // The values sent come back in the form.
    expect(it422.body).toContain('value="non-una-mail"');
    const en422 = await cast.operatorA.client.post(manageOrganisation(orgA, '/edit', 'en'), bad);
    expect(en422.statusCode).toBe(422);
    expect(en422.body).toContain('Name of the organisation: this field is required');
    expect(en422.body).toContain('Tax code or VAT number: enter the 11 digits');
    expect(await organisationRow(orgA)).toEqual(before);
  });

  it('refuses a form without the anti-forgery token', async () => {
    const before = await organisationRow(orgA);
    const res = await cast.operatorA.client.post(manageOrganisation(orgA, '/edit'), { ...profileForm(), _csrf: 'forged' });
    expect(res.statusCode).toBe(403);
    expect(await organisationRow(orgA)).toEqual(before);
  });

  it('saves the profile with its phones, logs each changed field, and saving it again changes nothing', async () => {
    const res = await cast.operatorA.client.post(manageOrganisation(orgA, '/edit'), profileForm({ taxId: '0123 2710 374', phone2Number: '051 219 1111', phone2Description: 'Sportello stranieri' }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${manageOrganisation(orgA)}?done=saved`);
    const row = await organisationRow(orgA);
    expect(row).toMatchObject({ website: 'https://comune-prova.example.org', email: 'stranieri@comune-prova.example.org', tax_id: '01232710374', year_incorporated: 1946, legal_status: 'Ente pubblico territoriale' });
    expect(row.name.it).toMatchObject({ value: 'Comune di Prova', status: 'original' });
    expect(row.description?.it?.value).toBe('Il comune offre sportelli per cittadine e cittadini stranieri residenti.');
    const { rows: phones } = await sql<{ number: string; position: number; service_id: string | null }>`
      select number, position, service_id from directory_phones where organization_id = ${orgA} order by position`.execute(t.ctx.db);
    expect(phones).toEqual([
      { number: '+39 051 219 0000', position: 0, service_id: null },
      { number: '051 219 1111', position: 1, service_id: null },
    ]);
    const { rows: log } = await sql<{ field_name: string; resource_type: string; last_action_type: string; updated_by: string }>`
      select field_name, resource_type, last_action_type, updated_by from directory_metadata where resource_id = ${orgA}`.execute(t.ctx.db);
    expect(log.map((l) => l.field_name)).toEqual(expect.arrayContaining(['name.it', 'description.it', 'website', 'email', 'phones', 'tax_id', 'year_incorporated', 'legal_status']));
    expect(log.every((l) => l.resource_type === 'organization' && l.last_action_type === 'update' && l.updated_by === cast.operatorA.name)).toBe(true);

    const page = await cast.operatorA.client.get(`${manageOrganisation(orgA)}?done=saved`);
    expect(page.body).toContain('<h1 class="cv-page-title">Comune di Prova</h1>');
    expect(page.body).toContain('Modifiche salvate.');
    expect(page.body).toContain('href="https://comune-prova.example.org"');
    expect(page.body).toContain('051 219 1111</span> — Sportello stranieri');
    expect(page.body).toContain('<code>website</code>');
    const form = await cast.operatorA.client.get(manageOrganisation(orgA, '/edit'));
    expect(form.body).toContain('value="Comune di Prova"');
    expect(form.body).toContain('value="051 219 1111"');

    const again = await cast.operatorA.client.post(manageOrganisation(orgA, '/edit'), profileForm({ phone2Number: '051 219 1111', phone2Description: 'Sportello stranieri' }));
    expect(again.headers.location).toBe(`${manageOrganisation(orgA)}?done=unchanged`);
    expect((await organisationRow(orgA)).updated_at).toEqual(row.updated_at);
  });

  it('answers "not found" to operators of another organisation and editors of another region, and lets the region’s editor in', async () => {
    const before = await organisationRow(orgA);
    for (const outsider of [cast.operatorB, cast.editor19]) {
      expect((await outsider.client.get(manageOrganisation(orgA))).statusCode).toBe(404);
      expect((await outsider.client.get(manageOrganisation(orgA, '/edit'))).statusCode).toBe(404);
      // Even a form with errors: whoever may not edit learns nothing about the profile.
      expect((await outsider.client.post(manageOrganisation(orgA, '/edit'), profileForm({ name: 'Preso in prestito' }))).statusCode).toBe(404);
      expect((await outsider.client.post(manageOrganisation(orgA, '/edit'), profileForm({ name: '' }))).statusCode).toBe(404);
      expect((await outsider.client.get('/it/directory/manage/organisations')).body).not.toContain(orgA);
    }
    // A translator of the region reads the profile but may not edit it.
    const read = await cast.translator08.client.get(manageOrganisation(orgA));
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(manageOrganisation(orgA, '/edit'));
    expect((await cast.translator08.client.post(manageOrganisation(orgA, '/edit'), profileForm({ name: 'Tradotto' }))).statusCode).toBe(404);
    expect(await organisationRow(orgA)).toEqual(before);
    const anonymous = await cast.anonymous.get(manageOrganisation(orgA));
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/it\/login\?next=/);

    const list = await cast.editor08.client.get('/it/directory/manage/organisations?q=prova');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${manageOrganisation(orgA)}">Comune di Prova</a>`);
    expect(list.body).toContain('Un&#39;organizzazione');
    const edited = await cast.editor08.client.post(manageOrganisation(orgA, '/edit'), profileForm({ legalStatus: 'Comune' }));
    expect(edited.headers.location).toBe(`${manageOrganisation(orgA)}?done=saved`);
    expect((await organisationRow(orgA)).legal_status).toBe('Comune');
  });

  it('reaches the public service page, the finder and the HSDS API of the organisation’s published services at once', async () => {
    const serviceId = await createServiceAs(cast.operatorA, { name: 'Sportello casa per stranieri' });
    await cast.operatorA.client.post(manageService(serviceId, '/locations'), { locationType: 'physical', name: 'Sede centrale', address1: 'Via Roma 12', postalCode: '40121', municipality: 'Bologna (BO)' });
    await cast.operatorA.client.post(manageService(serviceId, '/submit'));
    expect((await cast.editor08.client.post(manageService(serviceId, '/publish'))).statusCode).toBe(303);
    const publishedAt = new Date();
    const visitor = t.client();
    expect((await visitor.get('/it/services?q=Zefiretto')).body).not.toContain(serviceId);

    const res = await cast.operatorA.client.post(
      manageOrganisation(orgA, '/edit'),
      profileForm({ name: 'Comune di Zefiretto', website: 'https://zefiretto.example.org', description: 'Un comune che accoglie: sportelli, mediazione e orientamento.', phone2Number: '051 000 1234' }),
    );
    expect(res.statusCode).toBe(303);

    const page = await visitor.get(`/it/services/${serviceId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Comune di Zefiretto');
    expect(page.body).toContain('href="https://zefiretto.example.org"');
    const found = await visitor.get('/it/services?q=Zefiretto');
    expect(found.body).toContain(`href="/it/services/${serviceId}"`);

    const api = await visitor.get(`/api/hsds/organizations/${orgA}`);
    expect(api.statusCode).toBe(200);
    const organisation = JSON.parse(api.body) as { name: string; description: string; website: string; email: string; tax_id: string; phones: { number: string }[]; services: { id: string }[] };
    expect(organisation).toMatchObject({ name: 'Comune di Zefiretto', description: 'Un comune che accoglie: sportelli, mediazione e orientamento.', website: 'https://zefiretto.example.org', email: 'stranieri@comune-prova.example.org', tax_id: '01232710374' });
    expect(organisation.phones.map((p) => p.number).sort()).toEqual(['+39 051 219 0000', '051 000 1234']);
    expect(organisation.services.map((s) => s.id)).toEqual([serviceId]);
    const service = JSON.parse((await visitor.get(`/api/hsds/services/${serviceId}`)).body) as { organization: { website: string } };
    expect(service.organization.website).toBe('https://zefiretto.example.org');
    // The service's public version changed with its organisation (HSDS modified_after).
    const modified = JSON.parse((await visitor.get(`/api/hsds/services?modified_after=${publishedAt.toISOString()}`)).body) as { contents: { id: string }[] };
    expect(modified.contents.map((s) => s.id)).toContain(serviceId);
  });
});
