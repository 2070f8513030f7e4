import { sql, type Kysely } from 'kysely';

/** A representative point per municipality, for distances and maps. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table territory_municipalities add column latitude double precision, add column longitude double precision`.execute(db);
}
