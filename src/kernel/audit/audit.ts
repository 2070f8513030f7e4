import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** One entry of the append-only audit log. */
export interface AuditEntry {
  actorPersonId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  regionCode?: string | null;
  organisationId?: string | null;
  /** Never personal data beyond identifiers; never secrets. */
  details?: Record<string, unknown>;
}

/** Writes audit entries, inside the caller's transaction when one is given. */
export interface Audit {
  record(entry: AuditEntry, trx?: Db): Promise<void>;
}

/** Creates the audit writer over the kernel_audit table. */
export function createAudit(db: Db): Audit {
  return {
    async record(entry, trx) {
      await sql`insert into kernel_audit (actor_person_id, action, entity, entity_id, region_code, organisation_id, details)
        values (${entry.actorPersonId}, ${entry.action}, ${entry.entity}, ${entry.entityId ?? null}, ${entry.regionCode ?? null},
                ${entry.organisationId ?? null}, ${JSON.stringify(entry.details ?? {})}::jsonb)`.execute(trx ?? db);
    },
  };
}
