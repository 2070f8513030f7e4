import type { Session } from '../data/records.ts';
import { instantOf } from './rome-time.ts';

/** How long a check-in code works once shown. */
export const CODE_MINUTES = 10;
/** How early before a session its first code may be opened. */
export const OPEN_BEFORE_MINUTES = 30;
/** Arriving later than this after the start counts as partial presence. */
export const LATE_AFTER_MINUTES = 15;

/** When a code opened now would work, or why it cannot be opened now. */
export function codeWindow(session: Pick<Session, 'date' | 'startsAt' | 'endsAt'>, now: Date): { opensAt: Date; expiresAt: Date } | { problem: 'tooEarly' | 'tooLate' } {
  const start = instantOf(session.date, session.startsAt);
  const end = instantOf(session.date, session.endsAt);
  if (now.getTime() < start.getTime() - OPEN_BEFORE_MINUTES * 60_000) return { problem: 'tooEarly' };
  if (now.getTime() >= end.getTime()) return { problem: 'tooLate' };
  return { opensAt: now, expiresAt: new Date(Math.min(now.getTime() + CODE_MINUTES * 60_000, end.getTime())) };
}

/** Whether someone checking in now has arrived late enough to count only part of the session. */
export function isLateArrival(session: Pick<Session, 'date' | 'startsAt'>, now: Date): boolean {
  return now.getTime() > instantOf(session.date, session.startsAt).getTime() + LATE_AFTER_MINUTES * 60_000;
}
