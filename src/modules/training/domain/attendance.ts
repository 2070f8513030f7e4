import type { AttendanceStatus } from './vocabulary.ts';
import { minutesOf } from './rome-time.ts';

/** What hours need to know of a session. */
export interface TimedSession {
  id: string;
  startsAt: string;
  endsAt: string;
}

/** What hours need to know of a mark. */
export interface Mark {
  sessionId: string;
  applicationId: string;
  status: AttendanceStatus;
  arrivedAt: string | null;
  leftAt: string | null;
}

/** One participant's hours over an edition. */
export interface AttendanceTotal {
  minutesAttended: number;
  minutesPlanned: number;
  /** Percent of the planned time attended, rounded down. */
  rate: number;
  /** Whether the rate reaches the edition's threshold: the condition for a certificate. */
  isEligible: boolean;
}

/** How long a session lasts, in minutes. */
export function sessionMinutes(session: TimedSession): number {
  return Math.max(0, minutesOf(session.endsAt) - minutesOf(session.startsAt));
}

/** The minutes a mark counts: all the session when present, the overlap of arrival and leaving when partial. */
export function attendedMinutes(session: TimedSession, mark: Mark | undefined): number {
  if (!mark || mark.status === 'absent') return 0;
  if (mark.status === 'present') return sessionMinutes(session);
  const from = Math.max(minutesOf(session.startsAt), minutesOf(mark.arrivedAt ?? session.startsAt));
  const to = Math.min(minutesOf(session.endsAt), minutesOf(mark.leftAt ?? session.endsAt));
  return Math.max(0, to - from);
}

/** Hours per participant over the sessions given, and who reaches the threshold (in percent). */
export function totalsByParticipant(options: { sessions: TimedSession[]; marks: Mark[]; participantIds: string[]; threshold: number }): Map<string, AttendanceTotal> {
  const planned = options.sessions.reduce((sum, s) => sum + sessionMinutes(s), 0);
  const marks = new Map(options.marks.map((m) => [`${m.sessionId}/${m.applicationId}`, m]));
  const totals = new Map<string, AttendanceTotal>();
  for (const id of options.participantIds) {
    const attended = options.sessions.reduce((sum, s) => sum + attendedMinutes(s, marks.get(`${s.id}/${id}`)), 0);
    const rate = planned === 0 ? 0 : Math.floor((attended / planned) * 100);
    totals.set(id, { minutesAttended: attended, minutesPlanned: planned, rate, isEligible: planned > 0 && attended * 100 >= planned * options.threshold });
  }
  return totals;
}

/** Minutes as hours with one decimal, e.g. 450 → 7.5. */
export function hoursOf(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}
