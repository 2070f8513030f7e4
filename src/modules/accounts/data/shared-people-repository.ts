import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';

/** A person as other modules' pages name them. */
export interface PersonName {
  id: string;
  fullName: string;
  email: string;
}

/** An organisation of the platform an applicant may pick. */
export interface OrganisationChoice {
  id: string;
  name: string;
  regionCode: string;
  type: string;
}

/**
 * People and organisations as other modules need them (training links applicants, trainers and their
 * organisations), exported through index.ts so that no other module reads or writes accounts tables. A
 * person found or created by e-mail has no password until they set one through the password-reset link.
 */
export const sharedPeopleRepository = {
  /** The id of the person with this address, creating a person without password when there is none. */
  async findOrCreateByEmail(db: Db, values: { email: string; fullName: string; locale: string }): Promise<{ id: string; isNew: boolean }> {
    const existing = await sql<{ id: string }>`select id from accounts_people where lower(email) = lower(${values.email})`.execute(db);
    if (existing.rows[0]) return { id: existing.rows[0].id, isNew: false };
    const { rows } = await sql<{ id: string }>`insert into accounts_people (email, full_name, preferred_locale)
      values (${values.email}, ${values.fullName}, ${values.locale})
      on conflict (lower(email)) do update set updated_at = accounts_people.updated_at
      returning id`.execute(db);
    return { id: rows[0]!.id, isNew: true };
  },

  /** Whether the person may sign in already (has a password). */
  async hasPassword(db: Db, personId: string): Promise<boolean> {
    const { rows } = await sql<{ has: boolean }>`select password_hash is not null as has from accounts_people where id = ${personId}`.execute(db);
    return rows[0]?.has ?? false;
  },

  /** Names of people by id. */
  async names(db: Db, ids: string[]): Promise<Map<string, PersonName>> {
    if (ids.length === 0) return new Map();
    const { rows } = await sql<{ id: string; full_name: string; email: string }>`
      select id, full_name, email from accounts_people where id = any(${ids}::uuid[])`.execute(db);
    return new Map(rows.map((r) => [r.id, { id: r.id, fullName: r.full_name, email: r.email }]));
  },

  /** Active people holding the trainer role in an organisation of the regions (any region when null), by name. */
  async listTrainers(db: Db, regionCodes: string[] | null): Promise<PersonName[]> {
    const { rows } = await sql<{ id: string; full_name: string; email: string }>`
      select distinct p.id, p.full_name, p.email from accounts_people p
      join accounts_memberships m on m.person_id = p.id and m.role_key = 'trainer'
      join accounts_organisations o on o.id = m.organisation_id
      where p.is_active and o.is_active and (${regionCodes}::text[] is null or o.region_code = any(${regionCodes}::text[]))
      order by p.full_name`.execute(db);
    return rows.map((r) => ({ id: r.id, fullName: r.full_name, email: r.email }));
  },

  /** Active organisations of the platform, by region and name, for the application form. */
  async listOrganisations(db: Db): Promise<OrganisationChoice[]> {
    const { rows } = await sql<{ id: string; name: string; region_code: string; type: string }>`
      select id, name, region_code, type from accounts_organisations where is_active order by region_code, name`.execute(db);
    return rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, type: r.type }));
  },

  /** One active organisation, or null. */
  async findOrganisation(db: Db, id: string): Promise<OrganisationChoice | null> {
    const { rows } = await sql<{ id: string; name: string; region_code: string; type: string }>`
      select id, name, region_code, type from accounts_organisations where id = ${id} and is_active`.execute(db);
    const row = rows[0];
    return row ? { id: row.id, name: row.name, regionCode: row.region_code, type: row.type } : null;
  },

  /** The id of a person by e-mail, or null. */
  async findPersonId(db: Db, email: string): Promise<string | null> {
    const { rows } = await sql<{ id: string }>`select id from accounts_people where lower(email) = lower(${email})`.execute(db);
    return rows[0]?.id ?? null;
  },

  /** Inserts people in bulk (other modules' demo seeds; the password hash is made by `hashPassword`); returns their ids by e-mail. */
  async insertPeople(db: Db, people: { email: string; fullName: string; passwordHash: string | null; locale?: string }[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (let i = 0; i < people.length; i += 200) {
      const batch = people.slice(i, i + 200);
      const { rows } = await sql<{ id: string; email: string }>`insert into accounts_people (email, full_name, password_hash, preferred_locale)
        select * from unnest(${batch.map((p) => p.email)}::text[], ${batch.map((p) => p.fullName)}::text[], ${batch.map((p) => p.passwordHash)}::text[], ${batch.map((p) => p.locale ?? 'it')}::text[])
        returning id, email`.execute(db);
      for (const row of rows) ids.set(row.email, row.id);
    }
    return ids;
  },

  /** Active people holding a role in some organisations, with the language they read, by e-mail. */
  async listMembersWithRole(db: Db, options: { organisationIds: string[]; roleKey: string }): Promise<{ organisationId: string; email: string; preferredLocale: string | null }[]> {
    if (options.organisationIds.length === 0) return [];
    const { rows } = await sql<{ organisationId: string; email: string; preferredLocale: string | null }>`
      select m.organisation_id as "organisationId", p.email, p.preferred_locale as "preferredLocale"
      from accounts_memberships m join accounts_people p on p.id = m.person_id
      where m.role_key = ${options.roleKey} and p.is_active and m.organisation_id = any(${options.organisationIds}::uuid[])
      order by p.email`.execute(db);
    return rows;
  },

  /** The e-mail addresses of active organisations that have one, by organisation id. */
  async organisationEmails(db: Db, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const { rows } = await sql<{ id: string; email: string }>`
      select id, email from accounts_organisations where email is not null and is_active and id = any(${ids}::uuid[])`.execute(db);
    return new Map(rows.map((o) => [o.id, o.email]));
  },

  /** Active organisations of some regions with where they are, by name (other modules' demo seeds). */
  async listOrganisationsInRegions(db: Db, regionCodes: string[]): Promise<(OrganisationChoice & { municipalityCode: string | null; provinceCode: string | null })[]> {
    const { rows } = await sql<OrganisationChoice & { municipalityCode: string | null; provinceCode: string | null }>`
      select id, name, type, region_code as "regionCode", municipality_code as "municipalityCode", province_code as "provinceCode"
      from accounts_organisations where is_active and region_code = any(${regionCodes}::text[]) order by name, id`.execute(db);
    return rows;
  },
};
