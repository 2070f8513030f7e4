import { randomUUID } from 'node:crypto';
import type { Db } from '../../../kernel/db/database.ts';
import { sessions, SESSION_COOKIE } from '../../../kernel/auth/sessions.ts';
import type { TestClient } from '../../../../test/support/test-app.ts';
import { adminRepository, type Organisation } from '../data/admin-repository.ts';
import { hashPassword } from '../passwords.ts';
import type { OrganisationType } from '../permissions.ts';

/** The password factory people get unless told otherwise. */
export const FACTORY_PASSWORD = 'factory-password-2026';

let counter = 0;
const unique = () => `${++counter}-${randomUUID().slice(0, 8)}`;

// A province and municipality per region the tests use, so placements are consistent by default.
const PLACES: Record<string, { provinceCode: string; municipalityCode: string }> = {
  '08': { provinceCode: '237', municipalityCode: '037006' },
  '19': { provinceCode: '282', municipalityCode: '082053' },
};

/** Creates an organisation (default: a municipality in Emilia-Romagna, placed in Bologna). */
export async function createOrganisation(
  db: Db,
  options: { name?: string; type?: OrganisationType; regionCode?: string; provinceCode?: string | null; municipalityCode?: string | null; isActive?: boolean } = {},
): Promise<Organisation> {
  const regionCode = options.regionCode ?? '08';
  const place = PLACES[regionCode] ?? { provinceCode: null, municipalityCode: null };
  const id = await adminRepository.insertOrganisation(db, {
    name: options.name ?? `Organisation ${unique()}`,
    type: options.type ?? 'municipality',
    regionCode,
    provinceCode: options.provinceCode === undefined ? place.provinceCode : options.provinceCode,
    municipalityCode: options.municipalityCode === undefined ? place.municipalityCode : options.municipalityCode,
    taxCode: null,
    ipaCode: null,
    email: null,
    website: null,
    isActive: options.isActive ?? true,
  });
  const org = await adminRepository.findOrganisation(db, id);
  if (!org) throw new Error('factory organisation not found after insert');
  return org;
}

/** A person made by the factory, with the password they can log in with. */
export interface FactoryPerson {
  id: string;
  email: string;
  fullName: string;
  password: string;
}

/** Creates a person with a password and memberships (role keys must exist in accounts_roles). */
export async function createPerson(
  db: Db,
  options: { fullName?: string; email?: string; password?: string; isPlatformAdmin?: boolean; isActive?: boolean; memberships?: { organisationId: string; roleKey: string }[] } = {},
): Promise<FactoryPerson> {
  const password = options.password ?? FACTORY_PASSWORD;
  const fullName = options.fullName ?? `Person ${unique()}`;
  const email = options.email ?? `person-${unique()}@example.org`;
  const id = await adminRepository.insertPerson(db, { email, fullName, preferredLocale: 'it', isPlatformAdmin: options.isPlatformAdmin ?? false, passwordHash: await hashPassword(password) });
  for (const m of options.memberships ?? []) await adminRepository.insertMembership(db, { personId: id, ...m });
  if (options.isActive === false) {
    const person = await adminRepository.findPerson(db, id);
    if (!person) throw new Error('factory person not found after insert');
    await adminRepository.updatePerson(db, id, { ...person, isActive: false });
  }
  return { id, email, fullName, password };
}

/** Signs a test client in as a person by opening a session directly (no login form). */
export async function signIn(client: TestClient, personId: string, db: Db): Promise<string> {
  const { token } = await sessions.create(db, { personId, ttlHours: 1, isSecondFactorPending: false });
  client.cookies.set(SESSION_COOKIE, token);
  return token;
}
