import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { attendanceRepository, type MarkValues } from '../data/attendance-repository.ts';
import { isTeachable } from '../domain/edition-states.ts';
import type { AttendanceStatus } from '../domain/vocabulary.ts';
import { loadSessionFor } from './access.ts';

/** One participant's line of the register as the trainer filled it in. */
export interface RegisterLine {
  applicationId: string;
  status: AttendanceStatus;
  arrivedAt?: string;
  leftAt?: string;
}

/**
 * Writes a session's register, from the trainer's phone or transcribed from the paper register. Partial
 * presence needs an arrival or leaving time within the session. Lines left blank are not touched.
 */
export async function recordAttendance(options: { ctx: ModuleContext; actor: Actor; sessionId: string; lines: RegisterLine[]; source: 'trainer' | 'paper' }): Promise<number> {
  const { ctx, actor } = options;
  const { session, edition, abilities } = await loadSessionFor(ctx.db, actor, options.sessionId);
  if (!abilities.canTeach) throw new ValidationError([{ field: 'register', messageKey: 'training.staff.errors.notYourSession' }]);
  if (!isTeachable(edition.state)) throw new ValidationError([{ field: 'register', messageKey: 'training.staff.errors.registerClosed' }]);
  const participants = new Set((await applicationRepository.listByEdition(ctx.db, edition.id, ['admitted'])).map((a) => a.id));
  const errors: FieldError[] = [];
  const marks: MarkValues[] = [];
  for (const line of options.lines) {
    if (!participants.has(line.applicationId)) {
      errors.push({ field: `status_${line.applicationId}`, messageKey: 'training.staff.errors.notAParticipant' });
      continue;
    }
    const arrivedAt = line.status === 'partial' ? line.arrivedAt || null : null;
    const leftAt = line.status === 'partial' ? line.leftAt || null : null;
    if (line.status === 'partial') {
      if (!arrivedAt && !leftAt) errors.push({ field: `arrived_${line.applicationId}`, messageKey: 'training.staff.errors.partialNeedsTime' });
      const from = arrivedAt ?? session.startsAt;
      const to = leftAt ?? session.endsAt;
      if (from < session.startsAt || to > session.endsAt || from >= to) {
        errors.push({ field: `arrived_${line.applicationId}`, messageKey: 'training.staff.errors.partialOutsideSession', values: { start: session.startsAt, end: session.endsAt } });
      }
    }
    marks.push({ sessionId: session.id, applicationId: line.applicationId, status: line.status, arrivedAt, leftAt, source: options.source, recordedBy: actor.personId });
  }
  if (errors.length) throw new ValidationError(errors);
  await ctx.db.transaction().execute(async (trx) => {
    await attendanceRepository.upsert(trx, marks);
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: 'training.attendance.recorded', entity: 'training.session', entityId: session.id, regionCode: edition.regionCode, details: { marks: marks.length, source: options.source } },
      trx,
    );
  });
  return marks.length;
}
