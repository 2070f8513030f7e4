import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';

// A `date` is a calendar day, not an instant: read it as 'YYYY-MM-DD' rather than a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/** Any Kysely instance over Crocevia's database; each repository narrows it to its own tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;

export type DatabaseKind = 'pglite' | 'postgresql';

/** An open database: the Kysely client, which engine is behind it, and how to close it. */
export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The embedded engine, when there is one (tests use it to snapshot). */
  pglite: PGlite | null;
}

/** The extensions Crocevia relies on; loaded in PGlite, created with CREATE EXTENSION on both. */
export const pgliteExtensions: Extensions = { pg_trgm, unaccent, fuzzystrmatch, cube, earthdistance, pgcrypto };

/** A second process tried to open a data folder already in use. */
export class DataDirLockedError extends Error {}

// PGlite cannot share a folder between processes: hold a lock file while it is open.
function acquireLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'crocevia.lock');
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === mine) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; host?: string; since?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
      } catch {
        /* unreadable lock: treat as stale */
      }
      const isAlive = holder.pid !== undefined && holder.host === os.hostname() && processExists(holder.pid);
      if (isAlive || (holder.host !== undefined && holder.host !== os.hostname())) {
        throw new DataDirLockedError(
          `The data folder ${dataDir} is already in use by process ${holder.pid} on ${holder.host} (since ${holder.since}). ` +
            'The embedded database can serve one process only: stop the other process, use another DATA_DIR, ' +
            'or set DATABASE_URL to a PostgreSQL server to run several processes.',
        );
      }
      fs.unlinkSync(lockPath); // stale lock of a process that is gone
    }
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dataDir}`);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// PGlite answers one query at a time: a pool of one connection keeps transactions whole.
function kyselyOverPglite(pglite: PGlite): Db {
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as unknown as pg.PoolConfig);
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

/** Opens PGlite in a data folder (locked), in memory, or from a snapshot. */
export async function openPglite(options: { dataDir?: string; snapshot?: Blob }): Promise<Database> {
  const release = options.dataDir ? acquireLock(options.dataDir) : () => undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(options.dataDir ? path.join(options.dataDir, 'pgdata') : undefined, {
      extensions: pgliteExtensions,
      loadDataDir: options.snapshot,
    });
  } catch (error) {
    release();
    throw error;
  }
  const db = kyselyOverPglite(pglite);
  return {
    db,
    kind: 'pglite',
    pglite,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}

// The pools behind the clients of PostgreSQL servers, for what Kysely cannot do (COPY FROM STDIN).
const serverPools = new WeakMap<Db, pg.Pool>();

/** Whether `copyFromStdin` works on this client: a PostgreSQL server's, outside a transaction (not PGlite). */
export function canCopyFromStdin(db: Db): boolean {
  return serverPools.has(db);
}

/**
 * Runs `COPY … FROM STDIN` on a connection of the client's pool, streaming the chunks as the data (in the format
 * the statement names). Each call is its own statement, committed when it ends; throws where `canCopyFromStdin` is false.
 */
export async function copyFromStdin(db: Db, statement: string, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<number> {
  const pool = serverPools.get(db);
  if (!pool) throw new Error('COPY FROM STDIN needs a PostgreSQL server client outside a transaction');
  const client = await pool.connect();
  let failure: unknown = null;
  try {
    const copy = client.query(copyFromStream(statement));
    await pipeline(Readable.from(chunks, { objectMode: false }), copy);
    return copy.rowCount;
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    // A connection left in the middle of a COPY cannot be reused.
    client.release(failure instanceof Error ? failure : undefined);
  }
}

/** Connects to a PostgreSQL server (15 or newer). */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined); // an idle client's error must not crash the process; the next query reports it
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  serverPools.set(db, pool);
  const { rows } = await sql<{ v: number }>`select current_setting('server_version_num')::int as v`.execute(db);
  if ((rows[0]?.v ?? 0) < 150000) {
    await db.destroy();
    throw new Error('Crocevia needs PostgreSQL 15 or newer');
  }
  return {
    db,
    kind: 'postgresql',
    pglite: null,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Opens the configured database: PostgreSQL when a URL is given, else PGlite in dataDir. */
export function openDatabase(options: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite({ dataDir: options.dataDir });
}
