import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { attendanceRepository } from '../data/attendance-repository.ts';
import { codeWindow } from '../domain/checkin-window.ts';
import { newCheckinCode } from '../domain/codes.ts';
import { isTeachable } from '../domain/edition-states.ts';
import { loadSessionFor } from './access.ts';

/**
 * Opens a short-lived check-in code for a session (replacing any code still working). Refused before half
 * an hour ahead of the session, and once it is over. The code is stored as a keyed hash for look-up, and
 * encrypted so the register can show it in the room while it works.
 */
export async function openCheckinCode(options: { ctx: ModuleContext; actor: Actor; sessionId: string; now?: Date }): Promise<{ code: string; expiresAt: Date }> {
  const { ctx, actor } = options;
  const now = options.now ?? new Date();
  const { session, edition, abilities } = await loadSessionFor(ctx.db, actor, options.sessionId);
  if (!abilities.canTeach) throw new ValidationError([{ field: 'code', messageKey: 'training.staff.errors.notYourSession' }]);
  if (!isTeachable(edition.state)) throw new ValidationError([{ field: 'code', messageKey: 'training.staff.errors.registerClosed' }]);
  const window = codeWindow(session, now);
  if ('problem' in window) throw new ValidationError([{ field: 'code', messageKey: `training.staff.register.codeProblems.${window.problem}` }]);
  const code = newCheckinCode();
  await ctx.db.transaction().execute(async (trx) => {
    await attendanceRepository.expireCodes(trx, session.id, now);
    await attendanceRepository.insertCode(trx, {
      sessionId: session.id,
      codeHash: ctx.crypto.hmac(code, 'training.checkin'),
      codeEnc: ctx.crypto.encrypt(code, 'training.checkin'),
      opensAt: window.opensAt,
      expiresAt: window.expiresAt,
      createdBy: actor.personId,
    });
    await ctx.audit.record({ actorPersonId: actor.personId, action: 'training.checkin.opened', entity: 'training.session', entityId: session.id, regionCode: edition.regionCode }, trx);
  });
  return { code, expiresAt: window.expiresAt };
}
