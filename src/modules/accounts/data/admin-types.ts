import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { AccountsTables } from './repository.ts';

/** An organisation as the administration sees it. */
export interface Organisation {
  id: string;
  name: string;
  type: string;
  regionCode: string;
  provinceCode: string | null;
  municipalityCode: string | null;
  taxCode: string | null;
  ipaCode: string | null;
  email: string | null;
  website: string | null;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The writable fields of an organisation. */
export type OrganisationValues = Omit<Organisation, 'id' | 'createdAt' | 'updatedAt'>;

/** A person without any secret (no password hash, no second-factor fields). */
export interface Person {
  id: string;
  email: string;
  fullName: string;
  isPlatformAdmin: boolean;
  isActive: boolean;
  preferredLocale: string;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A membership with its organisation. */
export interface Membership {
  id: string;
  personId: string;
  organisationId: string;
  organisationName: string;
  organisationType: string;
  regionCode: string;
  roleKey: string;
  createdAt: Date;
}

/** A member of an organisation, for its page. */
export interface Member {
  membershipId: string;
  personId: string;
  fullName: string;
  email: string;
  isActive: boolean;
  roleKey: string;
}

type WithDefaults<T, K extends keyof T> = Omit<T, K> & { [P in K]: Generated<T[P]> };

/** The accounts tables as the administration writes them: columns the database fills in are optional on insert. */
export type AdminTables = Omit<AccountsTables, 'accounts_organisations' | 'accounts_people' | 'accounts_memberships'> & {
  accounts_organisations: WithDefaults<AccountsTables['accounts_organisations'], 'id' | 'is_active' | 'created_at' | 'updated_at'>;
  accounts_people: WithDefaults<AccountsTables['accounts_people'], 'id' | 'is_active' | 'is_platform_admin' | 'preferred_locale' | 'created_at' | 'updated_at'>;
  accounts_memberships: WithDefaults<AccountsTables['accounts_memberships'], 'id' | 'created_at'>;
};

/** Narrows the shared client to the administration's view of the tables. */
export const adminDb = (db: Db) => db as unknown as Kysely<AdminTables>;
