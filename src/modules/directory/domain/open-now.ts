/** The weekdays in HSDS (iCal) notation, Monday first: the index is the day of the week used below. */
export const WEEK = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** The time zone every opening hour in Crocevia is written in. */
export const SERVICE_TIME_ZONE = 'Europe/Rome';

/** A moment as a wall clock in Italy shows it. */
export interface LocalClock {
  /** 'YYYY-MM-DD' in Europe/Rome. */
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  minuteOfDay: number;
  /** Minutes since Monday 00:00. */
  minuteOfWeek: number;
}

/** One weekly opening range: a weekday (MO…SU) and 'HH:MM' times. */
export interface OpeningRange {
  day: (typeof WEEK)[number];
  opens: string;
  closes: string;
}

/** A closure or a period of special hours, both days included. */
export interface HoursException {
  startsOn: string;
  endsOn: string;
  isClosed: boolean;
  opensAt: string | null;
  closesAt: string | null;
}

/** The schedule fields the projection reads from a published snapshot. */
export interface ScheduleLike {
  freq: string | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
}

/** The exception fields the projection reads from a published snapshot. */
export interface ExceptionLike {
  starts_on: string;
  ends_on: string;
  is_closed: boolean;
  opens_at: string | null;
  closes_at: string | null;
}

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SERVICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** Reads an instant on an Italian wall clock (daylight saving included). */
export function romeClock(now: Date): LocalClock {
  const parts = Object.fromEntries(clockFormat.formatToParts(now).map((p) => [p.type, p.value]));
  const weekday = WEEKDAY_INDEX[parts.weekday ?? ''] ?? 0;
  const minuteOfDay = Number(parts.hour) * 60 + Number(parts.minute);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, minuteOfDay, minuteOfWeek: weekday * 1440 + minuteOfDay };
}

/** Minutes since midnight of 'HH:MM' or 'HH:MM:SS' ('24:00' is the end of the day). */
export function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

const hhmm = (time: string) => time.slice(0, 5);

/** The weekly ranges of HSDS schedules (freq WEEKLY, byday one or more days, opens_at/closes_at), in week order. */
export function openingRangesOf(schedules: readonly ScheduleLike[]): OpeningRange[] {
  const ranges: OpeningRange[] = [];
  for (const s of schedules) {
    if ((s.freq !== null && s.freq !== 'WEEKLY') || !s.byday || !s.opens_at || !s.closes_at) continue;
    if (minutesOf(s.closes_at) <= minutesOf(s.opens_at)) continue;
    for (const day of s.byday.split(',').map((d) => d.trim().toUpperCase())) {
      if ((WEEK as readonly string[]).includes(day)) ranges.push({ day: day as OpeningRange['day'], opens: hhmm(s.opens_at), closes: hhmm(s.closes_at) });
    }
  }
  return ranges.sort((a, b) => WEEK.indexOf(a.day) - WEEK.indexOf(b.day) || a.opens.localeCompare(b.opens));
}

/** The exceptions of a snapshot in the finder's shape. */
export function exceptionsOf(rows: readonly ExceptionLike[]): HoursException[] {
  return rows
    .map((r) => ({ startsOn: r.starts_on, endsOn: r.ends_on, isClosed: r.is_closed, opensAt: r.opens_at ? hhmm(r.opens_at) : null, closesAt: r.closes_at ? hhmm(r.closes_at) : null }))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

/** The weekly ranges as merged [start, end) minutes since Monday 00:00. */
export function weeklyMinutes(ranges: readonly OpeningRange[]): [number, number][] {
  const spans = ranges
    .map((r): [number, number] => [WEEK.indexOf(r.day) * 1440 + minutesOf(r.opens), WEEK.indexOf(r.day) * 1440 + minutesOf(r.closes)])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** The PostgreSQL int4multirange literal of weekly minutes (the projection's weekly_minutes). */
export function multirangeLiteral(spans: readonly [number, number][]): string {
  return `{${spans.map(([from, to]) => `[${from},${to})`).join(',')}}`;
}

/** The exceptions as the projection stores them for directory_is_open (minutes of the day). */
export function exceptionsForSearch(exceptions: readonly HoursException[]): { s: string; e: string; c: boolean; o: number; x: number }[] {
  return exceptions.map((e) => ({
    s: e.startsOn,
    e: e.endsOn,
    c: e.isClosed,
    o: e.opensAt ? minutesOf(e.opensAt) : 0,
    x: e.closesAt ? minutesOf(e.closesAt) : 0,
  }));
}

/** The exceptions that apply on a day. */
export function exceptionsOn(exceptions: readonly HoursException[], date: string): HoursException[] {
  return exceptions.filter((e) => e.startsOn <= date && date <= e.endsOn);
}

/**
 * Whether a place is open at a moment: a closure that day closes it; special hours that day replace the
 * weekly hours; otherwise the weekly hours apply. Mirrors the SQL function directory_is_open.
 */
export function isOpenAt(ranges: readonly OpeningRange[], exceptions: readonly HoursException[], clock: LocalClock): boolean {
  const today = exceptionsOn(exceptions, clock.date);
  if (today.length > 0) {
    if (today.some((e) => e.isClosed)) return false;
    return today.some((e) => e.opensAt !== null && e.closesAt !== null && clock.minuteOfDay >= minutesOf(e.opensAt) && clock.minuteOfDay < minutesOf(e.closesAt));
  }
  return weeklyMinutes(ranges).some(([from, to]) => clock.minuteOfWeek >= from && clock.minuteOfWeek < to);
}

/** Whether a place has any opening hours at all (otherwise "open now" cannot be told). */
export function hasHours(ranges: readonly OpeningRange[], exceptions: readonly HoursException[]): boolean {
  return ranges.length > 0 || exceptions.some((e) => !e.isClosed);
}

/** Exceptions that are not over yet on a day, soonest first, within a number of days. */
export function upcomingExceptions(exceptions: readonly HoursException[], today: string, withinDays = 90): HoursException[] {
  const horizon = new Date(`${today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + withinDays);
  const last = horizon.toISOString().slice(0, 10);
  return exceptions.filter((e) => e.endsOn >= today && e.startsOn <= last).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

/** The ranges of each weekday, Monday first (empty when closed that day). */
export function rangesByWeekday(ranges: readonly OpeningRange[]): OpeningRange[][] {
  return WEEK.map((day) => ranges.filter((r) => r.day === day));
}
