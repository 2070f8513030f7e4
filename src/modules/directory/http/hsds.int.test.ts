import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { importHsds } from '../hsds/import-hsds.ts';
import { NEEDS_TAXONOMY_ID, needTermId } from '../reference/needs-taxonomy.ts';

const id = (n: number) => `5a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ORG_X = id(1);
const ORG_Y = id(2);
const ORG_Z = id(3);
const [A, B, C, D, E] = [id(11), id(12), id(13), id(14), id(15)];
const [L1, L2] = [id(21), id(22)];
const SAL_C = id(33);
const T = '2026-11-01T09:00:00.000Z';

const organization = (orgId: string, name: string) => ({ id: orgId, name, description: `${name}: ente di esempio`, website: 'https://ente.example' });
const location = (locId: string, name: string, municipality: string) => ({
  id: locId,
  location_type: 'physical',
  name,
  latitude: 44.49,
  longitude: 11.34,
  addresses: [{ id: id(Number(locId.slice(-2)) + 100), address_1: 'Via Roma 1', city: 'Bologna', state_province: 'BO', postal_code: '40121', country: 'IT', address_type: 'physical' }],
  x_crocevia: { municipality_code: municipality },
});

function service(serviceId: string, fields: { name: string; org: ReturnType<typeof organization>; term: string; loc: ReturnType<typeof location>; salId?: string; extra?: Record<string, unknown> }) {
  return {
    id: serviceId,
    name: fields.name,
    description: `${fields.name}: servizio per cittadini di paesi terzi`,
    status: 'active',
    organization: fields.org,
    service_at_locations: [{ id: fields.salId ?? id(Number(serviceId.slice(-2)) + 20), location: fields.loc }],
    attributes: [{ id: id(Number(serviceId.slice(-2)) + 40), link_type: 'need', taxonomy_term_id: needTermId(fields.term) }],
    ...fields.extra,
  };
}

let t: TestApp;
let work: string;

async function importJson(name: string, document: unknown, isPublish: boolean): Promise<void> {
  const file = path.join(work, name);
  fs.writeFileSync(file, JSON.stringify(document));
  const result = await importHsds({ db: t.ctx.db, path: file, regionCode: '08', isPublish, language: 'it' });
  expect(result.errors).toEqual([]);
}

beforeAll(async () => {
  t = await createTestApp();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-hsds-api-'));
  const [x, y, z] = [organization(ORG_X, 'Comune di Esempio'), organization(ORG_Y, 'Associazione Àncora'), organization(ORG_Z, 'Cooperativa Bozza')];
  const [l1, l2] = [location(L1, 'Sede centrale', '037006'), location(L2, 'Ambulatorio', '037006')];
  await importJson(
    'public.json',
    [
      service(A, {
        name: 'Sportello immigrazione',
        org: x,
        term: 'documents.permit-renewal',
        loc: l1,
        extra: {
          last_modified: T,
          x_crocevia: {
            translations: { name: { en: { value: 'Immigration desk', status: 'reviewed', updated_at: T } } },
            is_free: true,
            schedule_exceptions: [{ id: id(51), starts_on: '2026-12-24', ends_on: '2026-12-26', is_closed: true, reason: 'Chiusura natalizia' }],
          },
        },
      }),
      service(B, { name: 'Ambulatorio San Dònato', org: y, term: 'health.ssn-registration', loc: l2 }),
      service(D, { name: 'Corso di italiano', org: x, term: 'language-school', loc: l1 }),
      service(E, { name: 'Servizio archiviato', org: y, term: 'housing', loc: l2 }),
    ],
    true,
  );
  await importJson('draft.json', [service(C, { name: 'Servizio in bozza', org: z, term: 'documents', loc: l2, salId: SAL_C })], false);
  await importJson('edit.json', [service(D, { name: 'Corso di italiano NON PUBBLICATO', org: x, term: 'language-school', loc: l1 })], false);
  await t.ctx.db.updateTable('directory_services').set({ workflow_state: 'archived' }).where('id', '=', E).execute();
});

afterAll(async () => {
  await t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const get = async (url: string) => {
  const res = await t.client().get(url);
  return { status: res.statusCode, body: res.json() as Record<string, unknown> & { contents: Record<string, unknown>[] }, headers: res.headers };
};
const ids = (body: { contents: Record<string, unknown>[] }) => body.contents.map((c) => c.id);

describe('the HSDS API root and profile', () => {
  it('names the version, the profile and the OpenAPI document', async () => {
    const { status, body } = await get('/api/hsds/');
    expect(status).toBe(200);
    expect(body).toEqual({ version: '3.0.0', profile: `${t.ctx.config.baseUrl}/api/hsds/profile`, openapi_url: `${t.ctx.config.baseUrl}/api/openapi.json` });
    const profile = await t.client().get('/api/hsds/profile');
    expect(profile.headers['content-type']).toContain('text/markdown');
    expect(profile.body).toContain('x_crocevia');
    const patch = await get('/api/hsds/profile/service.json');
    expect(Object.keys((patch.body.properties as Record<string, Record<string, unknown>>).x_crocevia!.properties as object)).toContain('translations');
    const openapi = await get('/api/openapi.json');
    expect(Object.keys(openapi.body.paths as object)).toEqual(expect.arrayContaining(['/api/hsds/services', '/api/hsds/services/{id}', '/api/hsds/organizations', '/api/hsds/taxonomy_terms']));
    expect(Object.keys((openapi.body.components as { schemas: object }).schemas)).toEqual(expect.arrayContaining(['Hsds_service', 'Hsds_x_crocevia']));
    const docs = await t.client().get('/api/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('/api/hsds/services/{id}');
  });
});

describe('GET /api/hsds/services', () => {
  it('lists only public services, with the HSDS paging fields', async () => {
    const { status, body } = await get('/api/hsds/services');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total_items: 3, total_pages: 1, page_number: 1, size: 3, first_page: true, last_page: true, empty: false });
    expect(ids(body)).toEqual([A, B, D]);
    expect(body.contents[0]).toMatchObject({ id: A, name: 'Sportello immigrazione', organization: { id: ORG_X, name: 'Comune di Esempio' } });
    expect(body.contents[0]!.service_at_locations).toBeUndefined();
    const second = await get('/api/hsds/services?per_page=2&page=2');
    expect(second.body).toMatchObject({ total_items: 3, total_pages: 2, page_number: 2, size: 1, first_page: false, last_page: true, empty: false });
    const beyond = await get('/api/hsds/services?per_page=2&page=3');
    expect(beyond.body).toMatchObject({ size: 0, empty: true, contents: [] });
  });

  it('combines its filters with AND', async () => {
    expect(ids((await get(`/api/hsds/services?taxonomy_term_id=${needTermId('documents')}`)).body)).toEqual([A]);
    expect(ids((await get(`/api/hsds/services?organization_id=${ORG_X}`)).body)).toEqual([A, D]);
    expect(ids((await get(`/api/hsds/services?organization_id=${ORG_X}&taxonomy_term_id=${needTermId('language-school')}`)).body)).toEqual([D]);
    expect(ids((await get(`/api/hsds/services?organization_id=${ORG_Y}&taxonomy_term_id=${needTermId('documents')}`)).body)).toEqual([]);
    expect(ids((await get(`/api/hsds/services?taxonomy_id=${NEEDS_TAXONOMY_ID}&search=ambulatorio`)).body)).toEqual([B]);
    expect(ids((await get('/api/hsds/services?search=DONATO%20san')).body)).toEqual([B]);
    expect(ids((await get('/api/hsds/services?search=immigration')).body)).toEqual([A]);
  });

  it('filters on when the public version changed', async () => {
    expect(ids((await get('/api/hsds/services?modified_after=2000-01-01')).body)).toEqual([A, B, D]);
    expect(ids((await get('/api/hsds/services?modified_after=2999-01-01T00:00:00Z')).body)).toEqual([]);
    // A change of its organisation changes what the public sees of a service.
    const before = new Date();
    await importJson('org-y.json', { ...organization(ORG_Y, 'Associazione Àncora'), description: 'Una nuova descrizione' }, false);
    expect(ids((await get(`/api/hsds/services?modified_after=${before.toISOString()}`)).body)).toEqual([B]);
    expect((await get(`/api/hsds/services/${B}`)).body.last_modified).not.toBe((await get(`/api/hsds/services/${A}`)).body.last_modified);
    const minimal = await get('/api/hsds/services?minimal=true');
    expect(Object.keys(minimal.body.contents[0]!).sort()).toEqual(['id', 'last_modified']);
  });

  it('answers 422 naming each bad parameter', async () => {
    for (const [query, field] of [
      ['page=0', 'page'],
      ['per_page=1000', 'per_page'],
      ['taxonomy_term_id=abc', 'taxonomy_term_id'],
      ['modified_after=yesterday', 'modified_after'],
      ['colour=red', 'colour'],
      ['format=ndjson', 'format'],
    ]) {
      const res = await t.client().get(`/api/hsds/services?${query}`);
      expect(res.statusCode, query).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((res.json() as { errors: { field: string }[] }).errors.map((e) => e.field), query).toEqual([field]);
    }
  });
});

describe('GET /api/hsds/services/{id}', () => {
  it('shows a public service fully nested, as published, with the profile extension', async () => {
    const { status, body } = await get(`/api/hsds/services/${A}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: A, name: 'Sportello immigrazione', organization: { id: ORG_X }, last_modified: expect.any(String) });
    const [sal] = body.service_at_locations as Record<string, unknown>[];
    expect(sal!.location).toMatchObject({ id: L1, addresses: [{ city: 'Bologna' }], x_crocevia: { municipality_code: '037006', region_code: '08' } });
    expect(body.attributes).toEqual([expect.objectContaining({ taxonomy_term: expect.objectContaining({ id: needTermId('documents.permit-renewal'), taxonomy_detail: expect.objectContaining({ id: NEEDS_TAXONOMY_ID }) }) })]);
    expect(body.x_crocevia).toMatchObject({
      original_language: 'it',
      region_code: '08',
      is_free: true,
      translations: { name: { en: { value: 'Immigration desk', status: 'reviewed', updated_at: T } } },
      schedule_exceptions: [{ id: id(51), starts_on: '2026-12-24', ends_on: '2026-12-26', is_closed: true, reason: 'Chiusura natalizia' }],
    });
    expect(body.metadata).toEqual(expect.arrayContaining([expect.objectContaining({ field_name: 'workflow_state', replacement_value: 'published', updated_by: 'crocevia hsds import' })]));
  });

  it('shows another language on request, saying which fields fell back', async () => {
    const res = await t.client().get(`/api/hsds/services/${A}?lang=en`);
    expect(res.headers['content-language']).toBe('en');
    const body = res.json() as Record<string, unknown>;
    expect(body).toMatchObject({ name: 'Immigration desk', description: 'Sportello immigrazione: servizio per cittadini di paesi terzi' });
    expect(body.x_crocevia).toMatchObject({ display_language: 'en', fallback_languages: { description: 'it' }, translations: { name: { it: { value: 'Sportello immigrazione', status: 'original' } } } });
    // The language asked for is said once, by the outermost object; nested ones say only their fallbacks.
    const [sal] = body.service_at_locations as { location: { x_crocevia: Record<string, unknown> } }[];
    expect(sal!.location.x_crocevia).toMatchObject({ fallback_languages: { name: 'it' } });
    expect(sal!.location.x_crocevia.display_language).toBeUndefined();
    const list = await t.client().get('/api/hsds/services?lang=ar');
    expect(list.headers['content-language']).toBe('ar');
  });

  it('never shows unpublished work: drafts, archived services and edits waiting for review', async () => {
    for (const hidden of [C, E, id(99), 'not-a-uuid']) {
      const res = await t.client().get(`/api/hsds/services/${hidden}`);
      expect(res.statusCode, hidden).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get(`/api/hsds/services/${D}`)).body.name).toBe('Corso di italiano');
    expect(JSON.stringify((await get('/api/hsds/services?full=true')).body)).not.toContain('NON PUBBLICATO');
  });
});

