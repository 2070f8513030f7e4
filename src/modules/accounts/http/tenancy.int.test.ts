import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import type { Organisation } from '../data/admin-repository.ts';
import { createOrganisation, createPerson, signIn, type FactoryPerson } from '../test/factories.ts';
import { MATRIX_ROWS, type MatrixRow, type MatrixTargets } from '../test/tenancy-routes.ts';
import { registerAdminRoutes } from './admin-routes.ts';
import { registerAccountsApi } from './api-routes.ts';

interface Fixtures {
  people: Record<'platformAdmin' | 'regionAdminEr' | 'orgAdminBologna' | 'staffBologna' | 'candidateA' | 'candidateB' | 'candidateC' | 'platformAdminInEr', FactoryPerson>;
  orgs: Record<'regioneEr' | 'bologna' | 'regioneSic' | 'palermo', Organisation>;
  targets: Record<'sicilia' | 'modena' | 'bologna', MatrixTargets>;
}

interface Scenario {
  name: string;
  actor(f: Fixtures): FactoryPerson | null;
  targets(f: Fixtures): MatrixTargets;
  /** Administration is closed to them: 404 everywhere but their own data. */
  isLockedOut?: boolean;
}

const REFUSALS: Scenario[] = [
  { name: 'a regional administrator of Emilia-Romagna, on Sicilia', actor: (f) => f.people.regionAdminEr, targets: (f) => f.targets.sicilia },
  { name: 'an organisation administrator of Bologna, on Modena in the same region', actor: (f) => f.people.orgAdminBologna, targets: (f) => f.targets.modena },
  { name: 'a staff member of Bologna, on their own organisation', actor: (f) => f.people.staffBologna, targets: (f) => f.targets.bologna, isLockedOut: true },
  { name: 'an anonymous visitor', actor: () => null, targets: (f) => f.targets.sicilia },
];

/** Attempts to gain more than one has, by a regional or organisation administrator within their own reach. */
interface Escalation {
  name: string;
  actor: 'regionAdminEr' | 'orgAdminBologna';
  kind: 'page' | 'api';
  method: 'POST' | 'PATCH';
  url(f: Fixtures): string;
  body(f: Fixtures, n: number): Record<string, unknown>;
  refusal: { field: string } | 'not-found';
  success: number;
}

