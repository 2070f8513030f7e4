import { describe, expect, it } from 'vitest';
import {
  exceptionsForSearch,
  exceptionsOf,
  isOpenAt,
  multirangeLiteral,
  openingRangesOf,
  rangesByWeekday,
  romeClock,
  upcomingExceptions,
  weeklyMinutes,
  type OpeningRange,
} from './open-now.ts';

const weekdays: OpeningRange[] = ['MO', 'TU', 'WE', 'TH', 'FR'].map((day) => ({ day: day as OpeningRange['day'], opens: '09:00', closes: '13:00' }));

describe('romeClock', () => {
  it('reads winter time (UTC+1)', () => {
    // Monday 30 November 2026, 09:30 UTC = 10:30 in Rome.
    expect(romeClock(new Date('2026-11-30T09:30:00Z'))).toEqual({ date: '2026-11-30', weekday: 0, minuteOfDay: 630, minuteOfWeek: 630 });
  });

  it('reads summer time (UTC+2) and the day change at local midnight', () => {
    // Saturday 1 August 2026, 22:30 UTC = Sunday 00:30 in Rome.
    expect(romeClock(new Date('2026-08-01T22:30:00Z'))).toEqual({ date: '2026-08-02', weekday: 6, minuteOfDay: 30, minuteOfWeek: 6 * 1440 + 30 });
  });
});

describe('openingRangesOf', () => {
  it('keeps weekly schedules, splits day lists, drops the rest and sorts by day and time', () => {
    const ranges = openingRangesOf([
      { freq: 'WEEKLY', byday: 'WE', opens_at: '15:00:00', closes_at: '17:00:00' },
      { freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00:00', closes_at: '12:30:00' },
      { freq: 'MONTHLY', byday: 'TU', opens_at: '09:00:00', closes_at: '12:00:00' },
      { freq: 'WEEKLY', byday: 'TH', opens_at: null, closes_at: '12:00:00' },
      { freq: 'WEEKLY', byday: 'FR', opens_at: '12:00:00', closes_at: '11:00:00' },
    ]);
    expect(ranges).toEqual([
      { day: 'MO', opens: '09:00', closes: '12:30' },
      { day: 'WE', opens: '09:00', closes: '12:30' },
      { day: 'WE', opens: '15:00', closes: '17:00' },
    ]);
    expect(rangesByWeekday(ranges).map((d) => d.length)).toEqual([1, 0, 2, 0, 0, 0, 0]);
  });
});

describe('weekly minutes', () => {
  it('counts minutes from Monday and merges overlapping or touching ranges', () => {
    const spans = weeklyMinutes([
      { day: 'TU', opens: '09:00', closes: '12:00' },
      { day: 'TU', opens: '11:00', closes: '13:00' },
      { day: 'TU', opens: '13:00', closes: '14:00' },
      { day: 'SU', opens: '10:00', closes: '24:00' },
    ]);
    expect(spans).toEqual([
      [1440 + 540, 1440 + 840],
      [6 * 1440 + 600, 7 * 1440],
    ]);
    expect(multirangeLiteral(spans)).toBe('{[1980,2280),[9240,10080)}');
    expect(multirangeLiteral([])).toBe('{}');
  });
});

describe('isOpenAt', () => {
  const monday1030 = romeClock(new Date('2026-11-30T09:30:00Z'));
  const monday1400 = romeClock(new Date('2026-11-30T13:00:00Z'));
  const saturday1030 = romeClock(new Date('2026-12-05T09:30:00Z'));

  it('follows the weekly hours, the closing minute excluded', () => {
    expect(isOpenAt(weekdays, [], monday1030)).toBe(true);
    expect(isOpenAt(weekdays, [], monday1400)).toBe(false);
    expect(isOpenAt(weekdays, [], saturday1030)).toBe(false);
    expect(isOpenAt(weekdays, [], romeClock(new Date('2026-11-30T12:00:00Z')))).toBe(false);
    expect(isOpenAt(weekdays, [], romeClock(new Date('2026-11-30T11:59:00Z')))).toBe(true);
  });

  it('is closed on a closure day, whatever the weekly hours say', () => {
    const closures = exceptionsOf([{ starts_on: '2026-11-29', ends_on: '2026-11-30', is_closed: true, opens_at: null, closes_at: null }]);
    expect(isOpenAt(weekdays, closures, monday1030)).toBe(false);
  });

  it('uses the special hours of a day instead of the weekly hours', () => {
    const special = exceptionsOf([{ starts_on: '2026-12-05', ends_on: '2026-12-05', is_closed: false, opens_at: '10:00:00', closes_at: '12:00:00' }]);
    expect(isOpenAt(weekdays, special, saturday1030)).toBe(true);
    const shorter = exceptionsOf([{ starts_on: '2026-11-30', ends_on: '2026-11-30', is_closed: false, opens_at: '11:00:00', closes_at: '12:00:00' }]);
    expect(isOpenAt(weekdays, shorter, monday1030)).toBe(false);
  });

  it('stores exceptions for SQL in minutes of the day', () => {
    const list = exceptionsOf([{ starts_on: '2026-12-05', ends_on: '2026-12-06', is_closed: false, opens_at: '10:00:00', closes_at: '12:30:00' }]);
    expect(exceptionsForSearch(list)).toEqual([{ s: '2026-12-05', e: '2026-12-06', c: false, o: 600, x: 750 }]);
  });
});

describe('upcomingExceptions', () => {
  it('lists what is not over yet within the horizon, soonest first', () => {
    const list = exceptionsOf([
      { starts_on: '2026-12-24', ends_on: '2026-12-26', is_closed: true, opens_at: null, closes_at: null },
      { starts_on: '2026-11-01', ends_on: '2026-11-01', is_closed: true, opens_at: null, closes_at: null },
      { starts_on: '2026-11-20', ends_on: '2026-11-27', is_closed: true, opens_at: null, closes_at: null },
      { starts_on: '2027-08-15', ends_on: '2027-08-15', is_closed: true, opens_at: null, closes_at: null },
    ]);
    expect(upcomingExceptions(list, '2026-11-26').map((e) => e.startsOn)).toEqual(['2026-11-20', '2026-12-24']);
  });
});
