import { describe, expect, it } from 'vitest';
import { codeWindow, isLateArrival } from './checkin-window.ts';

const session = { date: '2026-12-03', startsAt: '09:00', endsAt: '13:00' };
const at = (time: string) => new Date(`2026-12-03T${time}:00+01:00`);

describe('check-in window', () => {
  it('opens a code from half an hour before the start, for ten minutes at most, never past the end', () => {
    expect(codeWindow(session, at('08:29'))).toEqual({ problem: 'tooEarly' });
    expect(codeWindow(session, at('08:30'))).toEqual({ opensAt: at('08:30'), expiresAt: at('08:40') });
    expect(codeWindow(session, at('12:55'))).toEqual({ opensAt: at('12:55'), expiresAt: at('13:00') });
    expect(codeWindow(session, at('13:00'))).toEqual({ problem: 'tooLate' });
    expect(codeWindow(session, new Date('2026-12-02T09:00:00+01:00'))).toEqual({ problem: 'tooEarly' });
  });

  it('calls an arrival more than a quarter of an hour after the start late', () => {
    expect(isLateArrival(session, at('09:15'))).toBe(false);
    expect(isLateArrival(session, at('09:16'))).toBe(true);
  });
});