const ESCALATIONS: Escalation[] = [
  { name: 'appoint a regional administrator (page)', actor: 'regionAdminEr', kind: 'page', method: 'POST', url: (f) => `/it/admin/people/${f.people.candidateA.id}/memberships`, body: (f) => ({ organisationId: f.orgs.regioneEr.id, roleKey: 'region_admin' }), refusal: { field: 'roleKey' }, success: 303 },
  { name: 'appoint a regional administrator (API)', actor: 'regionAdminEr', kind: 'api', method: 'POST', url: (f) => `/api/v1/accounts/people/${f.people.candidateB.id}/memberships`, body: (f) => ({ organisationId: f.orgs.regioneEr.id, roleKey: 'region_admin' }), refusal: { field: 'roleKey' }, success: 201 },
  { name: 'make someone a platform administrator (page)', actor: 'regionAdminEr', kind: 'page', method: 'POST', url: (f) => `/it/admin/people/${f.people.candidateA.id}`, body: (f) => ({ fullName: f.people.candidateA.fullName, email: f.people.candidateA.email, preferredLocale: 'it', isActive: 'true', isPlatformAdmin: 'true' }), refusal: { field: 'isPlatformAdmin' }, success: 303 },
  { name: 'make someone a platform administrator (API)', actor: 'regionAdminEr', kind: 'api', method: 'PATCH', url: (f) => `/api/v1/accounts/people/${f.people.candidateB.id}`, body: () => ({ isPlatformAdmin: true }), refusal: { field: 'isPlatformAdmin' }, success: 200 },
  { name: 'create a platform administrator (page)', actor: 'regionAdminEr', kind: 'page', method: 'POST', url: () => '/it/admin/people', body: (f, n) => ({ fullName: 'Nuovo Capo', email: `capo-${n}@example.org`, preferredLocale: 'it', organisationId: f.orgs.bologna.id, roleKey: 'staff', isPlatformAdmin: 'true' }), refusal: { field: 'isPlatformAdmin' }, success: 303 },
  { name: 'create a platform administrator (API)', actor: 'regionAdminEr', kind: 'api', method: 'POST', url: () => '/api/v1/accounts/people', body: (f, n) => ({ fullName: 'Nuovo Capo', email: `capo-${n}@example.org`, organisationId: f.orgs.bologna.id, roleKey: 'staff', isPlatformAdmin: true }), refusal: { field: 'isPlatformAdmin' }, success: 201 },
  { name: 'create a region (page)', actor: 'regionAdminEr', kind: 'page', method: 'POST', url: () => '/it/admin/organisations', body: (_f, n) => ({ name: `Regione bis ${n}`, type: 'region', regionCode: '08', isActive: 'true' }), refusal: { field: 'type' }, success: 303 },
  { name: 'create a region (API)', actor: 'regionAdminEr', kind: 'api', method: 'POST', url: () => '/api/v1/accounts/organisations', body: (_f, n) => ({ name: `Regione bis ${n}`, type: 'region', regionCode: '08' }), refusal: { field: 'type' }, success: 201 },
  { name: 'give a role in another region (page)', actor: 'regionAdminEr', kind: 'page', method: 'POST', url: (f) => `/it/admin/people/${f.people.candidateA.id}/memberships`, body: (f) => ({ organisationId: f.orgs.regioneSic.id, roleKey: 'region_admin' }), refusal: { field: 'organisationId' }, success: 303 },
  { name: 'give a role in another region (API)', actor: 'regionAdminEr', kind: 'api', method: 'POST', url: (f) => `/api/v1/accounts/people/${f.people.candidateB.id}/memberships`, body: (f) => ({ organisationId: f.orgs.palermo.id, roleKey: 'org_admin' }), refusal: { field: 'organisationId' }, success: 201 },
  { name: 'change the e-mail of a platform administrator', actor: 'regionAdminEr', kind: 'api', method: 'PATCH', url: (f) => `/api/v1/accounts/people/${f.people.platformAdminInEr.id}`, body: (_f, n) => ({ email: `taken-over-${n}@example.org` }), refusal: 'not-found', success: 200 },
  { name: 'appoint a regional administrator from an organisation', actor: 'orgAdminBologna', kind: 'api', method: 'POST', url: (f) => `/api/v1/accounts/people/${f.people.candidateC.id}/memberships`, body: (f) => ({ organisationId: f.orgs.regioneEr.id, roleKey: 'region_admin' }), refusal: { field: 'organisationId' }, success: 201 },
  { name: 'move one’s organisation to another region', actor: 'orgAdminBologna', kind: 'api', method: 'PATCH', url: (f) => `/api/v1/accounts/organisations/${f.orgs.bologna.id}`, body: () => ({ regionCode: '19', provinceCode: '282', municipalityCode: '082053' }), refusal: { field: 'regionCode' }, success: 200 },
];

