import fs from 'node:fs';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import { problemResponses } from '../../../kernel/http/problem.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { hsdsRepository, type PublicFilter } from '../data/hsds-repository.ts';
import { CATALOGUE, isDatasetTable } from '../hsds/catalogue.ts';
import { ExtensionSchema, hsdsSchemas, langQuery, listQuery, pageSchema, schemaId, serviceFilters } from '../hsds/api-schemas.ts';
import * as read from '../hsds/read-public.ts';

const tags = ['hsds'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROFILE_DOC = new URL('../../../../docs/hsds-profile.md', import.meta.url);
const DEFAULT_PER_PAGE = 50;

interface ListQuery {
  page?: number;
  per_page?: number;
  lang?: Locale;
  search?: string;
  taxonomy_term_id?: string;
  taxonomy_id?: string;
  organization_id?: string;
  modified_after?: string;
  full?: boolean;
  minimal?: boolean;
  full_service?: boolean;
  parent_id?: string;
  top_only?: boolean;
}

const query = (properties: Record<string, TSchema>) => Type.Object(properties, { additionalProperties: false });
const idParams = Type.Object({ id: Type.String({ description: 'The HSDS id (a UUID)' }) });

function paging(q: ListQuery) {
  return { page: q.page ?? 1, perPage: q.per_page ?? DEFAULT_PER_PAGE };
}

function wordsOf(search: string | undefined): string[] | undefined {
  const words = (search ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  return words.length ? words : undefined;
}

function parseModifiedAfter(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const isShaped = /^\d{4}-\d{2}-\d{2}$/.test(value) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const at = new Date(value);
  if (!isShaped || Number.isNaN(at.getTime())) throw new ValidationError([{ field: 'modified_after', messageKey: 'validation.format.date-time' }]);
  return at;
}

async function filterOf(ctx: ModuleContext, q: ListQuery): Promise<PublicFilter> {
  return {
    words: wordsOf(q.search),
    termIds: q.taxonomy_term_id ? await hsdsRepository.termAndDescendants(ctx.db, q.taxonomy_term_id) : undefined,
    taxonomyId: q.taxonomy_id,
    organizationId: q.organization_id,
    modifiedAfter: parseModifiedAfter(q.modified_after),
  };
}

function idOf(req: FastifyRequest): string {
  const { id } = req.params as { id: string };
  if (!UUID.test(id)) throw new NotFoundError();
  return id.toLowerCase();
}

/** Says the language of the answer when one was asked for. */
function inLanguage<T>(value: T, reply: FastifyReply, lang: Locale | undefined): T {
  if (lang) reply.header('content-language', lang);
  return value;
}

function found<T>(value: T | null, reply: FastifyReply, lang: Locale | undefined): T {
  if (value === null) throw new NotFoundError();
  return inLanguage(value, reply, lang);
}

/** The HSDS 3.0 API: public services (as published), their organisations and locations, taxonomies. */
export function registerHsdsRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  for (const schema of hsdsSchemas()) app.addSchema(schema);
  const ok = (table: Parameters<typeof schemaId>[0]) => ({ 200: Type.Ref(schemaId(table)), ...problemResponses });
  const list = (table: Parameters<typeof schemaId>[0]) => ({ 200: pageSchema(table), ...problemResponses });

  const root = async () => ({ version: '3.0.0', profile: `${ctx.config.baseUrl}/api/hsds/profile`, openapi_url: `${ctx.config.baseUrl}/api/openapi.json` });
  const rootSchema = {
    tags,
    summary: 'The HSDS version, profile and OpenAPI document of this API',
    response: { 200: Type.Object({ version: Type.String(), profile: Type.String({ format: 'uri' }), openapi_url: Type.String({ format: 'uri' }) }) },
  };
  app.get('/api/hsds/', { schema: rootSchema }, root);
  app.get('/api/hsds', { schema: { ...rootSchema, hide: true } }, root);

  app.get('/api/hsds/profile', { schema: { tags, summary: "Crocevia's HSDS profile: what the x_crocevia extension holds (Markdown)" } }, async (_req, reply) => {
    reply.type('text/markdown; charset=utf-8');
    return fs.readFileSync(PROFILE_DOC, 'utf8');
  });

  app.get(
    '/api/hsds/profile/:name',
    { schema: { tags, summary: 'The profile as a JSON Merge Patch of an HSDS schema file (e.g. service.json)', params: Type.Object({ name: Type.String() }) } },
    async (req) => {
      const name = (req.params as { name: string }).name.replace(/\.json$/, '');
      if (!isDatasetTable(name) || name.startsWith('x_')) throw new NotFoundError();
      const exceptions = CATALOGUE.get('x_crocevia_schedule_exception')!;
      const { $id: _id, ...extension } = ExtensionSchema;
      const exceptionItems = { type: 'object', properties: Object.fromEntries(exceptions.fields.map((f) => [f.name, { type: f.type === 'boolean' ? 'boolean' : 'string' }])) };
      return { properties: { x_crocevia: { ...extension, properties: { ...extension.properties, schedule_exceptions: { type: 'array', items: exceptionItems } } } } };
    },
  );

  app.get(
    '/api/hsds/services',
    {
      schema: {
        tags,
        summary: 'Public services, as published (query parameters combine with AND)',
        querystring: query({ ...listQuery, ...serviceFilters, minimal: Type.Optional(Type.Boolean({ description: 'Only id and last_modified of each service' })) }),
        response: list('service'),
      },
    },
    async (req, reply) => {
      const q = req.query as ListQuery;
      const shape = q.minimal ? 'minimal' : q.full ? 'full' : 'basic';
      return inLanguage(await read.listPublicServices(ctx.db, await filterOf(ctx, q), paging(q), { shape, lang: q.lang }), reply, q.lang);
    },
  );

  app.get('/api/hsds/services/:id', { schema: { tags, summary: 'A public service, fully nested, as published', params: idParams, querystring: langQuery, response: ok('service') } }, async (req, reply) => {
    const { lang } = req.query as ListQuery;
    return found(await read.showPublicService(ctx.db, idOf(req), lang), reply, lang);
  });

  app.get(
    '/api/hsds/organizations',
    {
      schema: {
        tags,
        summary: 'Organisations with at least one public service',
        querystring: query({
          ...listQuery,
          taxonomy_term_id: serviceFilters.taxonomy_term_id,
          taxonomy_id: serviceFilters.taxonomy_id,
          full: serviceFilters.full,
          full_service: Type.Optional(Type.Boolean({ description: 'With full: nest the services fully' })),
        }),
        response: list('organization'),
      },
    },
    async (req, reply) => {
      const q = req.query as ListQuery;
      const filter = await filterOf(ctx, q);
      return inLanguage(await read.listPublicOrganizations(ctx.db, filter, paging(q), { isFull: q.full === true, isFullService: q.full_service === true, lang: q.lang }), reply, q.lang);
    },
  );

  app.get(
    '/api/hsds/organizations/:id',
    {
      schema: {
        tags,
        summary: 'An organisation with at least one public service, fully nested with its public services',
        params: idParams,
        querystring: query({ lang: listQuery.lang, full_service: Type.Optional(Type.Boolean({ description: 'Nest the services fully (otherwise their one-to-one fields)' })) }),
        response: ok('organization'),
      },
    },
    async (req, reply) => {
      const q = req.query as ListQuery;
      return found(await read.showPublicOrganization(ctx.db, idOf(req), { isFullService: q.full_service === true, lang: q.lang }), reply, q.lang);
    },
  );

  app.get(
    '/api/hsds/service_at_locations',
    { schema: { tags, summary: 'Where public services are offered, as published', querystring: query({ ...listQuery, ...serviceFilters }), response: list('service_at_location') } },
    async (req, reply) => {
      const q = req.query as ListQuery;
      return inLanguage(await read.listPublicServiceAtLocations(ctx.db, await filterOf(ctx, q), paging(q), { isFull: q.full === true, lang: q.lang }), reply, q.lang);
    },
  );

  app.get(
    '/api/hsds/service_at_locations/:id',
    { schema: { tags, summary: 'A published service-at-location with its service and location', params: idParams, querystring: langQuery, response: ok('service_at_location') } },
    async (req, reply) => {
      const { lang } = req.query as ListQuery;
      return found(await read.showPublicServiceAtLocation(ctx.db, idOf(req), lang), reply, lang);
    },
  );

  app.get('/api/hsds/taxonomies', { schema: { tags, summary: 'Taxonomies', querystring: query(listQuery), response: list('taxonomy') } }, async (req, reply) => {
    const q = req.query as ListQuery;
    return inLanguage(await read.listTaxonomies(ctx.db, { words: wordsOf(q.search) }, paging(q), q.lang), reply, q.lang);
  });

  app.get('/api/hsds/taxonomies/:id', { schema: { tags, summary: 'A taxonomy', params: idParams, querystring: langQuery, response: ok('taxonomy') } }, async (req, reply) => {
    const { lang } = req.query as ListQuery;
    return found(await read.showTaxonomy(ctx.db, idOf(req), lang), reply, lang);
  });

  app.get(
    '/api/hsds/taxonomy_terms',
    {
      schema: {
        tags,
        summary: 'Taxonomy terms with their taxonomy (parents first, in display order)',
        querystring: query({
          ...listQuery,
          taxonomy_id: Type.Optional(Type.String({ format: 'uuid', description: 'Terms of this taxonomy' })),
          parent_id: Type.Optional(Type.String({ format: 'uuid', description: 'Terms directly below this term' })),
          top_only: Type.Optional(Type.Boolean({ description: 'Only terms without a parent' })),
        }),
        response: list('taxonomy_term'),
      },
    },
    async (req, reply) => {
      const q = req.query as ListQuery;
      const filter = { words: wordsOf(q.search), taxonomyId: q.taxonomy_id, parentId: q.parent_id, isTopOnly: q.top_only === true };
      return inLanguage(await read.listTaxonomyTerms(ctx.db, filter, paging(q), q.lang), reply, q.lang);
    },
  );

  app.get('/api/hsds/taxonomy_terms/:id', { schema: { tags, summary: 'A taxonomy term with its taxonomy', params: idParams, querystring: langQuery, response: ok('taxonomy_term') } }, async (req, reply) => {
    const { lang } = req.query as ListQuery;
    return found(await read.showTaxonomyTerm(ctx.db, idOf(req), lang), reply, lang);
  });
}