describe('organizations, service_at_locations, taxonomies', () => {
  it('lists organisations with a public service, each with its public services only', async () => {
    const list = await get('/api/hsds/organizations');
    expect(list.body).toMatchObject({ total_items: 2, size: 2 });
    expect(ids(list.body)).toEqual([ORG_X, ORG_Y]);
    expect((await get(`/api/hsds/organizations/${ORG_Z}`)).status).toBe(404);
    const y = await get(`/api/hsds/organizations/${ORG_Y}`);
    expect((y.body.services as Record<string, unknown>[]).map((s) => s.id)).toEqual([B]);
    expect((y.body.locations as Record<string, unknown>[] | undefined)?.map((l) => l.id) ?? []).toEqual([]);
    expect(ids((await get(`/api/hsds/organizations?taxonomy_term_id=${needTermId('health')}`)).body)).toEqual([ORG_Y]);
  });

  it('lists the service-at-locations of public services, and shows one with its service and location', async () => {
    const list = await get('/api/hsds/service_at_locations');
    expect(list.body.total_items).toBe(3);
    expect(ids(list.body)).not.toContain(SAL_C);
    const [first] = list.body.contents;
    const one = await get(`/api/hsds/service_at_locations/${String(first!.id)}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: first!.id, service: { id: expect.any(String) }, location: { id: expect.any(String) } });
    expect((await get(`/api/hsds/service_at_locations/${SAL_C}`)).status).toBe(404);
  });

  it('serves the taxonomies and their terms, filtered by taxonomy and parent', async () => {
    const taxonomies = await get('/api/hsds/taxonomies');
    expect(ids(taxonomies.body)).toContain(NEEDS_TAXONOMY_ID);
    const top = await get(`/api/hsds/taxonomy_terms?taxonomy_id=${NEEDS_TAXONOMY_ID}&top_only=true&per_page=100`);
    expect(top.body.total_items).toBe(10);
    const children = await get(`/api/hsds/taxonomy_terms?parent_id=${needTermId('documents')}&per_page=100`);
    expect(children.body.contents.every((c) => c.parent_id === needTermId('documents'))).toBe(true);
    expect(children.body.total_items).toBeGreaterThan(2);
    const term = await get(`/api/hsds/taxonomy_terms/${needTermId('health')}?lang=ar`);
    expect(term.body).toMatchObject({ id: needTermId('health'), code: 'health', taxonomy_detail: { id: NEEDS_TAXONOMY_ID }, x_crocevia: { display_language: 'ar' } });
    expect((await get(`/api/hsds/taxonomies/${NEEDS_TAXONOMY_ID}`)).body).toMatchObject({ id: NEEDS_TAXONOMY_ID, name: 'Bisogni Crocevia' });
    expect((await get(`/api/hsds/taxonomy_terms/${id(98)}`)).status).toBe(404);
  });
});
