import type { Db } from '../../../kernel/db/database.ts';
import type { FieldChange } from '../domain/flatten.ts';
import { directoryDb } from './repository.ts';

/** Who made a change, as HSDS metadata records it. */
export interface ChangeAuthor {
  personId: string | null;
  name: string;
}

/** A metadata row as the staff pages show it. */
export interface MetadataEntry {
  id: string;
  resourceType: string;
  actionType: string;
  fieldName: string;
  previousValue: string;
  replacementValue: string;
  updatedBy: string;
  recordedAt: Date;
}

/** The HSDS change log (directory_metadata). */
export const metadataRepository = {
  /** Writes one row per changed field. */
  async record(db: Db, entry: { resourceId: string; resourceType: string; actionType: string; changes: FieldChange[]; author: ChangeAuthor; at: Date }): Promise<void> {
    if (entry.changes.length === 0) return;
    await directoryDb(db)
      .insertInto('directory_metadata')
      .values(
        entry.changes.map((c) => ({
          resource_id: entry.resourceId,
          resource_type: entry.resourceType,
          last_action_date: entry.at.toISOString().slice(0, 10),
          last_action_type: entry.actionType,
          field_name: c.field,
          previous_value: c.before,
          replacement_value: c.after,
          updated_by: entry.author.name,
          updated_by_person_id: entry.author.personId,
          recorded_at: entry.at,
        })),
      )
      .execute();
  },

  /** The changes of some records, newest first. */
  async listFor(db: Db, resourceIds: string[], options: { since?: Date | null; limit: number }): Promise<MetadataEntry[]> {
    if (resourceIds.length === 0) return [];
    let q = directoryDb(db)
      .selectFrom('directory_metadata')
      .select([
        'id',
        'resource_type as resourceType',
        'last_action_type as actionType',
        'field_name as fieldName',
        'previous_value as previousValue',
        'replacement_value as replacementValue',
        'updated_by as updatedBy',
        'recorded_at as recordedAt',
      ])
      .where('resource_id', 'in', resourceIds);
    if (options.since) q = q.where('recorded_at', '>', options.since);
    return q.orderBy('recorded_at', 'desc').orderBy('resource_type', 'desc').orderBy('field_name').limit(options.limit).execute();
  },

  /** The latest author of a field of a record (e.g. who last verified a service). */
  async lastAuthorOf(db: Db, resourceId: string, fieldName: string): Promise<string | null> {
    const row = await directoryDb(db)
      .selectFrom('directory_metadata')
      .select('updated_by')
      .where('resource_id', '=', resourceId)
      .where('field_name', '=', fieldName)
      .orderBy('recorded_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.updated_by ?? null;
  },
};
