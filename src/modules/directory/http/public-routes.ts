import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { problemResponses } from '../../../kernel/http/problem.ts';
import { pickText } from '../../../kernel/i18n/content.ts';
import { isLocale, PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { sendPage } from '../../../kernel/web/layout.ts';
import { romeClock } from '../domain/open-now.ts';
import { parseFinderQuery } from '../domain/search-query.ts';
import { listAreaServices } from '../use-cases/list-area-services.ts';
import { createFinderCatalog } from '../use-cases/load-finder-catalog.ts';
import { bringSearchProjectionUpToDate } from '../use-cases/refresh-search-projection.ts';
import { searchServices } from '../use-cases/search-services.ts';
import { showPublicService } from '../use-cases/show-public-service.ts';
import { finderPage } from '../views/public-finder.ts';
import { offlinePage } from '../views/public-offline.ts';
import { servicePage } from '../views/public-service.ts';
import { buildFinderAssets, type FinderAsset } from './public-assets.ts';

/** The base map's tiles: MAP_TILE_URL (an https:// template with {z}/{x}/{y}) and MAP_TILE_ATTRIBUTION. Without it, no tiles. */
export function readMapTiles(env: NodeJS.ProcessEnv): { url: string; attribution: string } | null {
  const url = env.MAP_TILE_URL?.trim();
  if (!url) return null;
  if (!/^https:\/\/[^\s"<>]+$/.test(url) || !url.includes('{z}') || !url.includes('{x}') || !url.includes('{y}')) {
    throw new Error('MAP_TILE_URL must be an https:// URL template with {z}, {x} and {y}, e.g. https://tile.example.org/{z}/{x}/{y}.png');
  }
  return { url, attribution: env.MAP_TILE_ATTRIBUTION?.trim() ?? '' };
}

/** Sends a finder file compressed in advance (brotli or gzip, as the browser accepts). */
function sendAsset(req: FastifyRequest, reply: FastifyReply, file: FinderAsset, cacheControl: string): FastifyReply {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  reply.type(file.contentType).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(file.brotli);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.body);
}

const cacheFor = (file: FinderAsset, version: unknown) => (version === file.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300');

/** The public finder: search page, service pages, printable view, offline page, area list, service worker and static files. */
export function registerPublicRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx;
  const catalog = createFinderCatalog(db);
  const assets = buildFinderAssets();
  const mapTiles = readMapTiles(process.env);
  // Services published before this process listened (an import, an older version) join the finder at start-up.
  app.addHook('onReady', async () => {
    const repaired = await bringSearchProjectionUpToDate(db);
    if (repaired > 0) ctx.logger.info({ services: repaired }, 'finder projection brought up to date');
  });

  // Tests travel in time (opening hours) with ?now=; never honoured outside NODE_ENV=test.
  const nowOf = (req: FastifyRequest): Date => {
    const asked = (req.query as { now?: unknown }).now;
    return ctx.config.env === 'test' && typeof asked === 'string' && !Number.isNaN(Date.parse(asked)) ? new Date(asked) : new Date();
  };
  const head = (withMap: boolean): SafeHtml =>
    html`<link rel="stylesheet" href="${assets.url('finder.css')}"><script src="${assets.url('finder.js')}" defer></script>
      ${withMap ? html`<script src="${assets.url('map.js')}" defer data-leaflet-js="${assets.url('leaflet.js')}" data-leaflet-css="${assets.url('leaflet.css')}"></script>` : ''}`;
  // The province boundaries of up to three regions, drawn behind the markers (space-separated URLs).
  const boundariesUrl = (regionCodes: (string | null | undefined)[]) => {
    const urls = [...new Set(regionCodes)]
      .filter((code): code is string => !!code && assets.boundaries(code) !== null)
      .slice(0, 3)
      .map((code) => `/assets/finder/boundaries/${code}.geojson?v=${assets.boundaries(code)!.hash}`);
    return urls.length ? urls.join(' ') : null;
  };

  app.get('/:lang/services', { schema: { hide: true } }, async (req, reply) => {
    const { input, query, errors } = parseFinderQuery(req.query as Record<string, unknown>);
    const result = await searchServices({ db, query, errors, catalog, now: nowOf(req) });
    const [needs, provinces, spoken, languageNames] = await Promise.all([catalog.needs(), catalog.provinces(), catalog.spokenLanguages(), catalog.languageNames(req.locale)]);
    const province = provinces.find((p) => p.code === (result.place?.kind === 'province' ? result.place.code : result.place?.place.provinceCode));
    const municipalities = province && result.place?.kind === 'province' ? (await catalog.municipalities()).inProvince(province.code).map((m) => m.name) : [];
    const regionCodes = province ? [province.regionCode] : result.hits.filter((h) => h.latitude !== null).map((h) => h.regionCode);
    const languages = spoken.map((code) => languageNames.get(code) ?? { code, name: code, autonym: code });
    // A search's title says what was searched, so that saved searches can be told apart offline.
    const need = needs.find((t) => t.id === query.needId);
    const searched = [query.text, need ? pickText(need.name, req.locale)?.value : null, result.place?.kind === 'municipality' ? result.place.place.name : result.place?.name].filter(Boolean);
    const title = searched.length ? `${req.t('directory.finder.title')}: ${searched.join(', ')}` : req.t('directory.finder.title');
    return sendPage(reply, req, {
      title: result.errors.length ? `${req.t('directory.finder.errorTitle')} · ${req.t('directory.finder.title')}` : title,
      status: result.errors.length ? 422 : 200,
      head: head(result.hits.some((h) => h.latitude !== null)),
      body: finderPage(req, { input, result, needs, provinces, municipalities, languages, languageNames, mapTiles, boundariesUrl: boundariesUrl(regionCodes) }),
    });
  });

  app.get('/:lang/services/offline', { schema: { hide: true } }, async (req, reply) =>
    sendPage(reply, req, { title: req.t('directory.finder.offline.title'), head: head(false), body: offlinePage(req) }),
  );

  const showService = async (req: FastifyRequest, reply: FastifyReply, isPrint: boolean) => {
    const { snapshot, places } = await showPublicService({ db, serviceId: (req.params as { id: string }).id });
    const [needs, languageNames] = await Promise.all([catalog.needs(), catalog.languageNames(req.locale)]);
    const name = pickText(snapshot.service.name, req.locale)?.value ?? '';
    const withMap = !isPrint && places.some((p) => p.latitude !== null);
    return sendPage(reply, req, {
      title: name,
      breadcrumbs: [{ label: req.t('directory.finder.title'), path: '/services' }],
      head: head(withMap),
      body: servicePage(req, { snapshot, places, needs, languageNames, clock: romeClock(nowOf(req)), isPrint, mapTiles, boundariesUrl: boundariesUrl(places.map((p) => p.regionCode)) }),
    });
  };
  app.get('/:lang/services/:id', { schema: { hide: true } }, (req, reply) => showService(req, reply, false));
  app.get('/:lang/services/:id/print', { schema: { hide: true } }, (req, reply) => showService(req, reply, true));

  app.get(
    '/api/v1/directory/finder/area',
    {
      schema: {
        tags: ['directory'],
        summary: 'The published services of a municipality or a province, with the paths of their pages (for saving them offline)',
        querystring: Type.Object({
          municipality: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
          province: Type.Optional(Type.String({ pattern: '^[0-9]{3}$' })),
          lang: Type.Optional(Type.Union(PUBLIC_LOCALES.map((l) => Type.Literal(l)))),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), path: Type.String() })),
            isTruncated: Type.Boolean(),
          }),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      const q = req.query as { municipality?: string; province?: string; lang?: string };
      const lang = isLocale(q.lang) ? q.lang : req.locale;
      const { items, isTruncated } = await listAreaServices({ db, municipalityCode: q.municipality, provinceCode: q.province });
      reply.header('cache-control', 'no-cache');
      return {
        items: items.map((i) => ({ id: i.serviceId, name: pickText(i.name, lang)?.value ?? '', path: `/${lang}/services/${i.serviceId}` })),
        isTruncated,
      };
    },
  );

  app.get('/sw.js', { schema: { hide: true } }, async (req, reply) => {
    reply.header('service-worker-allowed', '/');
    return sendAsset(req, reply, assets.serviceWorker, 'no-cache');
  });
  app.get('/assets/finder/:name', { schema: { hide: true } }, async (req, reply) => {
    const file = assets.get((req.params as { name: string }).name);
    if (!file) throw new NotFoundError();
    return sendAsset(req, reply, file, cacheFor(file, (req.query as { v?: string }).v));
  });
  app.get('/assets/finder/boundaries/:file', { schema: { hide: true } }, async (req, reply) => {
    const match = /^(\d{2})\.geojson$/.exec((req.params as { file: string }).file);
    const file = match ? assets.boundaries(match[1]!) : null;
    if (!file) throw new NotFoundError();
    return sendAsset(req, reply, file, cacheFor(file, (req.query as { v?: string }).v));
  });
}
