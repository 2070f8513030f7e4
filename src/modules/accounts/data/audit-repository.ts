import { sql, type Kysely } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { Reach } from '../../../kernel/auth/actor.ts';
import type { AccountsTables } from './repository.ts';

/** An entry of the kernel's audit log, with the names it points at. */
export interface AuditListEntry {
  id: string;
  at: Date;
  actorPersonId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  organisationId: string | null;
  organisationName: string | null;
}

type Tables = AccountsTables & {
  kernel_audit: {
    id: string;
    at: Date;
    actor_person_id: string | null;
    action: string;
    entity: string;
    entity_id: string | null;
    region_code: string | null;
    organisation_id: string | null;
  };
};

/** Reads the audit log within a reach (the kernel writes it; administration reads it). */
export const auditRepository = {
  /** The most recent entries recorded under the regions or organisations of a reach. */
  async listEntries(db: Db, filter: { reach: Reach; limit: number; offset: number }): Promise<{ items: AuditListEntry[]; total: number }> {
    const { reach } = filter;
    let q = (db as unknown as Kysely<Tables>).selectFrom('kernel_audit as a');
    if (!reach.all) {
      q = q.where((eb) => {
        const conditions = [];
        if (reach.regionCodes.length) conditions.push(eb('a.region_code', 'in', reach.regionCodes));
        if (reach.organisationIds.length) conditions.push(eb('a.organisation_id', 'in', reach.organisationIds));
        return conditions.length ? eb.or(conditions) : eb.val(false);
      });
    }
    const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
    const items = await q
      .leftJoin('accounts_people as p', 'p.id', 'a.actor_person_id')
      .leftJoin('accounts_organisations as o', 'o.id', 'a.organisation_id')
      .select([
        sql<string>`a.id::text`.as('id'),
        'a.at',
        'a.actor_person_id as actorPersonId',
        'p.full_name as actorName',
        'a.action',
        'a.entity',
        'a.entity_id as entityId',
        'a.region_code as regionCode',
        'a.organisation_id as organisationId',
        'o.name as organisationName',
      ])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return { items, total: Number(total?.n ?? 0) };
  },
};
