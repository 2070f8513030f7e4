import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { problemResponses } from '../../../kernel/http/problem.ts';
import { PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import { territoryRepository as repo } from '../data/repository.ts';
import { loadProvinceBoundaries, loadRegionBoundaries, type BoundaryCollection } from '../reference/boundaries.ts';

const RegionSchema = Type.Object({ code: Type.String({ examples: ['08'] }), name: Type.String() });
const ProvinceSchema = Type.Object({ code: Type.String({ examples: ['237'] }), name: Type.String(), regionCode: Type.String(), carCode: Type.String(), kind: Type.String() });
const MunicipalitySchema = Type.Object({ code: Type.String({ examples: ['037006'] }), name: Type.String(), provinceCode: Type.String(), regionCode: Type.String(), isProvinceCapital: Type.Boolean(), latitude: Type.Union([Type.Number(), Type.Null()]), longitude: Type.Union([Type.Number(), Type.Null()]) });
const NamedSchema = Type.Object({ code: Type.String(), name: Type.String() });
const LangQuery = Type.Object({ lang: Type.Optional(Type.Union(PUBLIC_LOCALES.map((l) => Type.Literal(l)))) });

let regionBoundaries: BoundaryCollection | null = null;
let provinceBoundaries: BoundaryCollection | null = null;

/** Read-only reference API: regions, provinces, municipalities, countries, languages, boundaries. */
export function registerTerritoryRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const tags = ['territory'];
  app.get('/api/v1/territory/regions', { schema: { tags, summary: 'The 20 Italian regions with their ISTAT codes', response: { 200: Type.Object({ items: Type.Array(RegionSchema) }) } } }, async () => ({
    items: await repo.listRegions(ctx.db),
  }));

  app.get(
    '/api/v1/territory/regions/:code/provinces',
    { schema: { tags, summary: 'Provinces, metropolitan cities and other supra-municipal units of a region', params: Type.Object({ code: Type.String({ pattern: '^[0-9]{2}$' }) }), response: { 200: Type.Object({ items: Type.Array(ProvinceSchema) }), ...problemResponses } } },
    async (req) => {
      const { code } = req.params as { code: string };
      if (!(await repo.findRegion(ctx.db, code))) throw new NotFoundError();
      return { items: await repo.listProvinces(ctx.db, code) };
    },
  );

  app.get(
    '/api/v1/territory/municipalities',
    {
      schema: {
        tags,
        summary: 'Municipalities, filtered by province, region or name (accent-insensitive)',
        querystring: Type.Object({
          province: Type.Optional(Type.String({ pattern: '^[0-9]{3}$' })),
          region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
          q: Type.Optional(Type.String({ minLength: 2, maxLength: 80 })),
          page: Type.Integer({ minimum: 1, default: 1 }),
          per_page: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
        }),
        response: { 200: Type.Object({ items: Type.Array(MunicipalitySchema), total: Type.Integer(), page: Type.Integer(), per_page: Type.Integer() }), ...problemResponses },
      },
    },
    async (req) => {
      const q = req.query as { province?: string; region?: string; q?: string; page: number; per_page: number };
      const { items, total } = await repo.listMunicipalities(ctx.db, { provinceCode: q.province, regionCode: q.region, query: q.q, limit: q.per_page, offset: (q.page - 1) * q.per_page });
      return { items, total, page: q.page, per_page: q.per_page };
    },
  );

  app.get(
    '/api/v1/territory/municipalities/:code',
    { schema: { tags, summary: 'One municipality by its ISTAT code', params: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }), response: { 200: MunicipalitySchema, ...problemResponses } } },
    async (req) => {
      const found = await repo.findMunicipality(ctx.db, (req.params as { code: string }).code);
      if (!found) throw new NotFoundError();
      return found;
    },
  );

  app.get('/api/v1/territory/countries', { schema: { tags, summary: 'Countries (ISO 3166-1 alpha-2) named in the language asked for', querystring: LangQuery, response: { 200: Type.Object({ items: Type.Array(NamedSchema) }), ...problemResponses } } }, async (req) => ({
    items: await repo.listCountries(ctx.db, (req.query as { lang?: typeof PUBLIC_LOCALES[number] }).lang ?? req.locale),
  }));

  app.get(
    '/api/v1/territory/languages',
    { schema: { tags, summary: 'Languages (ISO 639) with their own names', querystring: LangQuery, response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), autonym: Type.String() })) }), ...problemResponses } } },
    async (req) => ({ items: await repo.listLanguages(ctx.db, (req.query as { lang?: typeof PUBLIC_LOCALES[number] }).lang ?? req.locale) }),
  );

  app.get(
    '/api/v1/territory/boundaries/:level',
    {
      schema: {
        tags,
        summary: 'Region or province boundaries as GeoJSON (Openpolis on ISTAT data, CC BY 4.0)',
        params: Type.Object({ level: Type.Union([Type.Literal('regions.geojson'), Type.Literal('provinces.geojson')]) }),
        querystring: Type.Object({ region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })) }),
      },
    },
    async (req, reply) => {
      const { level } = req.params as { level: string };
      const { region } = req.query as { region?: string };
      regionBoundaries ??= loadRegionBoundaries();
      provinceBoundaries ??= loadProvinceBoundaries();
      const all = level === 'regions.geojson' ? regionBoundaries : provinceBoundaries;
      const features = region ? all.features.filter((f) => f.properties.regionCode === region) : all.features;
      reply.type('application/geo+json').header('cache-control', 'public, max-age=86400');
      return { type: 'FeatureCollection', features };
    },
  );
}
