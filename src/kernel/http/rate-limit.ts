import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { RateLimitedError } from './errors.ts';

/** Counts one hit for a key in a fixed window, in PostgreSQL so every process shares the count. */
export async function hitRateLimit(db: Db, key: string, options: { windowSeconds: number; max: number }): Promise<{ hits: number; retryAfterSeconds: number }> {
  const { rows } = await sql<{ hits: number; retry: number }>`
    insert into kernel_rate_limits (key, window_start, hits)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${options.windowSeconds}) * ${options.windowSeconds}), 1)
    on conflict (key, window_start) do update set hits = kernel_rate_limits.hits + 1
    returning hits, (${options.windowSeconds} - floor(extract(epoch from now()))::int % ${options.windowSeconds})::int as retry`.execute(db);
  const row = rows[0] ?? { hits: 1, retry: options.windowSeconds };
  return { hits: row.hits, retryAfterSeconds: row.retry };
}

/** Throws RateLimitedError once the key has had more than `max` hits in the current window. */
export async function enforceRateLimit(db: Db, key: string, options: { windowSeconds: number; max: number }): Promise<void> {
  const { hits, retryAfterSeconds } = await hitRateLimit(db, key, options);
  if (hits > options.max) throw new RateLimitedError(retryAfterSeconds);
}

/** Whether the key is already over its limit, without counting a hit. */
export async function isRateLimited(db: Db, key: string, options: { windowSeconds: number; max: number }): Promise<number | null> {
  const { rows } = await sql<{ hits: number; retry: number }>`
    select hits, (${options.windowSeconds} - floor(extract(epoch from now()))::int % ${options.windowSeconds})::int as retry
    from kernel_rate_limits
    where key = ${key} and window_start = to_timestamp(floor(extract(epoch from now()) / ${options.windowSeconds}) * ${options.windowSeconds})`.execute(db);
  const row = rows[0];
  return row && row.hits >= options.max ? row.retry : null;
}

/** Forgets the hits of a key (e.g. after a successful login). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await sql`delete from kernel_rate_limits where key = ${key}`.execute(db);
}

/** Drops windows older than a day. */
export async function purgeRateLimits(db: Db): Promise<void> {
  await sql`delete from kernel_rate_limits where window_start < now() - interval '1 day'`.execute(db);
}
