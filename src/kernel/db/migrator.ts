import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';

/** A migration named `YYYYMMDDHHMM_what` so that every module's steps merge into one timeline. */
export type NamedMigrations = Record<string, Migration>;

const NAME = /^\d{12}_[a-z0-9_]+$/;

/** Merges the kernel's and the modules' migrations, prefixing each with its owner. */
export function mergeMigrations(sets: { owner: string; migrations: NamedMigrations }[]): Record<string, Migration> {
  const merged: Record<string, Migration> = {};
  for (const { owner, migrations } of sets) {
    for (const [name, migration] of Object.entries(migrations)) {
      if (!NAME.test(name)) throw new Error(`Migration "${name}" of ${owner} must be named YYYYMMDDHHMM_snake_case`);
      const [stamp, ...rest] = name.split('_');
      merged[`${stamp}_${owner}_${rest.join('_')}`] = migration;
    }
  }
  return merged;
}

/** Runs every pending migration in timeline order; returns the names applied. */
export async function migrateToLatest(db: Db, migrations: Record<string, Migration>): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // Several processes may start together on one server: serialise their migrations.
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(727274)`.execute(conn);
    try {
      // A module added to an existing installation brings migrations dated before ones already applied.
      const migrator = new Migrator({ db: conn, provider, migrationTableName: 'kernel_migrations', migrationLockTableName: 'kernel_migrations_lock', allowUnorderedMigrations: true });
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === 'Error');
        throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`);
      }
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    } finally {
      await sql`select pg_advisory_unlock(727274)`.execute(conn);
    }
  });
}