describe('tenancy: nobody reads or changes another region’s or organisation’s records', () => {
  let t: TestApp;
  let f: Fixtures;
  let counter = 0;
  const next = () => ++counter;

  async function fingerprint(): Promise<unknown> {
    const { rows } = await sql`select
      md5(coalesce((select string_agg(x::text, '|' order by x.id) from accounts_organisations x), '')) as organisations,
      md5(coalesce((select string_agg(x::text, '|' order by x.id) from accounts_people x), '')) as people,
      md5(coalesce((select string_agg(x::text, '|' order by x.id) from accounts_memberships x), '')) as memberships,
      (select count(*) from kernel_audit) as audit, (select count(*) from kernel_captured_mail) as mail,
      (select count(*) from kernel_sessions) as sessions`.execute(t.ctx.db);
    return rows[0];
  }

  async function clientFor(person: FactoryPerson | null): Promise<TestClient> {
    const client = t.client();
    if (person) await signIn(client, person.id, t.ctx.db);
    return client;
  }

  function send(client: TestClient, kind: 'page' | 'api', method: string, url: string, body?: Record<string, unknown>): Promise<LightMyRequestResponse> {
    if (kind === 'api') return client.api(method as 'GET', url, body);
    return method === 'GET' ? client.get(url) : client.post(url, (body ?? {}) as Record<string, string>);
  }

  function markersIn(res: LightMyRequestResponse, x: MatrixTargets): string[] {
    // Search boxes echo what was typed: only what the page found counts.
    const text = res.body.replace(/value="[^"]*"/g, '');
    const markers = [x.foreign.organisationName, x.foreign.organisationId, x.foreign.personEmail, x.foreign.personId, ...x.foreign.membershipIds, x.foreign.auditMarker];
    return markers.filter((m) => text.includes(m));
  }

  function expectFieldNamed(res: LightMyRequestResponse, kind: 'page' | 'api', field: string): void {
    expect(res.statusCode, res.body.slice(0, 500)).toBe(422);
    if (kind === 'page') expect(res.body).toContain(`href="#field-${field}"`);
    else expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  }

  async function targetsFor(name: string, orgs: Organisation[], regionCode: string, place: { provinceCode: string; municipalityCode: string }): Promise<MatrixTargets> {
    const [main, second] = orgs as [Organisation, Organisation];
    const person = await createPerson(t.ctx.db, {
      fullName: `Foreign Person ${name}`,
      memberships: [
        { organisationId: main.id, roleKey: 'staff' },
        { organisationId: main.id, roleKey: 'org_admin' },
        { organisationId: second.id, roleKey: 'staff' },
      ],
    });
    const { rows } = await sql<{ id: string }>`select id from accounts_memberships where person_id = ${person.id} order by created_at, id`.execute(t.ctx.db);
    const auditMarker = `audit-marker-${name}`;
    await t.ctx.audit.record({ actorPersonId: null, action: 'matrix.marker', entity: 'matrix', entityId: auditMarker, regionCode, organisationId: main.id });
    return {
      foreign: { regionCode, ...place, organisationId: main.id, organisationName: main.name, personId: person.id, personEmail: person.email, membershipIds: rows.map((r) => r.id), auditMarker },
      own: { personId: '', organisationId: '' },
      next,
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.db;
    const orgs = {
      regioneEr: await createOrganisation(db, { name: 'Regione Emilia-Romagna', type: 'region' }),
      bologna: await createOrganisation(db, { name: 'Comune di Bologna' }),
      regioneSic: await createOrganisation(db, { name: 'Regione Siciliana', type: 'region', regionCode: '19' }),
      palermo: await createOrganisation(db, { name: 'Comune di Palermo', regionCode: '19' }),
    };
    const modena = await createOrganisation(db, { name: 'Comune di Modena', provinceCode: '036', municipalityCode: '036023' });
    const modenaSchool = await createOrganisation(db, { name: 'Scuola di Modena', type: 'school', provinceCode: '036', municipalityCode: '036023' });
    const bolognaSchool = await createOrganisation(db, { name: 'Scuola di Bologna', type: 'school' });
    const staffOf = (org: Organisation, roleKey = 'staff') => ({ memberships: [{ organisationId: org.id, roleKey }] });
    const people = {
      platformAdmin: await createPerson(db, { isPlatformAdmin: true }),
      regionAdminEr: await createPerson(db, staffOf(orgs.regioneEr, 'region_admin')),
      orgAdminBologna: await createPerson(db, staffOf(orgs.bologna, 'org_admin')),
      staffBologna: await createPerson(db, staffOf(orgs.bologna)),
      candidateA: await createPerson(db, staffOf(orgs.bologna)),
      candidateB: await createPerson(db, staffOf(orgs.bologna)),
      candidateC: await createPerson(db, staffOf(orgs.bologna)),
      platformAdminInEr: await createPerson(db, { ...staffOf(orgs.bologna), isPlatformAdmin: true }),
    };
    const own = { personId: (await createPerson(db, staffOf(orgs.bologna))).id, organisationId: orgs.bologna.id };
    const targets = {
      sicilia: { ...(await targetsFor('sicilia', [orgs.palermo, orgs.regioneSic], '19', { provinceCode: '282', municipalityCode: '082053' })), own },
      modena: { ...(await targetsFor('modena', [modena, modenaSchool], '08', { provinceCode: '036', municipalityCode: '036023' })), own },
      bologna: { ...(await targetsFor('bologna', [orgs.bologna, bolognaSchool], '08', { provinceCode: '237', municipalityCode: '037006' })), own },
    };
    f = { people, orgs, targets };
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a row for every administration page and accounts API route, and no row for a route that is gone', () => {
    const registered = new Set<string>();
    const probe = Fastify();
    probe.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') registered.add(`${method} ${route.url}`);
    });
    registerAdminRoutes(probe, t.ctx);
    registerAccountsApi(probe, t.ctx);
    expect([...new Set(MATRIX_ROWS.map((r) => r.route))].sort()).toEqual([...registered].sort());
  });

  describe.each(REFUSALS)('$name', (scenario) => {
    it.each(MATRIX_ROWS)('is refused: $kind $route ($name)', async (row: MatrixRow) => {
      const x = scenario.targets(f);
      const actor = scenario.actor(f);
      const client = await clientFor(actor);
      const method = row.route.split(' ')[0]!;
      const before = await fingerprint();
      const res = await send(client, row.kind, method, row.url(x), row.body?.(x));
      if (!actor) {
        if (row.kind === 'page') {
          expect(res.statusCode).toBe(303);
          expect(res.headers.location).toMatch(/^\/it\/login\?next=/);
        } else {
          expect(res.statusCode).toBe(401);
        }
      } else if (scenario.isLockedOut) {
        expect(res.statusCode).toBe(row.isPersonal ? 200 : 404);
      } else if (row.refusal === 'not-found') {
        expect(res.statusCode).toBe(404);
      } else if (row.refusal === 'hidden') {
        if (res.statusCode !== 404) {
          expect(res.statusCode).toBe(200);
          expect(markersIn(res, x)).toEqual([]);
        }
      } else if (res.statusCode !== 404) {
        expectFieldNamed(res, row.kind, row.refusal.field);
      }
      expect(await fingerprint()).toEqual(before);
    });
  });

  describe('an administrator cannot escalate', () => {
    it.each(ESCALATIONS)('$actor cannot $name', async (row) => {
      const client = await clientFor(f.people[row.actor]);
      const before = await fingerprint();
      const res = await send(client, row.kind, row.method, row.url(f), row.body(f, next()));
      if (row.refusal === 'not-found') expect(res.statusCode).toBe(404);
      else expectFieldNamed(res, row.kind, row.refusal.field);
      expect(await fingerprint()).toEqual(before);
    });
  });

  describe('a platform administrator can', () => {
    it.each(MATRIX_ROWS)('$kind $route ($name)', async (row: MatrixRow) => {
      const x = f.targets.sicilia;
      const client = await clientFor(f.people.platformAdmin);
      const res = await send(client, row.kind, row.route.split(' ')[0]!, row.url(x), row.body?.(x));
      expect(res.statusCode, res.body.slice(0, 500)).toBe(row.success);
      if (row.reveals === 'organisation') expect(res.body).toContain(x.foreign.organisationName);
      if (row.reveals === 'person') expect(res.body).toContain(x.foreign.personEmail);
      if (row.reveals === 'audit') expect(res.body).toContain(x.foreign.auditMarker);
    });

    it.each(ESCALATIONS)('what $actor cannot: $name', async (row) => {
      const client = await clientFor(f.people.platformAdmin);
      const res = await send(client, row.kind, row.method, row.url(f), row.body(f, next()));
      expect(res.statusCode, res.body.slice(0, 500)).toBe(row.success);
    });
  });
});
