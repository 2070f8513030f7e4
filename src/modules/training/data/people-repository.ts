import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';

/** A person as the training pages name them. */
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
 * The accounts module's shared nouns as training needs them (people and organisations). An application
 * links the applicant to a person by e-mail, creating one without a password when there is none: the
 * person sets a password later through the password-reset link.
 */
export const peopleRepository = {
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
};
