import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TestApp, TestClient } from '../../../../test/support/test-app.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { sessions, SESSION_COOKIE } from '../../../kernel/auth/sessions.ts';
import { needTermId } from '../reference/needs-taxonomy.ts';

// The accounts module's factories sit behind its border: these few rows are written directly instead.
let counter = 0;
const unique = () => `${++counter}-${randomUUID().slice(0, 8)}`;

/** Creates an organisation of the accounts module (a region code and a type are enough here). */
export async function createOrganisation(db: Db, options: { type: string; regionCode: string; email?: string }): Promise<{ id: string; name: string }> {
  const name = `Organisation ${unique()}`;
  const { rows } = await sql<{ id: string }>`insert into accounts_organisations (name, type, region_code, email)
    values (${name}, ${options.type}, ${options.regionCode}, ${options.email ?? null}) returning id`.execute(db);
  return { id: rows[0]!.id, name };
}

/** Creates a person (no password: tests sign in with a session) with memberships. */
export async function createPerson(db: Db, options: { memberships?: { organisationId: string; roleKey: string }[] } = {}): Promise<{ id: string; fullName: string; email: string }> {
  const fullName = `Person ${unique()}`;
  const email = `person-${unique()}@example.org`;
  const { rows } = await sql<{ id: string }>`insert into accounts_people (email, full_name) values (${email}, ${fullName}) returning id`.execute(db);
  const id = rows[0]!.id;
  for (const m of options.memberships ?? []) {
    await sql`insert into accounts_memberships (person_id, organisation_id, role_key) values (${id}, ${m.organisationId}, ${m.roleKey})`.execute(db);
  }
  return { id, fullName, email };
}

/** Signs a client in as a person by opening a session directly. */
export async function signIn(client: TestClient, personId: string, db: Db): Promise<void> {
  const { token } = await sessions.create(db, { personId, ttlHours: 1, isSecondFactorPending: false });
  client.cookies.set(SESSION_COOKIE, token);
}

/** A person of the test cast, with a signed-in client. */
export interface CastMember {
  id: string;
  name: string;
  email: string;
  organisationId: string;
  client: TestClient;
}

/** Operators of two organisations in Emilia-Romagna, editors of Emilia-Romagna and Sicily, a translator, an anonymous visitor. */
export interface Cast {
  operatorA: CastMember;
  operatorB: CastMember;
  editor08: CastMember;
  editor19: CastMember;
  translator08: CastMember;
  anonymous: TestClient;
}

async function member(t: TestApp, organisationId: string, roleKey: string): Promise<CastMember> {
  const person = await createPerson(t.ctx.db, { memberships: [{ organisationId, roleKey }] });
  const client = t.client();
  await signIn(client, person.id, t.ctx.db);
  return { id: person.id, name: person.fullName, email: person.email, organisationId, client };
}

/** Creates the cast of people the directory's tests act as. */
export async function createCast(t: TestApp): Promise<Cast> {
  const db = t.ctx.db;
  const [orgA, orgB, region08, region19] = await Promise.all([
    createOrganisation(db, { type: 'municipality', regionCode: '08' }),
    createOrganisation(db, { type: 'third_sector', regionCode: '08' }),
    createOrganisation(db, { type: 'region', regionCode: '08' }),
    createOrganisation(db, { type: 'region', regionCode: '19' }),
  ]);
  return {
    operatorA: await member(t, orgA.id, 'directory_operator'),
    operatorB: await member(t, orgB.id, 'directory_operator'),
    editor08: await member(t, region08.id, 'directory_editor'),
    editor19: await member(t, region19.id, 'directory_editor'),
    translator08: await member(t, region08.id, 'directory_translator'),
    anonymous: t.client(),
  };
}

/** A valid details form; override fields to test validation. */
export function serviceForm(overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[] | undefined> {
  return {
    name: 'Sportello permessi di soggiorno',
    description: 'Aiuto gratuito per compilare il kit postale e seguire la pratica del permesso.',
    needs: [needTermId('documents.permit-renewal')],
    eligibility: 'Cittadini di paesi terzi residenti in città.',
    applicationProcess: 'Senza appuntamento negli orari di apertura.',
    documents: 'Passaporto\nPermesso in scadenza',
    cost: 'free',
    languages: ['it', 'en', 'ar'],
    otherLanguages: 'ti',
    phone1Number: '+39 051 123 4567',
    phone1Description: 'Centralino',
    status: 'active',
    url: 'https://example.org/sportello',
    email: 'sportello@example.org',
    ...overrides,
  };
}

/** Creates a service through the staff form as an operator; returns its id. */
export async function createServiceAs(operator: CastMember, overrides: Record<string, string | string[] | undefined> = {}): Promise<string> {
  const res = await operator.client.post('/it/directory/manage/services', { owner: `account:${operator.organisationId}`, originalLocale: 'it', ...serviceForm(overrides) });
  if (res.statusCode !== 303) throw new Error(`service creation failed with ${res.statusCode}: ${res.body.slice(0, 2000)}`);
  const match = /\/directory\/manage\/services\/([0-9a-f-]{36})/.exec(res.headers.location as string);
  if (!match) throw new Error(`unexpected redirect ${res.headers.location}`);
  return match[1]!;
}
