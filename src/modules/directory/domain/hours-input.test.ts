import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../kernel/http/errors.ts';
import { normaliseTime, parseException, parseWeeklyHours } from './hours-input.ts';

function fieldsOf(run: () => unknown): { field: string; messageKey: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields.map(({ field, messageKey }) => ({ field, messageKey }));
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('weekly hours', () => {
  it('reads several ranges a day, sorted, accepting H:MM and HH.MM', () => {
    expect(parseWeeklyHours({ MO_1_opens: '14:00', MO_1_closes: '17.30', MO_2_opens: '9:00', MO_2_closes: '12:30', FR_1_opens: '08:00', FR_1_closes: '13:00' })).toEqual([
      { day: 'MO', opens: '09:00', closes: '12:30' },
      { day: 'MO', opens: '14:00', closes: '17:30' },
      { day: 'FR', opens: '08:00', closes: '13:00' },
    ]);
    expect(normaliseTime('7:05')).toBe('07:05');
    expect(normaliseTime('24:00')).toBeNull();
  });

  it('names the field when closing is before opening, a time is missing or ranges overlap', () => {
    expect(fieldsOf(() => parseWeeklyHours({ TU_1_opens: '12:00', TU_1_closes: '09:00' }))).toEqual([{ field: 'TU_1_closes', messageKey: 'directory.staff.errors.closesBeforeOpens' }]);
    expect(fieldsOf(() => parseWeeklyHours({ WE_2_opens: '10:00' }))).toEqual([{ field: 'WE_2_closes', messageKey: 'validation.required' }]);
    expect(fieldsOf(() => parseWeeklyHours({ TH_1_opens: '09:00', TH_1_closes: '13:00', TH_2_opens: '12:00', TH_2_closes: '15:00' }))).toEqual([
      { field: 'TH_2_opens', messageKey: 'directory.staff.errors.overlap' },
    ]);
    expect(fieldsOf(() => parseWeeklyHours({ SA_1_opens: 'noon', SA_1_closes: '13:00' }))).toEqual([{ field: 'SA_1_opens', messageKey: 'validation.format.time' }]);
  });

  it('accepts an empty week (no opening hours)', () => {
    expect(parseWeeklyHours({})).toEqual([]);
  });
});

describe('schedule exceptions', () => {
  it('reads a one-day closure and a period of special hours', () => {
    expect(parseException({ startsOn: '2026-12-25', kind: 'closed', reason: 'Natale' })).toEqual({
      startsOn: '2026-12-25',
      endsOn: '2026-12-25',
      isClosed: true,
      opensAt: null,
      closesAt: null,
      reason: 'Natale',
    });
    expect(parseException({ startsOn: '2026-08-10', endsOn: '2026-08-21', kind: 'special', opensAt: '9:00', closesAt: '12:00' })).toMatchObject({
      isClosed: false,
      opensAt: '09:00',
      closesAt: '12:00',
    });
  });

  it('names the fields of impossible dates, reversed periods and missing special hours', () => {
    expect(fieldsOf(() => parseException({ startsOn: '2026-02-30' }))).toEqual([{ field: 'startsOn', messageKey: 'validation.format.date' }]);
    expect(fieldsOf(() => parseException({ startsOn: '2026-05-10', endsOn: '2026-05-01' }))).toEqual([{ field: 'endsOn', messageKey: 'directory.staff.errors.endBeforeStart' }]);
    expect(fieldsOf(() => parseException({ startsOn: '2026-05-10', kind: 'special', closesAt: '10:00' }))).toEqual([{ field: 'opensAt', messageKey: 'validation.required' }]);
  });
});
