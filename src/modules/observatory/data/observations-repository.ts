import { sql, type RawBuilder } from 'kysely';
import { canCopyFromStdin, copyFromStdin, type Db } from '../../../kernel/db/database.ts';
import type { TerritoryLevel } from '../importers/cube.ts';
import { encodeObservationsCopy } from './copy-binary.ts';
import { datasetRepository, type Dimension, type DimensionCode } from './repository.ts';

/** A batch of observations to write: one array per column, `codes[k]` holding the code ids of dimension k+1. */
export interface ObservationBatch {
  codes: Int32Array[];
  territoryIds: Int32Array | null;
  times: string[];
  timeIdx: Int32Array;
  values: Float64Array;
  statuses: string[];
  statusIdx: Int32Array;
  attrs: string[];
  attrIdx: Int32Array;
}

/** A query over the observations of one version. */
export interface ObservationQuery {
  versionId: number;
  /** Dimension code (e.g. `REF_AREA`) → the codes wanted, as in the source file; several mean any of them. */
  filters?: Record<string, string[]>;
  /** Exact periods wanted. */
  times?: string[];
  /** A span of periods, inclusive, compared as text (`2019` ≤ time ≤ `2023`). */
  timeFrom?: string;
  timeTo?: string;
  /** Restricts the dataset's (first) territory dimension by place. */
  territory?: { levels?: TerritoryLevel[]; regionCode?: string; provinceCode?: string };
}

/** One observation, decoded. */
export interface ObservationRow {
  dimensions: Record<string, string>;
  time: string;
  value: number | null;
  status: string | null;
  attributes: Record<string, string> | null;
}

/** One group of an aggregation: the codes grouped by, the period when grouped by time, the sum and count. */
export interface AggregateRow {
  keys: Record<string, string>;
  time: string | null;
  value: number | null;
  count: number;
}

/** The dimension code to group by time with. */
export const TIME_GROUP = 'TIME';

/** A query named a dimension its dataset does not have. */
export class UnknownDimensionError extends Error {
  constructor(readonly dimension: string) {
    super(`Unknown dimension ${dimension}`);
  }
}

/** What decoding a version's observations needs: its dimensions and every code of its dataset (or those asked for). */
export interface VersionContext {
  versionId: number;
  datasetId: string;
  dimensions: Dimension[];
  codesById: Map<number, DimensionCode>;
  /** Dimension code → (code → id). */
  idsByDimension: Map<string, Map<string, number>>;
  territoryDimension: Dimension | null;
}

/**
 * Loads what a query over one version needs to translate codes to ids and back. With `territoryLevels`, only the
 * territory codes at those levels are loaded: queries through it must then ask for places at those levels only.
 */
export async function loadVersionContext(db: Db, versionId: number, options: { territoryLevels?: TerritoryLevel[] } = {}): Promise<VersionContext | null> {
  const version = await datasetRepository.findVersion(db, versionId);
  if (!version || version.status !== 'ready') return null;
  const [dimensions, codes] = await Promise.all([datasetRepository.listDimensions(db, version.datasetId), datasetRepository.listDatasetCodes(db, version.datasetId, options)]);
  const byDimensionId = new Map(dimensions.map((d) => [d.id, d]));
  const idsByDimension = new Map<string, Map<string, number>>(dimensions.map((d) => [d.code, new Map()]));
  for (const c of codes) idsByDimension.get(byDimensionId.get(c.dimensionId)!.code)!.set(c.code, c.id);
  return {
    versionId,
    datasetId: version.datasetId,
    dimensions,
    codesById: new Map(codes.map((c) => [c.id, c])),
    idsByDimension,
    territoryDimension: dimensions.find((d) => d.role === 'territory') ?? null,
  };
}

