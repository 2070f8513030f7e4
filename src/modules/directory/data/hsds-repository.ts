import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import { accountsPeople } from '../../accounts/index.ts';
import type { DirectoryTables } from './tables.ts';

type Table = keyof DirectoryTables;
/** A row of any directory table, as selected. */
export type AnyRow = Record<string, unknown>;

const ORDERED_BY_POSITION: ReadonlySet<Table> = new Set(['directory_phones', 'directory_required_documents', 'directory_taxonomy_terms']);

const orderOf = (table: Table) => (ORDERED_BY_POSITION.has(table) ? sql`order by position, id` : sql`order by id`);

/** Filters of the public HSDS lists (all optional, combined with AND). */
export interface PublicFilter {
  /** Words that must all appear (accent- and case-insensitive) in a name, alternate name or description, in any language. */
  words?: string[];
  /** Term ids (a term and its descendants): the service has one of them. */
  termIds?: string[];
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
}

/** When the public version of a service last changed: its publication, its organisation's or a location's change. */
const modifiedAt = sql<Date>`greatest(s.published_at, o.updated_at, (
    select max(l.updated_at) from jsonb_array_elements(s.published_snapshot->'serviceAtLocations') x
    join directory_locations l on l.id = (x->>'location_id')::uuid))`;

const snapshotOrg = sql`(s.published_snapshot->'service'->>'organization_id')::uuid`;

function searchable(path: string): RawBuilder<string> {
  return sql<string>`coalesce(jsonb_path_query_array(s.published_snapshot->'service', ${sql.lit(`$.${path}.*.value`)})::text, '')`;
}

