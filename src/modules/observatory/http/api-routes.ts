import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import { problemResponses } from '../../../kernel/http/problem.ts';
import { datasetRepository, type Dataset, type Dimension, type DatasetVersion } from '../data/repository.ts';
import { canSeeDataset, visibilityFor } from '../policy.ts';
import { queryObservations } from '../use-cases/query-observations.ts';

const Labels = Type.Record(Type.String(), Type.String(), { description: 'Text per language code (it, en, …)' });
const DimensionSchema = Type.Object({
  code: Type.String({ examples: ['REF_AREA'] }),
  role: Type.Union(['territory', 'time', 'sex', 'citizenship', 'age', 'permit', 'other'].map((r) => Type.Literal(r))),
  labels: Labels,
});
const VersionSchema = Type.Object({
  number: Type.Integer(),
  imported_at: Type.String({ format: 'date-time' }),
  source_file_name: Type.String(),
  source_format: Type.String(),
  rows: Type.Integer(),
  time_min: Type.Union([Type.String(), Type.Null()]),
  time_max: Type.Union([Type.String(), Type.Null()]),
  is_current: Type.Boolean(),
});
const DatasetSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  key: Type.String({ examples: ['istat-popstrbil1'] }),
  title: Labels,
  description: Labels,
  source: Type.String(),
  source_url: Type.Union([Type.String(), Type.Null()]),
  licence: Type.String({ examples: ['CC-BY-4.0'] }),
  licence_url: Type.Union([Type.String(), Type.Null()]),
  attribution: Type.String({ examples: ['Fonte: Istat'] }),
  reference_period: Type.Union([Type.String(), Type.Null()]),
  territorial_level: Type.String(),
  update_frequency: Type.String({ description: 'EU frequency URI' }),
  region_code: Type.Union([Type.String(), Type.Null()], { description: 'Null for a national dataset' }),
  is_published: Type.Boolean(),
  current_version: Type.Union([Type.Integer(), Type.Null()]),
  dimensions: Type.Array(DimensionSchema),
});
const ObservationSchema = Type.Object({
  dimensions: Type.Record(Type.String(), Type.String(), { description: 'Dimension code → code, as in the source file' }),
  time: Type.String({ examples: ['2023'] }),
  value: Type.Union([Type.Number(), Type.Null()], { examples: [214860] }),
  status: Type.Union([Type.String(), Type.Null()], { description: 'Observation status, e.g. p (provisional)' }),
});
const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  per_page: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
};
const ObservationsQuery = Type.Object(
  { ...Paging, version: Type.Optional(Type.Integer({ minimum: 1, description: 'Version number (default: the current one)' })) },
  {
    additionalProperties: Type.Union([Type.String(), Type.Array(Type.String())]),
    description: 'Any other parameter is a dimension code (e.g. REF_AREA=ITD55,ITD5); several codes, comma-separated or repeated, mean any of them. The time dimension (e.g. TIME_PERIOD) or `time` filters periods.',
  },
);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80, description: 'Dataset id (uuid) or key' }) });

function plain(text: Record<string, { value: string } | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(text).filter(([, v]) => v && v.value).map(([k, v]) => [k, v!.value]));
}

function presentDataset(d: Dataset, dimensions: Dimension[]): Static<typeof DatasetSchema> {
  return {
    id: d.id,
    key: d.key,
    title: plain(d.title),
    description: plain(d.description),
    source: d.source,
    source_url: d.sourceUrl,
    licence: d.licence,
    licence_url: d.licenceUrl,
    attribution: d.attribution,
    reference_period: d.referencePeriod,
    territorial_level: d.territorialLevel,
    update_frequency: d.updateFrequency,
    region_code: d.regionCode,
    is_published: d.isPublished,
    current_version: d.currentVersionNumber,
    dimensions: dimensions.map((x) => ({ code: x.code, role: x.role, labels: x.labels as Record<string, string> })),
  };
}

