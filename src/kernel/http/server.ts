import { randomUUID } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ActorLoader } from '../auth/actor.ts';
import { sessions, SESSION_COOKIE } from '../auth/sessions.ts';
import { isLocale, negotiateLocale, DEFAULT_LOCALE } from '../i18n/locales.ts';
import type { I18n } from '../i18n/messages.ts';
import { buildAssets, fontsDir } from '../web/assets.ts';
import { sendPage, type Shell } from '../web/layout.ts';
import { html } from '../web/html.ts';
import type { NavItem } from '../module.ts';
import { AppError, CsrfError, NotFoundError, RateLimitedError, ValidationError } from './errors.ts';
import { fieldErrorsOf } from './validation.ts';
import { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, csrfTokenFor, isValidCsrfToken } from './csrf.ts';
import { ProblemSchema, sendProblem } from './problem.ts';
import { renderApiDocs } from './api-docs.ts';
import './context.ts';

/** What the HTTP server needs from the rest of the kernel. */
export interface ServerOptions {
  config: Config;
  database: Database;
  logger: Logger;
  i18n: I18n;
  secret: string;
  navigation: NavItem[];
  actorLoader: ActorLoader | null;
  isDemo(): boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request is for the API (problem+json errors) rather than a page. */
export function isApiRequest(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || req.url.startsWith('/healthz') || req.url.startsWith('/opendata/');
}

function isAssetRequest(url: string): boolean {
  return url.startsWith('/assets/') || url === '/favicon.svg' || url.startsWith('/healthz');
}

/** Builds the Fastify server: cookies, forms, assets, language, session, CSRF, errors, OpenAPI. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { config, database, i18n, secret } = options;
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return config.trustProxy && typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  });

  const assets = buildAssets();
  const shell: Shell = {
    platformName: config.platformName,
    ownerName: config.ownerName,
    navigation: options.navigation,
    assetUrl: (name) => `/assets/${name}?v=${assets.get(name)?.hash ?? '0'}`,
    isDemo: options.isDemo,
  };
  app.decorate('shell', shell);
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('t', (key: string) => key);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('csrfToken', '');

  await app.register(cookie);
  await app.register(formbody);
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Crocevia API',
        version: '1',
        description: 'The HTTP API of Crocevia. Errors are application/problem+json (RFC 9457) and name the fields at fault.',
      },
      servers: [{ url: config.baseUrl }],
    },
    hideUntagged: true,
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  app.addSchema(ProblemSchema);

  // Language, session and anti-forgery seed for every request that is not a static asset.
  app.addHook('onRequest', async (req, reply) => {
    const lang = (req.params as Record<string, string> | undefined)?.lang;
    if (lang !== undefined && !isLocale(lang)) {
      req.locale = negotiateLocale(req.headers['accept-language']);
      req.t = i18n.translator(req.locale);
      throw new NotFoundError();
    }
    req.locale = isLocale(lang) ? lang : negotiateLocale(req.headers['accept-language']);
    req.t = i18n.translator(req.locale);
    if (isAssetRequest(req.url)) return;

    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await sessions.find(database.db, token);
      if (session) {
        req.session = session;
        await sessions.touch(database.db, session);
        if (!session.isSecondFactorPending && options.actorLoader) req.actor = await options.actorLoader(session.personId);
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    let seed = req.cookies[CSRF_COOKIE];
    if (!seed || !/^[\w-]{43}$/.test(seed)) {
      seed = randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '').slice(0, 11);
      reply.setCookie(CSRF_COOKIE, seed, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
      (req.cookies as Record<string, string>)[CSRF_COOKIE] = seed;
    }
    req.csrfToken = csrfTokenFor(secret, seed, req.session?.idHash ?? null);
  });

  // Every state-changing request made with our cookies must carry the token of its page.
  app.addHook('preValidation', async (req) => {
    if (SAFE_METHODS.has(req.method) || isAssetRequest(req.url)) return;
    const hasSessionCookie = Boolean(req.cookies[SESSION_COOKIE]);
    if (isApiRequest(req) && !hasSessionCookie) return; // no ambient credentials to forge
    const body = req.body as Record<string, unknown> | undefined;
    const query = req.query as Record<string, unknown> | undefined;
    const submitted = req.headers[CSRF_HEADER] ?? body?.[CSRF_FIELD] ?? query?.[CSRF_FIELD];
    if (!isValidCsrfToken(req.csrfToken, submitted)) throw new CsrfError();
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('permissions-policy', 'geolocation=(self), camera=(), microphone=()');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'",
      );
    }
    reply.header('x-request-id', req.id);
    return payload;
  });

  app.setErrorHandler(async (error, req, reply) => {
    let appError: AppError;
    const fastifyError = error as { validation?: unknown; statusCode?: number; code?: string };
    if (error instanceof AppError) appError = error;
    else if (fastifyError.validation) appError = new ValidationError(fieldErrorsOf(fastifyError.validation as never));
    else if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fastifyError.statusCode === 400) {
      appError = new AppError(400, 'bad-request', 'errors.badRequest.title', 'errors.badRequest.detail');
    } else if (fastifyError.statusCode === 413) {
      appError = new AppError(413, 'too-large', 'errors.tooLarge.title', 'errors.tooLarge.detail');
    } else {
      req.log.error({ err: error }, 'unhandled error');
      appError = new AppError(500, 'internal', 'errors.internal.title', 'errors.internal.detail');
    }
    if (appError instanceof RateLimitedError) reply.header('retry-after', String(appError.retryAfterSeconds));
    if (isApiRequest(req)) return sendProblem(req, reply, appError);
    return sendPage(reply, req, {
      title: req.t(appError.titleKey),
      status: appError.status,
      body: html`<h1 class="cv-page-title">${req.t(appError.titleKey)}</h1>
        ${appError.detailKey ? html`<p class="lead">${req.t(appError.detailKey, appError.detailValues)}</p>` : ''}
        ${appError instanceof ValidationError
          ? html`<ul>${appError.fields.map((f) => html`<li>${f.field}: ${req.t(f.messageKey, f.values)}</li>`)}</ul>`
          : ''}
        <p><a href="/${req.locale}">${req.t('errors.backHome')}</a></p>`,
    });
  });

  app.setNotFoundHandler(async (req, reply) => {
    const error = new NotFoundError();
    if (isApiRequest(req)) return sendProblem(req, reply, error);
    const first = req.url.split('/')[1]?.split('?')[0];
    if (isLocale(first)) {
      req.locale = first;
      req.t = i18n.translator(first);
    }
    return sendPage(reply, req, {
      title: req.t(error.titleKey),
      status: 404,
      body: html`<h1 class="cv-page-title">${req.t(error.titleKey)}</h1><p class="lead">${req.t('errors.notFound.detail')}</p>
        <p><a href="/${req.locale}">${req.t('errors.backHome')}</a></p>`,
    });
  });

  app.get('/assets/:name', { schema: { hide: true } }, async (req, reply) => {
    const asset = assets.get((req.params as { name: string }).name);
    if (!asset) throw new NotFoundError();
    reply.type(asset.contentType);
    reply.header('cache-control', (req.query as { v?: string }).v === asset.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    if (/\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      // Compressed once at the best quality rather than on every request at the quick one.
      asset.brotli ??= brotliCompressSync(asset.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } });
      return reply.header('vary', 'accept-encoding').header('content-encoding', 'br').send(asset.brotli);
    }
    return reply.send(asset.body);
  });
  await app.register(fastifyStatic, { root: fontsDir, prefix: '/assets/fonts/', decorateReply: false, maxAge: '365d', immutable: true });
  app.get('/favicon.svg', { schema: { hide: true } }, async (_req, reply) => {
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400');
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#06c"/><path d="M16 5v22M5 16h22" stroke="#fff" stroke-width="4" stroke-linecap="round"/></svg>`;
  });

  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    reply.header('vary', 'Accept-Language');
    return reply.redirect(`/${negotiateLocale(req.headers['accept-language'])}`, 302);
  });

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['kernel'],
        summary: 'Health check: answers after querying the database',
        response: {
          200: { type: 'object', properties: { status: { type: 'string', const: 'ok' }, database: { type: 'string', enum: ['pglite', 'postgresql'] } } },
          503: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } },
        },
      },
    },
    async (_req, reply) => {
      try {
        await Promise.race([
          database.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 3000).unref()),
        ]);
        return { status: 'ok', database: database.kind };
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: database.kind });
      }
    },
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/docs', { schema: { hide: true } }, async (req, reply) => renderApiDocs(req, reply, app.swagger() as never));
  return app as unknown as FastifyInstance;
}
