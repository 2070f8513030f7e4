import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import { observatoryDb, type ObservatoryTables } from './tables.ts';
import type { Dataset, DatasetVisibility, NewDataset } from './types.ts';

const t = observatoryDb;

const datasetColumns = [
  'd.id',
  'd.key',
  'd.title',
  'd.description',
  'd.source',
  'd.source_url',
  'd.structure_id',
  'd.licence',
  'd.licence_url',
  'd.attribution',
  'd.reference_period',
  'd.territorial_level',
  'd.update_frequency',
  'd.region_code',
  'd.is_published',
  'd.published_at',
  'd.current_version_id',
  'd.created_by',
  'd.created_at',
  'd.updated_at',
  'v.number as current_version_number',
] as const;

type DatasetRow = Omit<ObservatoryTables['observatory_datasets'], 'id' | 'description' | 'is_published' | 'created_at' | 'updated_at'> & {
  id: string;
  description: TranslatedText;
  is_published: boolean;
  created_at: Date;
  updated_at: Date;
  current_version_number: number | null;
};

function presentDataset(r: DatasetRow): Dataset {
  return {
    id: r.id,
    key: r.key,
    title: r.title,
    description: r.description,
    source: r.source,
    sourceUrl: r.source_url,
    structureId: r.structure_id,
    licence: r.licence,
    licenceUrl: r.licence_url,
    attribution: r.attribution,
    referencePeriod: r.reference_period,
    territorialLevel: r.territorial_level,
    updateFrequency: r.update_frequency,
    regionCode: r.region_code,
    isPublished: r.is_published,
    publishedAt: r.published_at,
    currentVersionId: r.current_version_id === null ? null : Number(r.current_version_id),
    currentVersionNumber: r.current_version_number,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function selectDatasets(db: Db) {
  return t(db).selectFrom('observatory_datasets as d').leftJoin('observatory_versions as v', 'v.id', 'd.current_version_id').select(datasetColumns);
}

function visible(visibility: DatasetVisibility) {
  const reach = visibility.unpublishedReach;
  if (reach?.all) return sql<boolean>`true`;
  if (!reach || reach.regionCodes.length === 0) return sql<boolean>`d.is_published`;
  return sql<boolean>`(d.is_published or d.region_code = any(${reach.regionCodes}::text[]))`;
}

/** Datasets: listing by visibility, finding, creating, publishing, deleting. */
export const datasetQueries = {
  /** Datasets a reader may see, newest first, with the total for paging. */
  async listDatasets(db: Db, options: DatasetVisibility & { limit: number; offset: number; regionCode?: string | null }): Promise<{ items: Dataset[]; total: number }> {
    let q = selectDatasets(db).where(visible(options));
    if (options.regionCode !== undefined) q = options.regionCode === null ? q.where('d.region_code', 'is', null) : q.where('d.region_code', '=', options.regionCode);
    const rows = await q.orderBy('d.created_at', 'desc').orderBy('d.id').limit(options.limit).offset(options.offset).execute();
    let count = t(db).selectFrom('observatory_datasets as d').where(visible(options));
    if (options.regionCode !== undefined) count = options.regionCode === null ? count.where('d.region_code', 'is', null) : count.where('d.region_code', '=', options.regionCode);
    const total = await count.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return { items: (rows as DatasetRow[]).map(presentDataset), total: Number(total.n) };
  },

  /** One dataset by id (uuid) or key, whatever its visibility (callers check it). */
  async findDataset(db: Db, idOrKey: string): Promise<Dataset | null> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrKey);
    const row = await selectDatasets(db)
      .where(isUuid ? 'd.id' : 'd.key', '=', idOrKey)
      .executeTakeFirst();
    return row ? presentDataset(row as DatasetRow) : null;
  },

  /** Locks a dataset row for the rest of the transaction (imports into one dataset run one at a time). */
  async lockDataset(trx: Db, id: string): Promise<void> {
    await sql`select id from observatory_datasets where id = ${id} for update`.execute(trx);
  },

  async createDataset(trx: Db, input: NewDataset): Promise<string> {
    const row = await t(trx)
      .insertInto('observatory_datasets')
      .values({
        key: input.key,
        title: JSON.stringify(input.title) as never,
        description: JSON.stringify(input.description ?? {}) as never,
        source: input.source,
        source_url: input.sourceUrl ?? null,
        structure_id: input.structureId ?? null,
        licence: input.licence,
        licence_url: input.licenceUrl ?? null,
        attribution: input.attribution,
        reference_period: input.referencePeriod ?? null,
        territorial_level: input.territorialLevel,
        update_frequency: input.updateFrequency,
        region_code: input.regionCode,
        current_version_id: null,
        published_at: null,
        created_by: input.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async isKeyTaken(db: Db, key: string): Promise<boolean> {
    return (await t(db).selectFrom('observatory_datasets').select('id').where('key', '=', key).executeTakeFirst()) !== undefined;
  },

  /** Deletes a dataset with its versions, dimensions, codes and observations. */
  async deleteDataset(trx: Db, id: string): Promise<void> {
    await sql`delete from observatory_observations where version_id in (select id from observatory_versions where dataset_id = ${id})`.execute(trx);
    await sql`update observatory_datasets set current_version_id = null where id = ${id}`.execute(trx);
    await t(trx).deleteFrom('observatory_datasets').where('id', '=', id).execute();
  },

  async setPublished(trx: Db, id: string, isPublished: boolean): Promise<void> {
    await t(trx)
      .updateTable('observatory_datasets')
      .set({ is_published: isPublished, published_at: isPublished ? new Date() : null, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  /** Updates the metadata an analyst may edit. */
  async updateMetadata(trx: Db, id: string, fields: Partial<Pick<NewDataset, 'title' | 'description' | 'source' | 'sourceUrl' | 'licence' | 'licenceUrl' | 'attribution' | 'referencePeriod' | 'updateFrequency' | 'territorialLevel'>>): Promise<void> {
    await t(trx)
      .updateTable('observatory_datasets')
      .set({
        ...(fields.title ? { title: JSON.stringify(fields.title) as never } : {}),
        ...(fields.description ? { description: JSON.stringify(fields.description) as never } : {}),
        ...(fields.source !== undefined ? { source: fields.source } : {}),
        ...(fields.sourceUrl !== undefined ? { source_url: fields.sourceUrl } : {}),
        ...(fields.licence !== undefined ? { licence: fields.licence } : {}),
        ...(fields.licenceUrl !== undefined ? { licence_url: fields.licenceUrl } : {}),
        ...(fields.attribution !== undefined ? { attribution: fields.attribution } : {}),
        ...(fields.referencePeriod !== undefined ? { reference_period: fields.referencePeriod } : {}),
        ...(fields.updateFrequency !== undefined ? { update_frequency: fields.updateFrequency } : {}),
        ...(fields.territorialLevel !== undefined ? { territorial_level: fields.territorialLevel } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },
};
