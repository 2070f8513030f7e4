import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { DimensionRole, Labels } from '../importers/types.ts';
import type { CitizenshipCode, Itter107Entry } from '../reference/reference-data.ts';
import { observatoryDb as t, type ObservatoryTables } from './tables.ts';
import type { Dimension, DimensionCode, NewCode } from './types.ts';

function presentCode(r: Omit<ObservatoryTables['observatory_codes'], 'id'> & { id: number }): DimensionCode {
  return {
    id: r.id,
    dimensionId: r.dimension_id,
    code: r.code,
    labels: r.labels,
    refKind: r.ref_kind,
    regionCode: r.region_code,
    provinceCode: r.province_code,
    municipalityCode: r.municipality_code,
    countryCode: r.country_code,
  };
}

/** Dimensions, their codes (with labels and what they resolve to) and the shipped reference tables. */
export const codeQueries = {
  /** Dimensions of a dataset in position order, time last. */
  async listDimensions(db: Db, datasetId: string): Promise<Dimension[]> {
    const rows = await t(db).selectFrom('observatory_dimensions').selectAll().where('dataset_id', '=', datasetId).orderBy(sql`position nulls last`).execute();
    return rows.map((r) => ({ id: r.id, datasetId: r.dataset_id, code: r.code, position: r.position, role: r.role, labels: r.labels }));
  },

  /** Dimensions of several datasets at once, by dataset id. */
  async listDimensionsOf(db: Db, datasetIds: string[]): Promise<Map<string, Dimension[]>> {
    const out = new Map<string, Dimension[]>(datasetIds.map((id) => [id, []]));
    if (datasetIds.length === 0) return out;
    const rows = await t(db).selectFrom('observatory_dimensions').selectAll().where('dataset_id', 'in', datasetIds).orderBy(sql`position nulls last`).execute();
    for (const r of rows) out.get(r.dataset_id)?.push({ id: r.id, datasetId: r.dataset_id, code: r.code, position: r.position, role: r.role, labels: r.labels });
    return out;
  },

  async insertDimensions(trx: Db, datasetId: string, dimensions: { code: string; position: number | null; role: DimensionRole; labels: Labels }[]): Promise<Dimension[]> {
    const rows = await t(trx)
      .insertInto('observatory_dimensions')
      .values(dimensions.map((d) => ({ dataset_id: datasetId, code: d.code, position: d.position, role: d.role, labels: JSON.stringify(d.labels) as never })))
      .returningAll()
      .execute();
    return rows.map((r) => ({ id: r.id, datasetId: r.dataset_id, code: r.code, position: r.position, role: r.role, labels: r.labels }));
  },

  /** Codes of one dimension (all, or only those a version uses), ordered by code. */
  async listCodes(db: Db, dimensionId: number, options: { versionId?: number } = {}): Promise<DimensionCode[]> {
    let q = t(db).selectFrom('observatory_codes').selectAll().where('dimension_id', '=', dimensionId);
    if (options.versionId !== undefined) {
      q = q.where(sql<boolean>`id in (select unnest(code_ids) from observatory_versions where id = ${String(options.versionId)})`);
    }
    return (await q.orderBy('code').execute()).map(presentCode);
  },

  /**
   * Every code of a dataset's dimensions (for decoding observations); with `territoryLevels`, the places' (first
   * territory) dimension keeps its codes at those levels only (a dashboard needs no municipality of 8,000 places).
   */
  async listDatasetCodes(db: Db, datasetId: string, options: { territoryLevels?: string[] } = {}): Promise<DimensionCode[]> {
    if (!options.territoryLevels) {
      const rows = await t(db).selectFrom('observatory_codes as c').innerJoin('observatory_dimensions as dim', 'dim.id', 'c.dimension_id').selectAll('c').where('dim.dataset_id', '=', datasetId).execute();
      return rows.map(presentCode);
    }
    // The places' dimension is the first territory one (as in loadVersionContext); the other dimensions keep every
    // code. Two parts, so that the places' codes come through the (dimension, ref_kind) index.
    const { rows } = await sql<Parameters<typeof presentCode>[0]>`
      with places as (select id from observatory_dimensions where dataset_id = ${datasetId} and role = 'territory' order by position limit 1)
      select c.* from observatory_codes c join observatory_dimensions dim on dim.id = c.dimension_id
      where dim.dataset_id = ${datasetId} and dim.id not in (select id from places)
      union all
      select c.* from observatory_codes c where c.dimension_id in (select id from places) and c.ref_kind = any(${options.territoryLevels}::text[])`.execute(db);
    return rows.map(presentCode);
  },

  /**
   * Adds the codes a dimension lacks (marking them as introduced by a version, so that a failed import can take
   * them back) and answers the id of every code asked for.
   */
  async ensureCodes(trx: Db, dimensionId: number, codes: NewCode[], versionId: number): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (let i = 0; i < codes.length; i += 2000) {
      const batch = codes.slice(i, i + 2000);
      await sql`insert into observatory_codes (dimension_id, code, labels, ref_kind, region_code, province_code, municipality_code, country_code, first_version_id)
        select ${dimensionId}, u.code, u.labels::jsonb, u.ref_kind, u.region_code, u.province_code, u.municipality_code, u.country_code, ${String(versionId)}
        from unnest(${batch.map((c) => c.code)}::text[], ${batch.map((c) => JSON.stringify(c.labels))}::text[], ${batch.map((c) => c.refKind)}::text[],
                    ${batch.map((c) => c.regionCode)}::text[], ${batch.map((c) => c.provinceCode)}::text[], ${batch.map((c) => c.municipalityCode)}::text[],
                    ${batch.map((c) => c.countryCode)}::text[]) as u(code, labels, ref_kind, region_code, province_code, municipality_code, country_code)
        on conflict (dimension_id, code) do nothing`.execute(trx);
      const { rows } = await sql<{ id: number; code: string }>`select id, code from observatory_codes
        where dimension_id = ${dimensionId} and code = any(${batch.map((c) => c.code)}::text[])`.execute(trx);
      for (const r of rows) ids.set(r.code, r.id);
    }
    return ids;
  },

  /** Adds labels (and resolved references) to existing codes, keeping the labels they had in other languages. */
  async mergeCodeLabels(trx: Db, dimensionId: number, codes: NewCode[]): Promise<void> {
    for (let i = 0; i < codes.length; i += 2000) {
      const batch = codes.slice(i, i + 2000);
      await sql`update observatory_codes c set labels = c.labels || u.labels::jsonb,
          ref_kind = coalesce(u.ref_kind, c.ref_kind), region_code = coalesce(u.region_code, c.region_code),
          province_code = coalesce(u.province_code, c.province_code), municipality_code = coalesce(u.municipality_code, c.municipality_code),
          country_code = coalesce(u.country_code, c.country_code)
        from unnest(${batch.map((c) => c.code)}::text[], ${batch.map((c) => JSON.stringify(c.labels))}::text[], ${batch.map((c) => c.refKind)}::text[],
                    ${batch.map((c) => c.regionCode)}::text[], ${batch.map((c) => c.provinceCode)}::text[], ${batch.map((c) => c.municipalityCode)}::text[],
                    ${batch.map((c) => c.countryCode)}::text[]) as u(code, labels, ref_kind, region_code, province_code, municipality_code, country_code)
        where c.dimension_id = ${dimensionId} and c.code = u.code`.execute(trx);
    }
  },

  /** Replaces the ITTER107 and citizenship reference tables with the shipped ones. */
  async replaceReference(db: Db, itter107: Itter107Entry[], citizenship: CitizenshipCode[]): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await t(trx).deleteFrom('observatory_itter107').execute();
      await t(trx)
        .insertInto('observatory_itter107')
        .values(itter107.map((e) => ({ code: e.code, name: e.name, level: e.level, region_code: e.regionCode, province_code: e.provinceCode, note: e.note })))
        .execute();
      await t(trx).deleteFrom('observatory_citizenship_codes').execute();
      await t(trx)
        .insertInto('observatory_citizenship_codes')
        .values(citizenship.map((c) => ({ code: c.code, kind: c.kind, country_code: c.countryCode, labels: JSON.stringify(c.labels) as never, note: c.note })))
        .execute();
    });
  },

  async countItter107(db: Db): Promise<number> {
    const row = await t(db).selectFrom('observatory_itter107').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
