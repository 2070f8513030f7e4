import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { attendanceRepository } from '../data/attendance-repository.ts';
import type { Application, Edition, Session } from '../data/records.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { totalsByParticipant, type AttendanceTotal } from '../domain/attendance.ts';
import { loadEditionFor, type EditionAccess } from './access.ts';

/** Hours per participant of an edition. */
export interface AttendanceOverview extends EditionAccess {
  sessions: Session[];
  rows: { participant: Application; total: AttendanceTotal }[];
}

/** Computes the hours of every admitted participant of an edition and who reaches the threshold. */
export async function attendanceTotals(db: Db, edition: Edition): Promise<{ sessions: Session[]; participants: Application[]; totals: Map<string, AttendanceTotal> }> {
  const sessions = await sessionRepository.listByEdition(db, edition.id);
  const participants = (await applicationRepository.listByEdition(db, edition.id, ['admitted'])).sort((a, b) => a.fullName.localeCompare(b.fullName));
  const marks = await attendanceRepository.listByEdition(db, edition.id);
  const totals = totalsByParticipant({ sessions, marks, participantIds: participants.map((p) => p.id), threshold: edition.attendanceThreshold });
  return { sessions, participants, totals };
}

/** The hours table of an edition for its trainers and managers. */
export async function showAttendance(options: { ctx: ModuleContext; actor: Actor; editionId: string }): Promise<AttendanceOverview> {
  const access = await loadEditionFor(options.ctx.db, options.actor, options.editionId);
  const { sessions, participants, totals } = await attendanceTotals(options.ctx.db, access.edition);
  return { ...access, sessions, rows: participants.map((participant) => ({ participant, total: totals.get(participant.id)! })) };
}