function whereOf(context: VersionContext, query: ObservationQuery): RawBuilder<boolean> | null {
  const parts: RawBuilder<unknown>[] = [sql`version_id = ${String(context.versionId)}`];
  for (const [name, wanted] of Object.entries(query.filters ?? {})) {
    const dimension = context.dimensions.find((d) => d.code === name);
    if (!dimension) throw new UnknownDimensionError(name);
    if (dimension.position === null) {
      parts.push(sql`time = any(${wanted}::text[])`);
      continue;
    }
    const known = context.idsByDimension.get(name)!;
    const ids = wanted.map((code) => known.get(code)).filter((id): id is number => id !== undefined);
    if (ids.length === 0) return null;
    parts.push(dimension.id === context.territoryDimension?.id ? sql`territory_id = any(${ids}::int[])` : sql`codes[${sql.lit(dimension.position)}] = any(${ids}::int[])`);
  }
  if (query.territory && context.territoryDimension) {
    const { levels, regionCode, provinceCode } = query.territory;
    const ids = [...context.codesById.values()]
      .filter((c) => c.dimensionId === context.territoryDimension!.id)
      .filter((c) => (!levels || levels.includes(c.refKind as TerritoryLevel)) && (!regionCode || c.regionCode === regionCode) && (!provinceCode || c.provinceCode === provinceCode))
      .map((c) => c.id);
    if (ids.length === 0) return null;
    parts.push(sql`territory_id = any(${ids}::int[])`);
  }
  if (query.times) parts.push(sql`time = any(${query.times}::text[])`);
  if (query.timeFrom) parts.push(sql`time >= ${query.timeFrom}`);
  if (query.timeTo) parts.push(sql`time <= ${query.timeTo}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

function decodeCodes(context: VersionContext, ids: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of context.dimensions) if (d.position !== null) out[d.code] = context.codesById.get(ids[d.position - 1]!)?.code ?? '';
  return out;
}

const embedded = new WeakMap<Db, boolean>();

/** Writing and reading the cube. The only SQL on `observatory_observations`. */
export const observationRepository = {
  /** Whether the database is the embedded one (PGlite: one connection, so long writes must leave room for pages). */
  async isEmbedded(db: Db): Promise<boolean> {
    let is = embedded.get(db);
    if (is === undefined) {
      const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
      is = rows[0]?.v.includes('PGlite') ?? false;
      embedded.set(db, is);
    }
    return is;
  },

  /** Writes a batch with one statement: the columns travel as arrays and are unnested by the server. */
  async insertBatch(db: Db, versionId: number, batch: ObservationBatch): Promise<void> {
    const columns = batch.codes.map((_, k) => sql.raw(`c${k + 1}`));
    const lit = (a: ArrayLike<number>) => `{${Array.prototype.join.call(a, ',')}}`;
    const values = Array.from(batch.values, (v) => (Number.isNaN(v) ? 'NULL' : String(v)));
    await sql`insert into observatory_observations (version_id, codes, territory_id, time, value, status, attributes)
      select ${String(versionId)}, array[${sql.join(columns.map((c) => sql`u.${c}`))}]::int[], ${batch.territoryIds ? sql`u.tid` : sql`null::int`},
             (${batch.times}::text[])[u.ti + 1], u.v,
             (${batch.statuses}::text[])[u.si + 1], ((${batch.attrs}::text[])[u.ai + 1])::jsonb
      from unnest(${sql.join(batch.codes.map((c) => sql`${lit(c)}::int[]`))}, ${batch.territoryIds ? sql`${lit(batch.territoryIds)}::int[]` : sql`array[]::int[]`},
                  ${lit(batch.timeIdx)}::int[], ${`{${values.join(',')}}`}::float8[], ${lit(batch.statusIdx)}::int[], ${lit(batch.attrIdx)}::int[])
        as u(${sql.join(columns)}, tid, ti, v, si, ai)`.execute(db);
  },

  /** Whether batches can be written with `copyBatch` (a PostgreSQL server; PGlite has no COPY FROM STDIN). */
  canCopy(db: Db): boolean {
    return canCopyFromStdin(db);
  },

  /** Writes a batch with one binary COPY FROM STDIN, on a connection of its own (only where `canCopy`). */
  async copyBatch(db: Db, versionId: number, batch: ObservationBatch): Promise<void> {
    await copyFromStdin(
      db,
      'copy observatory_observations (version_id, codes, territory_id, time, value, status, attributes) from stdin with (format binary)',
      [encodeObservationsCopy(versionId, batch)],
    );
  },

  /** Deletes every observation of a version. */
  async deleteVersionRows(db: Db, versionId: number): Promise<void> {
    await sql`delete from observatory_observations where version_id = ${String(versionId)}`.execute(db);
  },

  /** Observations of a version matching a query, in a stable order (territory, time, codes), with the total. */
  async listObservations(db: Db, context: VersionContext, query: ObservationQuery & { limit: number; offset: number }): Promise<{ items: ObservationRow[]; total: number }> {
    const where = whereOf(context, query);
    if (!where) return { items: [], total: 0 };
    const { rows } = await sql<{ codes: number[]; time: string; value: number | null; status: string | null; attributes: Record<string, string> | null; total: string }>`
      select codes, time, value, status, attributes, count(*) over () as total from observatory_observations
      where ${where} order by territory_id, time, codes limit ${query.limit} offset ${query.offset}`.execute(db);
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && query.offset > 0) {
      const { rows: counted } = await sql<{ n: string }>`select count(*) as n from observatory_observations where ${where}`.execute(db);
      total = Number(counted[0]?.n ?? 0);
    }
    return {
      items: rows.map((r) => ({ dimensions: decodeCodes(context, r.codes), time: r.time, value: r.value, status: r.status, attributes: r.attributes })),
      total,
    };
  },

  /**
   * Sums the values of a version matching a query, grouped by dimensions (their codes) and, with `TIME`, by period.
   * Missing values are left out of the sum; a group of missing values only sums to null.
   */
  async aggregate(db: Db, context: VersionContext, query: ObservationQuery & { groupBy: string[] }): Promise<AggregateRow[]> {
    const where = whereOf(context, query);
    if (!where) return [];
    const groups = query.groupBy.filter((g) => g !== TIME_GROUP);
    const dims = groups.map((g) => {
      const d = context.dimensions.find((x) => x.code === g && x.position !== null);
      if (!d) throw new UnknownDimensionError(g);
      return d;
    });
    const byTime = query.groupBy.includes(TIME_GROUP);
    const selects = dims.map((d, i) => sql`codes[${sql.lit(d.position!)}] as ${sql.raw(`g${i}`)}`);
    if (byTime) selects.push(sql`time`);
    const groupBy = selects.length ? sql`group by ${sql.join(selects.map((_, i) => sql.lit(i + 1)))}` : sql``;
    const { rows } = await sql<Record<string, unknown>>`
      select ${sql.join([...selects, sql`sum(value) as value`, sql`count(*)::int as n`])}
      from observatory_observations where ${where} ${groupBy}`.execute(db);
    return rows.map((r) => ({
      keys: Object.fromEntries(dims.map((d, i) => [d.code, context.codesById.get(r[`g${i}`] as number)?.code ?? ''])),
      time: byTime ? (r.time as string) : null,
      value: r.value === null ? null : Number(r.value),
      count: r.n as number,
    }));
  },

  /** How many observations a version has (for checks). */
  async countRows(db: Db, versionId: number): Promise<number> {
    const { rows } = await sql<{ n: string }>`select count(*) as n from observatory_observations where version_id = ${String(versionId)}`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },
};
