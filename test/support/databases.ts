import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/kernel/db/database.ts';
import { createContext, migrateAll, seedReference } from '../../src/kernel/app.ts';
import { loadConfig } from '../../src/kernel/config.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { modules } from '../../src/modules.ts';

/** The PostgreSQL server the tests also run on, when TEST_DATABASE_URL is set. */
export function testServerUrl(): string | null {
  return process.env.TEST_DATABASE_URL || null;
}

/** A URL for another database on the same server. */
export function urlForDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs SQL on the server's maintenance connection. */
export async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Migrates a fresh database and loads the reference data: the starting point of every test. */
export async function prepareTemplate(database: Database): Promise<void> {
  const config = { ...loadConfig({ NODE_ENV: 'test' }), seedDemo: false };
  const logger = createLogger('silent');
  await migrateAll(database, modules);
  const ctx = await createContext({ config, database, modules, logger });
  await seedReference(ctx, modules);
  await ctx.mailer.close();
}

/** Opens a new, isolated test database: a copy of the snapshot (PGlite) or of the template database (PostgreSQL). */
export async function openTestDatabase(source: { snapshotPath?: string; templateName?: string }): Promise<Database & { drop(): Promise<void> }> {
  const serverUrl = testServerUrl();
  if (serverUrl && source.templateName) {
    const name = `crocevia_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name} template ${source.templateName}`);
    const database = await openPostgres(urlForDatabase(serverUrl, name), 5);
    return {
      ...database,
      async drop() {
        await database.close();
        await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const fs = await import('node:fs');
  const buffer = fs.readFileSync(source.snapshotPath ?? '');
  const database = await openPglite({ snapshot: new Blob([buffer]) });
  return { ...database, drop: () => database.close() };
}
