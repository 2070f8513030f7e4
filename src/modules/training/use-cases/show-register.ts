import type { Actor } from '../../../kernel/auth/actor.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { attendanceRepository } from '../data/attendance-repository.ts';
import { peopleRepository } from '../data/people-repository.ts';
import type { Application, AttendanceMark, Session } from '../data/records.ts';
import { loadSessionFor, type EditionAccess } from './access.ts';

/** A session's register: the class, the marks so far, and the check-in code while it works. */
export interface Register extends EditionAccess {
  session: Session;
  participants: Application[];
  marks: Map<string, AttendanceMark>;
  trainerName: string | null;
  /** The code shown in the room, while it still works. */
  activeCode: { code: string; expiresAt: Date } | null;
}

/** Loads the register of a session for its trainers and managers. */
export async function showRegister(options: { ctx: ModuleContext; actor: Actor; sessionId: string; now?: Date }): Promise<Register> {
  const { ctx } = options;
  const now = options.now ?? new Date();
  const access = await loadSessionFor(ctx.db, options.actor, options.sessionId);
  const participants = (await applicationRepository.listByEdition(ctx.db, access.edition.id, ['admitted'])).sort((a, b) => a.fullName.localeCompare(b.fullName));
  const marks = new Map((await attendanceRepository.listBySession(ctx.db, access.session.id)).map((m) => [m.applicationId, m]));
  const latest = await attendanceRepository.latestCode(ctx.db, access.session.id);
  const trainer = access.session.trainerPersonId ? (await peopleRepository.names(ctx.db, [access.session.trainerPersonId])).get(access.session.trainerPersonId) : undefined;
  return {
    ...access,
    participants,
    marks,
    trainerName: trainer?.fullName ?? null,
    activeCode: latest && latest.expiresAt > now ? { code: ctx.crypto.decrypt(latest.codeEnc, 'training.checkin'), expiresAt: latest.expiresAt } : null,
  };
}
