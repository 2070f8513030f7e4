/** Sessions happen in Italy: dates and times are Italian local time, whatever the server's zone. */
export const TIME_ZONE = 'Europe/Rome';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Italian local day ('YYYY-MM-DD') and time ('HH:MM') of an instant. */
export function localOf(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The instant of an Italian local day and time (daylight saving included). */
export function instantOf(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  // The zone's offset at the guess, then once more at the corrected instant (for the change-over days).
  const offsetAt = (ms: number) => {
    const local = localOf(new Date(ms));
    const [ly, lm, ld] = local.date.split('-').map(Number) as [number, number, number];
    const [lh, lmin] = local.time.split(':').map(Number) as [number, number];
    return Date.UTC(ly, lm - 1, ld, lh, lmin) - Math.floor(ms / 60_000) * 60_000;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first));
}

/** Minutes from midnight of 'HH:MM'. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** A day shifted by whole days ('YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
