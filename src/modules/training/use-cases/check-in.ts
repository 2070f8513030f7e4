import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import { enforceRateLimit } from '../../../kernel/http/rate-limit.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { attendanceRepository } from '../data/attendance-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import type { Session } from '../data/records.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { isLateArrival } from '../domain/checkin-window.ts';
import { isTeachable } from '../domain/edition-states.ts';
import { localOf } from '../domain/rome-time.ts';

/** Wrong codes a person may try in ten minutes (six digits must not be guessable). */
export const CHECKIN_LIMIT = { windowSeconds: 600, max: 8 };

const refuse = (reason: string) => new ValidationError([{ field: 'code', messageKey: `training.checkin.errors.${reason}` }]);

/**
 * A participant checks in with the code shown in the room. Refused: a code that is not one of their
 * sessions', a code not open yet or no longer working, and a second check-in to the same session.
 */
export async function checkIn(options: { ctx: ModuleContext; actor: Actor; code: string; now?: Date }): Promise<Session> {
  const { ctx, actor } = options;
  const now = options.now ?? new Date();
  await enforceRateLimit(ctx.db, `training.checkin:${actor.personId}`, CHECKIN_LIMIT);
  const code = options.code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) throw refuse('unknown');
  const mine = await applicationRepository.listByPerson(ctx.db, actor.personId);
  const candidates: { session: Session; applicationId: string; opensAt: Date; expiresAt: Date }[] = [];
  for (const found of await attendanceRepository.findCodes(ctx.db, ctx.crypto.hmac(code, 'training.checkin'))) {
    const session = await sessionRepository.find(ctx.db, found.sessionId);
    const application = session && mine.find((a) => a.editionId === session.editionId && a.status === 'admitted');
    if (session && application) candidates.push({ session, applicationId: application.id, ...found });
  }
  const candidate = candidates[0];
  if (!candidate) throw refuse('unknown');
  if (now < candidate.opensAt) throw refuse('notOpen');
  if (now >= candidate.expiresAt) throw refuse('expired');
  const edition = await editionRepository.find(ctx.db, candidate.session.editionId);
  if (!edition || !isTeachable(edition.state)) throw refuse('expired');
  const isLate = isLateArrival(candidate.session, now);
  const isWritten = await ctx.db.transaction().execute(async (trx) => {
    const written = await attendanceRepository.insertIfAbsent(trx, {
      sessionId: candidate.session.id,
      applicationId: candidate.applicationId,
      status: isLate ? 'partial' : 'present',
      arrivedAt: isLate ? localOf(now).time : null,
      leftAt: null,
      source: 'checkin',
      recordedBy: actor.personId,
    });
    if (written) await ctx.audit.record({ actorPersonId: actor.personId, action: 'training.checkin.done', entity: 'training.session', entityId: candidate.session.id, regionCode: edition.regionCode }, trx);
    return written;
  });
  if (!isWritten) throw refuse('already');
  return candidate.session;
}
