import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import type { WeeklyRange } from '../data/service-parts-repository.ts';

/** The weekdays in HSDS (iCal) notation, Monday first. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** How many opening ranges the form offers per day. */
export const RANGES_PER_DAY = 3;

const TIME = /^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$/;

/** A time typed as H:MM, HH:MM or HH.MM, as 'HH:MM'; null when it is not a time. */
export function normaliseTime(value: string): string | null {
  const match = TIME.exec(value.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
}

/** The form field of one end of one range, e.g. `MO_1_opens`. */
export const rangeField = (day: string, index: number, end: 'opens' | 'closes') => `${day}_${index}_${end}`;

/** Checks the weekly hours form: each range needs both times, closing after opening, no overlaps in a day. */
export function parseWeeklyHours(body: Record<string, unknown>): WeeklyRange[] {
  const errors: FieldError[] = [];
  const ranges: WeeklyRange[] = [];
  const text = (field: string) => (typeof body[field] === 'string' ? (body[field] as string).trim() : '');
  for (const day of WEEKDAYS) {
    const dayRanges: WeeklyRange[] = [];
    for (let index = 1; index <= RANGES_PER_DAY; index++) {
      const opensField = rangeField(day, index, 'opens');
      const closesField = rangeField(day, index, 'closes');
      const opensText = text(opensField);
      const closesText = text(closesField);
      if (!opensText && !closesText) continue;
      const opens = opensText ? normaliseTime(opensText) : null;
      const closes = closesText ? normaliseTime(closesText) : null;
      if (!opensText) errors.push({ field: opensField, messageKey: 'validation.required' });
      else if (!opens) errors.push({ field: opensField, messageKey: 'validation.format.time' });
      if (!closesText) errors.push({ field: closesField, messageKey: 'validation.required' });
      else if (!closes) errors.push({ field: closesField, messageKey: 'validation.format.time' });
      if (!opens || !closes) continue;
      if (closes <= opens) {
        errors.push({ field: closesField, messageKey: 'directory.staff.errors.closesBeforeOpens', values: { opens } });
        continue;
      }
      const clash = dayRanges.find((r) => opens < r.closes && r.opens < closes);
      if (clash) {
        errors.push({ field: opensField, messageKey: 'directory.staff.errors.overlap', values: { opens: clash.opens, closes: clash.closes } });
        continue;
      }
      dayRanges.push({ day, opens, closes });
    }
    ranges.push(...dayRanges.sort((a, b) => a.opens.localeCompare(b.opens)));
  }
  if (errors.length) throw new ValidationError(errors);
  return ranges;
}

/** The checked exception form. */
export interface ExceptionFormInput {
  startsOn: string;
  endsOn: string;
  isClosed: boolean;
  opensAt: string | null;
  closesAt: string | null;
  reason: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Checks a closure or special-hours period. */
export function parseException(body: Record<string, unknown>): ExceptionFormInput {
  const errors: FieldError[] = [];
  const text = (field: string) => (typeof body[field] === 'string' ? (body[field] as string).trim() : '');
  const startsOn = text('startsOn');
  const endsOn = text('endsOn') || startsOn;
  if (!startsOn) errors.push({ field: 'startsOn', messageKey: 'validation.required' });
  else if (!isRealDate(startsOn)) errors.push({ field: 'startsOn', messageKey: 'validation.format.date' });
  if (text('endsOn') && !isRealDate(endsOn)) errors.push({ field: 'endsOn', messageKey: 'validation.format.date' });
  else if (isRealDate(startsOn) && isRealDate(endsOn) && endsOn < startsOn) errors.push({ field: 'endsOn', messageKey: 'directory.staff.errors.endBeforeStart' });
  const kind = text('kind') || 'closed';
  if (kind !== 'closed' && kind !== 'special') errors.push({ field: 'kind', messageKey: 'validation.enum' });
  let opensAt: string | null = null;
  let closesAt: string | null = null;
  if (kind === 'special') {
    opensAt = text('opensAt') ? normaliseTime(text('opensAt')) : null;
    closesAt = text('closesAt') ? normaliseTime(text('closesAt')) : null;
    if (!text('opensAt')) errors.push({ field: 'opensAt', messageKey: 'validation.required' });
    else if (!opensAt) errors.push({ field: 'opensAt', messageKey: 'validation.format.time' });
    if (!text('closesAt')) errors.push({ field: 'closesAt', messageKey: 'validation.required' });
    else if (!closesAt) errors.push({ field: 'closesAt', messageKey: 'validation.format.time' });
    if (opensAt && closesAt && closesAt <= opensAt) errors.push({ field: 'closesAt', messageKey: 'directory.staff.errors.closesBeforeOpens', values: { opens: opensAt } });
  }
  const reason = text('reason');
  if (reason.length > 300) errors.push({ field: 'reason', messageKey: 'validation.maxLength', values: { limit: 300 } });
  if (errors.length) throw new ValidationError(errors);
  return { startsOn, endsOn, isClosed: kind === 'closed', opensAt, closesAt, reason: reason || null };
}
