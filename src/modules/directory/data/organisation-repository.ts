import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { Reach } from '../../../kernel/auth/actor.ts';
import { textFrom, type TranslatedText } from '../../../kernel/i18n/content.ts';
import { directoryDb } from './repository.ts';

/** A directory organisation as the staff pages list it. */
export interface OrganisationChoice {
  id: string;
  name: TranslatedText;
  regionCode: string;
  accountOrganisationId: string | null;
}

/** An organisation's directory profile (HSDS organization fields), as its staff page shows and edits it. */
export interface OrganisationProfile extends OrganisationChoice {
  alternateName: TranslatedText | null;
  description: TranslatedText | null;
  email: string | null;
  website: string | null;
  taxId: string | null;
  yearIncorporated: number | null;
  legalStatus: string | null;
  originalLocale: string;
  updatedAt: Date;
  /** The organisation's own phones (not those of its services, locations or contacts), in order. */
  phones: { id: string; number: string; description: TranslatedText | null }[];
}

/** A row of the staff list of organisations. */
export interface OrganisationListItem extends OrganisationChoice {
  serviceCount: number;
  publicServiceCount: number;
}

/** What saving a profile writes (texts already merged with their translations). */
export interface OrganisationProfileValues {
  name: TranslatedText;
  alternateName: TranslatedText | null;
  description: TranslatedText | null;
  email: string | null;
  website: string | null;
  taxId: string | null;
  yearIncorporated: number | null;
  legalStatus: string | null;
  phones: { number: string; description: TranslatedText | null }[];
  at: Date;
}

function reachCondition(reach: Reach) {
  return reach.all
    ? sql<boolean>`true`
    : sql<boolean>`(o.region_code = any(${reach.regionCodes}::text[]) or o.account_organisation_id = any(${reach.organisationIds}::uuid[]))`;
}

