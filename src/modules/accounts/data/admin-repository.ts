import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { Reach } from '../../../kernel/auth/actor.ts';
import { adminDb as db$, type AdminTables as Tables, type Member, type Membership, type Organisation, type OrganisationValues, type Person } from './admin-types.ts';

export type { Member, Membership, Organisation, OrganisationValues, Person } from './admin-types.ts';

const ORGANISATION_COLUMNS = [
  'o.id',
  'o.name',
  'o.type',
  'o.region_code as regionCode',
  'o.province_code as provinceCode',
  'o.municipality_code as municipalityCode',
  'o.tax_code as taxCode',
  'o.ipa_code as ipaCode',
  'o.email',
  'o.website',
  'o.is_active as isActive',
  'o.created_at as createdAt',
  'o.updated_at as updatedAt',
] as const;

const PERSON_COLUMNS = [
  'id',
  'email',
  'full_name as fullName',
  'is_platform_admin as isPlatformAdmin',
  'is_active as isActive',
  'preferred_locale as preferredLocale',
  'last_login_at as lastLoginAt',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

/** Limits organisations (alias `o`) to a reach; an empty reach matches nothing. */
function organisationInReach(reach: Reach) {
  return (eb: ExpressionBuilder<Tables & { o: Tables['accounts_organisations'] }, 'o'>) => {
    if (reach.all) return eb.val(true);
    const conditions = [];
    if (reach.regionCodes.length) conditions.push(eb('o.region_code', 'in', reach.regionCodes));
    if (reach.organisationIds.length) conditions.push(eb('o.id', 'in', reach.organisationIds));
    return conditions.length ? eb.or(conditions) : eb.val(false);
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string can be a record id (anything else cannot exist, and PostgreSQL would refuse it). */
export function isRecordId(value: string): boolean {
  return UUID.test(value);
}

// Search text is matched literally: escape LIKE's wildcards.
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function organisationRow(values: OrganisationValues) {
  return {
    name: values.name,
    type: values.type,
    region_code: values.regionCode,
    province_code: values.provinceCode,
    municipality_code: values.municipalityCode,
    tax_code: values.taxCode,
    ipa_code: values.ipaCode,
    email: values.email,
    website: values.website,
    is_active: values.isActive,
  };
}

/** SQL for the administration of organisations, people and memberships. */
export const adminRepository = {
  /** Organisations within a reach, filtered and paged, by name. */
  async listOrganisations(
    db: Db,
    filter: { reach: Reach; regionCode?: string; type?: string; query?: string; limit: number; offset: number },
  ): Promise<{ items: Organisation[]; total: number }> {
    let q = db$(db).selectFrom('accounts_organisations as o').where(organisationInReach(filter.reach));
    if (filter.regionCode) q = q.where('o.region_code', '=', filter.regionCode);
    if (filter.type) q = q.where('o.type', '=', filter.type);
    if (filter.query) q = q.where(sql<boolean>`unaccent(lower(o.name)) like unaccent(lower(${likePattern(filter.query)}))`);
    const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
    const items = await q.select(ORGANISATION_COLUMNS).orderBy('o.name').orderBy('o.id').limit(filter.limit).offset(filter.offset).execute();
    return { items, total: Number(total?.n ?? 0) };
  },

  /** Every organisation within a reach (id, name, type, region), for choice lists. */
  async listOrganisationChoices(db: Db, reach: Reach): Promise<{ id: string; name: string; type: string; regionCode: string }[]> {
    return db$(db)
      .selectFrom('accounts_organisations as o')
      .select(['o.id', 'o.name', 'o.type', 'o.region_code as regionCode'])
      .where(organisationInReach(reach))
      .where('o.is_active', '=', true)
      .orderBy('o.name')
      .execute();
  },

  async findOrganisation(db: Db, id: string): Promise<Organisation | null> {
    if (!isRecordId(id)) return null;
    return (await db$(db).selectFrom('accounts_organisations as o').select(ORGANISATION_COLUMNS).where('o.id', '=', id).executeTakeFirst()) ?? null;
  },

  /** Whether another organisation of the region already has this name (case-insensitively). */
  async isOrganisationNameTaken(db: Db, regionCode: string, name: string, exceptId?: string): Promise<boolean> {
    let q = db$(db)
      .selectFrom('accounts_organisations')
      .select('id')
      .where('region_code', '=', regionCode)
      .where(sql<boolean>`lower(name) = lower(${name})`);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  },

  async insertOrganisation(db: Db, values: OrganisationValues): Promise<string> {
    const row = await db$(db).insertInto('accounts_organisations').values(organisationRow(values)).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async updateOrganisation(db: Db, id: string, values: OrganisationValues): Promise<void> {
    await db$(db)
      .updateTable('accounts_organisations')
      .set({ ...organisationRow(values), updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  },

  /** The role keys held in an organisation (to check a change of type against them). */
  async listRoleKeysHeldIn(db: Db, organisationId: string): Promise<string[]> {
    const rows = await db$(db).selectFrom('accounts_memberships').select('role_key').distinct().where('organisation_id', '=', organisationId).execute();
    return rows.map((r) => r.role_key);
  },

  async listMembersOf(db: Db, organisationId: string): Promise<Member[]> {
    return db$(db)
      .selectFrom('accounts_memberships as m')
      .innerJoin('accounts_people as p', 'p.id', 'm.person_id')
      .select(['m.id as membershipId', 'p.id as personId', 'p.full_name as fullName', 'p.email', 'p.is_active as isActive', 'm.role_key as roleKey'])
      .where('m.organisation_id', '=', organisationId)
      .orderBy('p.full_name')
      .orderBy('m.role_key')
      .execute();
  },

  /** People with at least one membership within a reach (everyone, for a national reach), searched and paged. */
  async listPeople(db: Db, filter: { reach: Reach; query?: string; limit: number; offset: number }): Promise<{ items: Person[]; total: number }> {
    let q = db$(db).selectFrom('accounts_people as p');
    if (!filter.reach.all) {
      const reach = filter.reach;
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('accounts_memberships as m')
            .innerJoin('accounts_organisations as o', 'o.id', 'm.organisation_id')
            .select('m.id')
            .whereRef('m.person_id', '=', 'p.id')
            .where(organisationInReach(reach)),
        ),
      );
    }
    if (filter.query) {
      const pattern = likePattern(filter.query);
      q = q.where(sql<boolean>`(unaccent(lower(p.full_name)) like unaccent(lower(${pattern})) or lower(p.email) like lower(${pattern}))`);
    }
    const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
    const items = await q
      .select(PERSON_COLUMNS.map((c) => `p.${c}` as const))
      .orderBy('p.full_name')
      .orderBy('p.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return { items: items as Person[], total: Number(total?.n ?? 0) };
  },

  async findPerson(db: Db, id: string): Promise<Person | null> {
    if (!isRecordId(id)) return null;
    return (await db$(db).selectFrom('accounts_people').select(PERSON_COLUMNS).where('id', '=', id).executeTakeFirst()) ?? null;
  },

  /** Every membership of a person, with its organisation, by organisation name. */
  async listMembershipsOf(db: Db, personId: string): Promise<Membership[]> {
    return db$(db)
      .selectFrom('accounts_memberships as m')
      .innerJoin('accounts_organisations as o', 'o.id', 'm.organisation_id')
      .select([
        'm.id',
        'm.person_id as personId',
        'm.organisation_id as organisationId',
        'o.name as organisationName',
        'o.type as organisationType',
        'o.region_code as regionCode',
        'm.role_key as roleKey',
        'm.created_at as createdAt',
      ])
      .where('m.person_id', '=', personId)
      .orderBy('o.name')
      .orderBy('m.role_key')
      .execute();
  },

  /** Whether another person already uses this e-mail (case-insensitively). */
  async isEmailTaken(db: Db, email: string, exceptId?: string): Promise<boolean> {
    let q = db$(db).selectFrom('accounts_people').select('id').where(sql<boolean>`lower(email) = lower(${email})`);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  },

  async insertPerson(
    db: Db,
    values: { email: string; fullName: string; preferredLocale: string; isPlatformAdmin: boolean; passwordHash?: string | null },
  ): Promise<string> {
    const row = await db$(db)
      .insertInto('accounts_people')
      .values({
        email: values.email,
        full_name: values.fullName,
        preferred_locale: values.preferredLocale,
        is_platform_admin: values.isPlatformAdmin,
        password_hash: values.passwordHash ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async updatePerson(db: Db, id: string, values: Pick<Person, 'email' | 'fullName' | 'preferredLocale' | 'isActive' | 'isPlatformAdmin'>): Promise<void> {
    await db$(db)
      .updateTable('accounts_people')
      .set({
        email: values.email,
        full_name: values.fullName,
        preferred_locale: values.preferredLocale,
        is_active: values.isActive,
        is_platform_admin: values.isPlatformAdmin,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
  },

  /** Adds a membership; returns null when the person already holds that role there. */
  async insertMembership(db: Db, values: { personId: string; organisationId: string; roleKey: string }): Promise<string | null> {
    const row = await db$(db)
      .insertInto('accounts_memberships')
      .values({ person_id: values.personId, organisation_id: values.organisationId, role_key: values.roleKey })
      .onConflict((oc) => oc.columns(['person_id', 'organisation_id', 'role_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },

  async deleteMembership(db: Db, id: string): Promise<void> {
    await db$(db).deleteFrom('accounts_memberships').where('id', '=', id).execute();
  },
};
