import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { Reach } from '../../../kernel/auth/actor.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import { directoryDb, type ServiceTable, type WorkflowState } from './repository.ts';

/** What staff pages need to know about a service to list it and to decide who may touch it. */
export interface ServiceHeader {
  id: string;
  name: TranslatedText;
  organisationId: string;
  organisationName: TranslatedText;
  accountOrganisationId: string | null;
  regionCode: string;
  workflowState: WorkflowState;
  status: string;
  originalLocale: string;
  isPublic: boolean;
  reviewNote: string | null;
  publishedAt: Date | null;
  lastVerifiedAt: Date | null;
  lastVerifiedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Filters of the staff service lists. */
export interface ServiceFilter {
  reach: Reach;
  states?: WorkflowState[];
  query?: string;
  /** Only services (not archived) verified before this instant, or never verified and created before it. */
  staleBefore?: Date;
  organisationId?: string;
  limit: number;
  offset: number;
}

const headerColumns = [
  's.id',
  's.name',
  's.organization_id as organisationId',
  'o.name as organisationName',
  'o.account_organisation_id as accountOrganisationId',
  's.region_code as regionCode',
  's.workflow_state as workflowState',
  's.status',
  's.original_locale as originalLocale',
  's.is_public as isPublic',
  's.review_note as reviewNote',
  's.published_at as publishedAt',
  's.last_verified_at as lastVerifiedAt',
  's.last_verified_by as lastVerifiedBy',
  's.created_at as createdAt',
  's.updated_at as updatedAt',
] as const;

/** SQL condition: the service (alias s, organisation alias o) is within a reach. */
export function withinReach(reach: Reach) {
  if (reach.all) return sql<boolean>`true`;
  return sql<boolean>`(s.region_code = any(${reach.regionCodes}::text[]) or o.account_organisation_id = any(${reach.organisationIds}::uuid[]))`;
}

function base(db: Db) {
  return directoryDb(db).selectFrom('directory_services as s').innerJoin('directory_organisations as o', 'o.id', 's.organization_id');
}

/** Service rows: headers, lists, field updates and workflow changes. */
export const serviceRepository = {
  async findHeader(db: Db, id: string): Promise<ServiceHeader | null> {
    return ((await base(db).select(headerColumns).where('s.id', '=', id).executeTakeFirst()) as ServiceHeader | undefined) ?? null;
  },

  /** Services within a reach, filtered and paged, most recently changed first. */
  async list(db: Db, filter: ServiceFilter): Promise<{ items: ServiceHeader[]; total: number }> {
    let q = base(db).where(withinReach(filter.reach));
    if (filter.states?.length) q = q.where('s.workflow_state', 'in', filter.states);
    if (filter.organisationId) q = q.where('s.organization_id', '=', filter.organisationId);
    if (filter.query) {
      const pattern = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`exists (select 1 from jsonb_each(s.name) e where unaccent(lower(e.value->>'value')) like unaccent(lower(${pattern})))`);
    }
    if (filter.staleBefore) {
      q = q.where('s.workflow_state', '<>', 'archived').where(sql<boolean>`coalesce(s.last_verified_at, s.created_at) < ${filter.staleBefore}`);
    }
    const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
    const order = filter.staleBefore ? sql`coalesce(s.last_verified_at, s.created_at)` : sql`s.updated_at desc`;
    const items = (await q.select(headerColumns).orderBy(order).orderBy('s.id').limit(filter.limit).offset(filter.offset).execute()) as ServiceHeader[];
    return { items, total: Number(total?.n ?? 0) };
  },

  async insert(db: Db, values: Insertable<ServiceTable>): Promise<string> {
    const row = await directoryDb(db).insertInto('directory_services').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  /** Updates columns of a service (callers pass updated_at and updated_by). */
  async update(db: Db, id: string, values: Updateable<ServiceTable>): Promise<void> {
    await directoryDb(db).updateTable('directory_services').set(values).where('id', '=', id).execute();
  },

  /** The full row of a service (for forms). */
  async findRow(db: Db, id: string) {
    return (await directoryDb(db).selectFrom('directory_services').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  },

  /** Locks the service row for the rest of the transaction, so two edits cannot interleave. */
  async lock(db: Db, id: string): Promise<boolean> {
    const { rows } = await sql`select id from directory_services where id = ${id} for update`.execute(db);
    return rows.length === 1;
  },

  /** Records a verification on the working copy and, when the service is public, on its published snapshot too. */
  async markVerified(db: Db, id: string, values: { at: Date; personId: string }): Promise<void> {
    const day = values.at.toISOString().slice(0, 10);
    await sql`update directory_services set
        last_verified_at = ${values.at}, last_verified_by = ${values.personId}, verification_reminded_at = null, assured_date = ${day},
        published_snapshot = case when published_snapshot is null then null else
          jsonb_set(jsonb_set(published_snapshot, '{service,last_verified_at}', to_jsonb(${values.at.toISOString()}::text)), '{service,assured_date}', to_jsonb(${day}::text)) end
      where id = ${id}`.execute(db);
  },
};
