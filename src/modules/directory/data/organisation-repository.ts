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
};
