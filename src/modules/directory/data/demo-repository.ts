import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import { accountsPeople } from '../../accounts/index.ts';
import type { DemoRows } from '../demo/build-demo.ts';
import type { AccountOrganisation } from '../demo/demo-owners.ts';
import { directoryDb } from './repository.ts';

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** The demo directory's reads and batch writes. */
export const demoRepository = {
  /** The organisations of the accounts demo in some regions (the demo services belong to them), from the accounts module. */
  async listAccountOrganisations(db: Db, regionCodes: string[]): Promise<AccountOrganisation[]> {
    return accountsPeople.listOrganisationsInRegions(db, regionCodes);
  },

  async hasService(db: Db, id: string): Promise<boolean> {
    return (await directoryDb(db).selectFrom('directory_services').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  },

  /** Inserts every row of the demo, parents first, in batches. */
  async insertAll(db: Db, rows: DemoRows): Promise<void> {
    const d = directoryDb(db);
    const size = 500;
    await insertInBatches(rows.organisations, size, (b) => d.insertInto('directory_organisations').values(b).execute());
    await insertInBatches(rows.services, size, (b) => d.insertInto('directory_services').values(b).execute());
    await insertInBatches(rows.locations, size, (b) => d.insertInto('directory_locations').values(b).execute());
    await insertInBatches(rows.addresses, size, (b) => d.insertInto('directory_addresses').values(b).execute());
    await insertInBatches(rows.accessibility, size, (b) => d.insertInto('directory_accessibility').values(b).execute());
    await insertInBatches(rows.serviceAtLocations, size, (b) => d.insertInto('directory_service_at_location').values(b).execute());
    await insertInBatches(rows.phones, size, (b) => d.insertInto('directory_phones').values(b).execute());
    await insertInBatches(rows.schedules, size, (b) => d.insertInto('directory_schedules').values(b).execute());
    await insertInBatches(rows.exceptions, size, (b) => d.insertInto('directory_schedule_exceptions').values(b).execute());
    await insertInBatches(rows.languages, size, (b) => d.insertInto('directory_languages').values(b).execute());
    await insertInBatches(rows.documents, size, (b) => d.insertInto('directory_required_documents').values(b).execute());
    await insertInBatches(rows.attributes, size, (b) => d.insertInto('directory_attributes').values(b).execute());
    await insertInBatches(rows.metadata, size, (b) => d.insertInto('directory_metadata').values(b).execute());
  },

  /** Stores the published snapshots of many services at once. */
  async writeSnapshots(db: Db, snapshots: { id: string; publishedAt: Date; snapshot: unknown }[]): Promise<void> {
    await insertInBatches(snapshots, 400, async (batch) => {
      const values = sql.join(batch.map((s) => sql`(${s.id}::uuid, ${s.publishedAt}::timestamptz, ${JSON.stringify(s.snapshot)}::jsonb)`));
      await sql`update directory_services s set published_at = v.published_at, published_snapshot = v.snapshot
        from (values ${values}) as v (id, published_at, snapshot) where s.id = v.id`.execute(db);
    });
  },

  /** Changes the Italian description after publication, so the working copy differs and its English is outdated. */
  async reviseAfterPublication(db: Db, serviceIds: string[], addition: string, at: Date): Promise<void> {
    if (serviceIds.length === 0) return;
    await sql`update directory_services set
        description = jsonb_set(description, '{it,value}', to_jsonb((description->'it'->>'value') || ' ' || ${addition}::text))
          || case when description ? 'en' then jsonb_build_object('en', (description->'en') || '{"status":"outdated"}'::jsonb) else '{}'::jsonb end,
        updated_at = ${at}
      where id = any(${serviceIds}::uuid[])`.execute(db);
  },
};