function publicConditions(filter: PublicFilter): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`s.is_public`];
  const text = sql`unaccent(lower(${searchable('name')} || ' ' || ${searchable('alternate_name')} || ' ' || ${searchable('description')}))`;
  for (const word of filter.words ?? []) {
    parts.push(sql`${text} like unaccent(lower(${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}))`);
  }
  if (filter.termIds) {
    parts.push(sql`exists (select 1 from jsonb_array_elements(s.published_snapshot->'attributes') a where a->>'taxonomy_term_id' = any(${filter.termIds}::text[]))`);
  }
  if (filter.taxonomyId) {
    parts.push(sql`exists (select 1 from jsonb_array_elements(s.published_snapshot->'attributes') a
      join directory_taxonomy_terms t on t.id = (a->>'taxonomy_term_id')::uuid where t.taxonomy_id = ${filter.taxonomyId})`);
  }
  if (filter.organizationId) parts.push(sql`${snapshotOrg} = ${filter.organizationId}`);
  if (filter.modifiedAfter) parts.push(sql`${modifiedAt} >= ${filter.modifiedAfter}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

const publicFrom = sql`directory_services s join directory_organisations o on o.id = ${snapshotOrg}`;

/** The SQL of the HSDS import, export and API (directory tables addressed by name, rows as plain objects). */
export const hsdsRepository = {
  /** Rows of a table whose id is one of these. */
  async rowsByIds(db: Db, table: Table, ids: string[]): Promise<AnyRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<AnyRow>`select * from ${sql.table(table)} where id = any(${ids}::uuid[]) ${orderOf(table)}`.execute(db);
    return rows;
  },

  /** Which of these ids a table holds. */
  async existingIds(db: Db, table: Table, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} where id = any(${ids}::uuid[])`.execute(db);
    return new Set(rows.map((r) => r.id));
  },

  /** Rows of a table where any of the columns holds one of the ids given for it. */
  async rowsWhereAny(db: Db, table: Table, conditions: Record<string, string[]>): Promise<AnyRow[]> {
    const parts = Object.entries(conditions)
      .filter(([, ids]) => ids.length > 0)
      .map(([column, ids]) => sql`${sql.ref(column)} = any(${ids}::uuid[])`);
    if (parts.length === 0) return [];
    const { rows } = await sql<AnyRow>`select * from ${sql.table(table)} where ${sql.join(parts, sql` or `)} ${orderOf(table)}`.execute(db);
    return rows;
  },

  /** A page of a whole table in id order, after an id (keyset paging for exports). */
  async pageRows(db: Db, table: Table, afterId: string | null, limit: number): Promise<AnyRow[]> {
    const after = afterId ? sql`where id > ${afterId}` : sql``;
    const { rows } = await sql<AnyRow>`select * from ${sql.table(table)} ${after} order by id limit ${limit}`.execute(db);
    return rows;
  },

  /** A page of service ids in id order: every service, or only public ones. */
  async pageServiceIds(db: Db, options: { afterId: string | null; limit: number; isPublicOnly: boolean }): Promise<string[]> {
    const parts = [sql`true`];
    if (options.isPublicOnly) parts.push(sql`is_public`);
    if (options.afterId) parts.push(sql`id > ${options.afterId}`);
    const { rows } = await sql<{ id: string }>`select id from directory_services where ${sql.join(parts, sql` and `)} order by id limit ${options.limit}`.execute(db);
    return rows.map((r) => r.id);
  },

  /** Inserts rows one by one: rows of one table may carry different columns (a CSV leaves some out). */
  async insertRows(db: Db, table: Table, rows: AnyRow[]): Promise<void> {
    for (const row of rows) await db.insertInto(table).values(row).execute();
  },

  /** Updates the given columns of one row. */
  async updateRow(db: Db, table: Table, id: string, values: AnyRow): Promise<void> {
    if (Object.keys(values).length > 0) await db.updateTable(table).set(values).where('id', '=', id).execute();
  },

  /** An active accounts organisation (for `--organisation`), from the accounts module. */
  async findAccountOrganisation(db: Db, id: string): Promise<{ id: string; name: string; regionCode: string } | null> {
    return accountsPeople.findOrganisation(db, id);
  },

  /** The directory organisation linked to an accounts organisation. */
  async findOrganisationIdOfAccount(db: Db, accountOrganisationId: string): Promise<string | null> {
    const { rows } = await sql<{ id: string }>`select id from directory_organisations where account_organisation_id = ${accountOrganisationId}`.execute(db);
    return rows[0]?.id ?? null;
  },

  /** Public services offered at these locations or by these organisations (to refresh the public side). */
  async publicServicesUsing(db: Db, options: { locationIds: string[]; organisationIds: string[] }): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`select s.id from directory_services s where s.is_public and (
        ${snapshotOrg} = any(${options.organisationIds}::uuid[])
        or exists (select 1 from jsonb_array_elements(s.published_snapshot->'serviceAtLocations') x where (x->>'location_id')::uuid = any(${options.locationIds}::uuid[])))`.execute(db);
    return rows.map((r) => r.id);
  },

  /** The published snapshots of public services, with when each public version last changed. */
  async publicSnapshots(db: Db, ids: string[]): Promise<{ id: string; snapshot: unknown; publishedAt: Date; modifiedAt: Date }[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<{ id: string; snapshot: unknown; publishedAt: Date; modifiedAt: Date }>`
      select s.id, s.published_snapshot as snapshot, s.published_at as "publishedAt", ${modifiedAt} as "modifiedAt"
      from ${publicFrom} where s.is_public and s.id = any(${ids}::uuid[]) order by s.id`.execute(db);
    return rows;
  },

  /** HSDS metadata of public services recorded up to their publication (later entries describe unpublished work). */
  async publicMetadata(db: Db, serviceIds: string[]): Promise<AnyRow[]> {
    if (serviceIds.length === 0) return [];
    const { rows } = await sql<AnyRow>`select m.* from directory_metadata m join directory_services s on s.id = m.resource_id
      where s.is_public and m.resource_id = any(${serviceIds}::uuid[]) and m.recorded_at <= s.published_at order by m.recorded_at, m.id`.execute(db);
    return rows;
  },

  /** Public services matching the filter, a page of them in id order, and how many match. */
  async listPublicServices(db: Db, filter: PublicFilter, page: { limit: number; offset: number }): Promise<{ ids: string[]; total: number }> {
    const where = publicConditions(filter);
    const [{ rows: counted }, { rows }] = await Promise.all([
      sql<{ n: string }>`select count(*) as n from ${publicFrom} where ${where}`.execute(db),
      sql<{ id: string }>`select s.id from ${publicFrom} where ${where} order by s.id limit ${page.limit} offset ${page.offset}`.execute(db),
    ]);
    return { ids: rows.map((r) => r.id), total: Number(counted[0]?.n ?? 0) };
  },

  /** Service-at-locations of public services matching the filter (as published), a page of them, and how many. */
  async listPublicServiceAtLocations(db: Db, filter: PublicFilter, page: { limit: number; offset: number }): Promise<{ items: { serviceId: string; salId: string }[]; total: number }> {
    const where = publicConditions(filter);
    const from = sql`${publicFrom} cross join lateral jsonb_array_elements(s.published_snapshot->'serviceAtLocations') x`;
    const [{ rows: counted }, { rows }] = await Promise.all([
      sql<{ n: string }>`select count(*) as n from ${from} where ${where}`.execute(db),
      sql<{ serviceId: string; salId: string }>`select s.id as "serviceId", x->>'id' as "salId" from ${from} where ${where}
        order by x->>'id' limit ${page.limit} offset ${page.offset}`.execute(db),
    ]);
    return { items: rows, total: Number(counted[0]?.n ?? 0) };
  },

  /** The public service a published service-at-location belongs to. */
  async findPublicServiceOfSal(db: Db, salId: string): Promise<string | null> {
    const { rows } = await sql<{ id: string }>`select s.id from directory_services s where s.is_public
      and exists (select 1 from jsonb_array_elements(s.published_snapshot->'serviceAtLocations') x where x->>'id' = ${salId})`.execute(db);
    return rows[0]?.id ?? null;
  },

  /** Organisations with at least one public service matching the filter, a page of their ids, and how many. */
  async listPublicOrganisations(db: Db, filter: PublicFilter & { nameWords?: string[] }, page: { limit: number; offset: number }): Promise<{ ids: string[]; total: number }> {
    const parts: RawBuilder<unknown>[] = [sql`exists (select 1 from ${publicFrom} where o.id = org.id and ${publicConditions({ ...filter, words: undefined })})`];
    for (const word of filter.nameWords ?? []) {
      parts.push(sql`unaccent(lower(coalesce(jsonb_path_query_array(org.name, '$.*.value')::text, ''))) like unaccent(lower(${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}))`);
    }
    const where = sql.join(parts, sql` and `);
    const [{ rows: counted }, { rows }] = await Promise.all([
      sql<{ n: string }>`select count(*) as n from directory_organisations org where ${where}`.execute(db),
      sql<{ id: string }>`select org.id from directory_organisations org where ${where} order by org.id limit ${page.limit} offset ${page.offset}`.execute(db),
    ]);
    return { ids: rows.map((r) => r.id), total: Number(counted[0]?.n ?? 0) };
  },

  /** The public services of an organisation, by the organisation of their published version. */
  async publicServiceIdsOf(db: Db, organisationId: string): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`select s.id from directory_services s where s.is_public and ${snapshotOrg} = ${organisationId} order by s.id`.execute(db);
    return rows.map((r) => r.id);
  },

  /** A term and every term below it. */
  async termAndDescendants(db: Db, termId: string): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`with recursive tree as (
        select id from directory_taxonomy_terms where id = ${termId}
        union select t.id from directory_taxonomy_terms t join tree on t.parent_id = tree.id)
      select id from tree`.execute(db);
    return rows.map((r) => r.id);
  },

  /** Taxonomies or taxonomy terms, filtered, a page of them in id order, and how many. */
  async listTaxonomyRows(
    db: Db,
    table: 'directory_taxonomies' | 'directory_taxonomy_terms',
    filter: { words?: string[]; taxonomyId?: string; parentId?: string; isTopOnly?: boolean },
    page: { limit: number; offset: number },
  ): Promise<{ rows: AnyRow[]; total: number }> {
    const parts: RawBuilder<unknown>[] = [sql`true`];
    for (const word of filter.words ?? []) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const code = table === 'directory_taxonomy_terms' ? sql`coalesce(code, '')` : sql`''`;
      parts.push(sql`unaccent(lower(coalesce(jsonb_path_query_array(name, '$.*.value')::text, '') || ' ' || ${code})) like unaccent(lower(${pattern}))`);
    }
    if (filter.taxonomyId) parts.push(sql`taxonomy_id = ${filter.taxonomyId}`);
    if (filter.parentId) parts.push(sql`parent_id = ${filter.parentId}`);
    if (filter.isTopOnly) parts.push(sql`parent_id is null`);
    const where = sql.join(parts, sql` and `);
    const order = table === 'directory_taxonomy_terms' ? sql`order by taxonomy_id nulls last, parent_id nulls first, position, id` : sql`order by id`;
    const [{ rows: counted }, { rows }] = await Promise.all([
      sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db),
      sql<AnyRow>`select * from ${sql.table(table)} where ${where} ${order} limit ${page.limit} offset ${page.offset}`.execute(db),
    ]);
    return { rows, total: Number(counted[0]?.n ?? 0) };
  },
};
