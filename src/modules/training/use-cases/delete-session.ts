import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { attendanceRepository } from '../data/attendance-repository.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { loadSessionFor } from './access.ts';

/** Removes a session from the calendar; one with attendance already taken stays (the register is evidence). */
export async function deleteSession(options: { ctx: ModuleContext; actor: Actor; sessionId: string }): Promise<string> {
  const { ctx, actor } = options;
  const { session, edition } = await loadSessionFor(ctx.db, actor, options.sessionId, 'manage');
  if ((await attendanceRepository.listBySession(ctx.db, session.id)).length > 0) {
    throw new ValidationError([{ field: 'session', messageKey: 'training.staff.errors.sessionHasAttendance' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await sessionRepository.remove(trx, session.id);
    await ctx.audit.record({ actorPersonId: actor.personId, action: 'training.session.deleted', entity: 'training.session', entityId: session.id, regionCode: edition.regionCode }, trx);
  });
  return edition.id;
}
