import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './db/database.ts';

/** Reads a kernel setting, or null. */
export async function getSetting<T>(db: Db, key: string): Promise<T | null> {
  const { rows } = await sql<{ value: T }>`select value from kernel_settings where key = ${key}`.execute(db);
  return rows[0]?.value ?? null;
}

/** Writes a kernel setting. */
export async function putSetting(db: Db, key: string, value: unknown): Promise<void> {
  await sql`insert into kernel_settings (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
    on conflict (key) do update set value = excluded.value, updated_at = now()`.execute(db);
}

/** The installation's secret: SECRET_KEY when set, else one generated once and shared by every process through the database. */
export async function loadSecret(db: Db, configured: string | null): Promise<string> {
  if (configured) return configured;
  await sql`insert into kernel_settings (key, value) values ('secret_key', ${JSON.stringify(randomBytes(32).toString('base64url'))}::jsonb)
    on conflict (key) do nothing`.execute(db);
  const secret = await getSetting<string>(db, 'secret_key');
  if (!secret) throw new Error('Could not load the installation secret');
  return secret;
}
