import { reachOf } from '../../../kernel/auth/actor.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { auditRepository, type AuditListEntry } from '../data/audit-repository.ts';
import { canReadAudit } from '../policy.ts';
import type { AdminCall } from './inputs.ts';

/** The most recent audit entries recorded within the actor's reach. */
export async function listAuditEntries(options: AdminCall & { page: number; perPage: number }): Promise<{ items: AuditListEntry[]; total: number }> {
  const { ctx, actor, page, perPage } = options;
  if (!canReadAudit(actor)) throw new NotFoundError();
  return auditRepository.listEntries(ctx.db, { reach: reachOf(actor, 'accounts.audit.read'), limit: perPage, offset: (page - 1) * perPage });
}
