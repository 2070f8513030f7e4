import { ConfigError } from '../../../kernel/config.ts';

/** How long a service may go unverified before it counts as stale, unless DIRECTORY_STALE_DAYS says otherwise. */
export const DEFAULT_STALE_DAYS = 180;

/** Reads DIRECTORY_STALE_DAYS (whole days, 1 to 3650); throws ConfigError naming the variable when it is wrong. */
export function readStaleDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DIRECTORY_STALE_DAYS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_STALE_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new ConfigError(`DIRECTORY_STALE_DAYS must be a whole number of days between 1 and 3650, got "${raw}"`);
  }
  return days;
}

/** The instant before which an unverified service is stale. */
export function staleBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}