/** Directory organisations: the HSDS side of the foundation's organisations, plus directory-only ones. */
export const organisationRepository = {
  /** The directory organisation of an accounts organisation, created from its name and region on first use. */
  async ensureForAccount(db: Db, account: { id: string; name: string; regionCode: string }): Promise<string> {
    const d = directoryDb(db);
    const found = await d.selectFrom('directory_organisations').select('id').where('account_organisation_id', '=', account.id).executeTakeFirst();
    if (found) return found.id;
    const row = await d
      .insertInto('directory_organisations')
      .values({ account_organisation_id: account.id, region_code: account.regionCode, name: textFrom({ it: account.name }) })
      .onConflict((oc) => oc.column('account_organisation_id').where('account_organisation_id', 'is not', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) return row.id;
    const again = await d.selectFrom('directory_organisations').select('id').where('account_organisation_id', '=', account.id).executeTakeFirstOrThrow();
    return again.id;
  },

  async find(db: Db, id: string): Promise<OrganisationChoice | null> {
    const row = await directoryDb(db)
      .selectFrom('directory_organisations')
      .select(['id', 'name', 'region_code', 'account_organisation_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { id: row.id, name: row.name, regionCode: row.region_code, accountOrganisationId: row.account_organisation_id } : null;
  },

  /** Organisations within a reach (by region, or by the accounts organisations the reach names). */
  async listWithin(db: Db, reach: Reach): Promise<OrganisationChoice[]> {
    const within = reach.all
      ? sql<boolean>`true`
      : sql<boolean>`(region_code = any(${reach.regionCodes}::text[]) or account_organisation_id = any(${reach.organisationIds}::uuid[]))`;
    const rows = await directoryDb(db)
      .selectFrom('directory_organisations')
      .select(['id', 'name', 'region_code', 'account_organisation_id'])
      .where(within)
      .orderBy(sql`lower(coalesce(name->original_locale->>'value', ''))`)
      .limit(2000)
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, accountOrganisationId: r.account_organisation_id }));
  },

  /** Public services of an organisation (to refresh the public side after the organisation changes). */
  async listPublicServiceIds(db: Db, organisationId: string): Promise<string[]> {
    const rows = await directoryDb(db).selectFrom('directory_services').select('id').where('organization_id', '=', organisationId).where('is_public', '=', true).execute();
    return rows.map((r) => r.id);
  },

  /** The directory organisation of an accounts organisation, when it has one. */
  async findIdForAccount(db: Db, accountOrganisationId: string): Promise<string | null> {
    const row = await directoryDb(db).selectFrom('directory_organisations').select('id').where('account_organisation_id', '=', accountOrganisationId).executeTakeFirst();
    return row?.id ?? null;
  },

  /** An organisation's profile with its own phones. */
  async findProfile(db: Db, id: string): Promise<OrganisationProfile | null> {
    const d = directoryDb(db);
    const row = await d.selectFrom('directory_organisations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const phones = await this.listPhones(db, id);
    return {
      id: row.id,
      name: row.name,
      regionCode: row.region_code,
      accountOrganisationId: row.account_organisation_id,
      alternateName: row.alternate_name,
      description: row.description,
      email: row.email,
      website: row.website,
      taxId: row.tax_id,
      yearIncorporated: row.year_incorporated,
      legalStatus: row.legal_status,
      originalLocale: row.original_locale,
      updatedAt: new Date(row.updated_at),
      phones: phones.map((p) => ({ id: p.id, number: p.number, description: p.description })),
    };
  },

  /** Organisations within a reach whose name contains the query, by name, with how many services they have. */
  async listProfiles(db: Db, filter: { reach: Reach; query?: string; limit: number; offset: number }): Promise<{ items: OrganisationListItem[]; total: number }> {
    const conditions = [reachCondition(filter.reach)];
    if (filter.query) {
      const pattern = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(sql<boolean>`exists (select 1 from jsonb_each(o.name) e where unaccent(lower(e.value->>'value')) like unaccent(lower(${pattern})))`);
    }
    const where = sql.join(conditions, sql` and `);
    const [{ rows: counted }, { rows }] = await Promise.all([
      sql<{ n: string }>`select count(*) as n from directory_organisations o where ${where}`.execute(db),
      sql<{ id: string; name: TranslatedText; region_code: string; account_organisation_id: string | null; services: string; public: string }>`
        select o.id, o.name, o.region_code, o.account_organisation_id,
          (select count(*) from directory_services s where s.organization_id = o.id and s.workflow_state <> 'archived') as services,
          (select count(*) from directory_services s where s.organization_id = o.id and s.is_public) as public
        from directory_organisations o where ${where}
        order by lower(coalesce(o.name->o.original_locale->>'value', '')), o.id limit ${filter.limit} offset ${filter.offset}`.execute(db),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        regionCode: r.region_code,
        accountOrganisationId: r.account_organisation_id,
        serviceCount: Number(r.services),
        publicServiceCount: Number(r.public),
      })),
      total: Number(counted[0]?.n ?? 0),
    };
  },

  /** Phones of the organisation itself (not of a service, location, contact or service-at-location). */
  async listPhones(db: Db, organisationId: string) {
    return directoryDb(db)
      .selectFrom('directory_phones')
      .selectAll()
      .where('organization_id', '=', organisationId)
      .where('service_id', 'is', null)
      .where('location_id', 'is', null)
      .where('contact_id', 'is', null)
      .where('service_at_location_id', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute();
  },

  /** Locks the organisation row for the rest of the transaction, so two edits cannot interleave. */
  async lock(db: Db, id: string): Promise<boolean> {
    const { rows } = await sql`select id from directory_organisations where id = ${id} for update`.execute(db);
    return rows.length === 1;
  },

  /** Writes the profile and its phones (keeping the phones' identifiers where their position stays). */
  async updateProfile(db: Db, id: string, values: OrganisationProfileValues): Promise<void> {
    const d = directoryDb(db);
    await d
      .updateTable('directory_organisations')
      .set({
        name: values.name,
        alternate_name: values.alternateName,
        description: values.description,
        email: values.email,
        website: values.website,
        tax_id: values.taxId,
        year_incorporated: values.yearIncorporated,
        legal_status: values.legalStatus,
        updated_at: values.at,
      })
      .where('id', '=', id)
      .execute();
    const existing = await this.listPhones(db, id);
    for (const [position, phone] of values.phones.entries()) {
      const row = existing[position];
      const columns = { number: phone.number, description: phone.description, type: 'voice', position };
      if (row) await d.updateTable('directory_phones').set(columns).where('id', '=', row.id).execute();
      else await d.insertInto('directory_phones').values({ ...columns, organization_id: id }).execute();
    }
    const extra = existing.slice(values.phones.length).map((r) => r.id);
    if (extra.length) await d.deleteFrom('directory_phones').where('id', 'in', extra).execute();
  },
};
