import { describe, expect, it } from 'vitest';
import { addDays, instantOf, localOf } from './rome-time.ts';

describe('Italian local time', () => {
  it('turns local days and times into instants across daylight saving', () => {
    expect(instantOf('2026-11-26', '09:30').toISOString()).toBe('2026-11-26T08:30:00.000Z');
    expect(instantOf('2026-07-01', '09:30').toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(instantOf('2026-03-29', '12:00').toISOString()).toBe('2026-03-29T10:00:00.000Z');
  });

  it('reads instants as local days and times', () => {
    expect(localOf(new Date('2026-11-26T23:30:00Z'))).toEqual({ date: '2026-11-27', time: '00:30' });
    expect(localOf(instantOf('2026-10-25', '18:45'))).toEqual({ date: '2026-10-25', time: '18:45' });
  });

  it('adds days across months', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