function presentVersion(v: DatasetVersion, currentId: number | null): Static<typeof VersionSchema> {
  return {
    number: v.number,
    imported_at: v.importedAt.toISOString(),
    source_file_name: v.sourceFileName,
    source_format: v.sourceFormat,
    rows: v.rowCount,
    time_min: v.timeMin,
    time_max: v.timeMax,
    is_current: v.id === currentId,
  };
}

/** Splits dimension parameters into code lists: `SEX=1,2` and `SEX=1&SEX=2` both mean 1 or 2. */
export function dimensionFilters(query: Record<string, unknown>): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(query)) {
    if (name === 'page' || name === 'per_page' || name === 'version') continue;
    const codes = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')).map((c) => c.trim()).filter(Boolean);
    if (codes.length === 0) throw new ValidationError([{ field: name, messageKey: 'validation.required' }]);
    filters[name] = [...new Set(codes)];
  }
  return filters;
}

/** The observatory's public API: published datasets (and, for analysts, theirs) and their observations. */
export function registerObservatoryApi(app: FastifyInstance, ctx: ModuleContext): void {
  const tags = ['observatory'];
  app.get(
    '/api/v1/observatory/datasets',
    {
      schema: {
        tags,
        summary: 'Published statistical datasets with their dimensions (analysts also see their unpublished ones)',
        querystring: Type.Object({ ...Paging, per_page: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }),
        response: { 200: Type.Object({ items: Type.Array(DatasetSchema), page: Type.Integer(), per_page: Type.Integer(), total: Type.Integer() }), ...problemResponses },
      },
    },
    async (req) => {
      const q = req.query as { page: number; per_page: number };
      const { items, total } = await datasetRepository.listDatasets(ctx.db, { ...visibilityFor(req.actor), limit: q.per_page, offset: (q.page - 1) * q.per_page });
      const dimensions = await datasetRepository.listDimensionsOf(ctx.db, items.map((d) => d.id));
      return { items: items.map((d) => presentDataset(d, dimensions.get(d.id) ?? [])), page: q.page, per_page: q.per_page, total };
    },
  );

  app.get(
    '/api/v1/observatory/datasets/:id',
    {
      schema: {
        tags,
        summary: 'One dataset, with its dimensions and its versions',
        params: IdParams,
        response: { 200: Type.Composite([DatasetSchema, Type.Object({ versions: Type.Array(VersionSchema) })]), ...problemResponses },
      },
    },
    async (req) => {
      const dataset = await datasetRepository.findDataset(ctx.db, (req.params as { id: string }).id);
      if (!dataset || !canSeeDataset(req.actor, dataset)) throw new NotFoundError();
      const [dimensions, versions] = await Promise.all([datasetRepository.listDimensions(ctx.db, dataset.id), datasetRepository.listVersions(ctx.db, dataset.id)]);
      return { ...presentDataset(dataset, dimensions), versions: versions.map((v) => presentVersion(v, dataset.currentVersionId)) };
    },
  );

  app.get(
    '/api/v1/observatory/datasets/:id/observations',
    {
      schema: {
        tags,
        summary: 'Observations of a dataset, filtered by any dimension (codes as in the source file), paged',
        params: IdParams,
        querystring: ObservationsQuery,
        response: {
          200: Type.Object({
            dataset: Type.Object({ id: Type.String(), key: Type.String() }),
            version: Type.Integer(),
            observations: Type.Array(ObservationSchema),
            page: Type.Integer(),
            per_page: Type.Integer(),
            total: Type.Integer(),
          }),
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const query = req.query as Record<string, unknown> & { page: number; per_page: number; version?: number };
      const page = await queryObservations({
        db: ctx.db,
        actor: req.actor,
        datasetIdOrKey: (req.params as { id: string }).id,
        versionNumber: query.version,
        filters: dimensionFilters(query),
        limit: query.per_page,
        offset: (query.page - 1) * query.per_page,
      });
      return {
        dataset: { id: page.dataset.id, key: page.dataset.key },
        version: page.version.number,
        observations: page.items.map((o) => ({ dimensions: o.dimensions, time: o.time, value: o.value, status: o.status })),
        page: query.page,
        per_page: query.per_page,
        total: page.total,
      };
    },
  );
}
