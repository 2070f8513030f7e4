import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../auth/actor.ts';
import { AUTONYMS, PUBLIC_LOCALES, directionOf, type Locale } from '../i18n/locales.ts';
import type { NavItem } from '../module.ts';
import { CSRF_FIELD } from '../http/csrf.ts';
import { html, raw, type SafeHtml } from './html.ts';

/** What every page shares: names, navigation, asset URLs, whether the data are a demo. */
export interface Shell {
  platformName: string;
  ownerName: string;
  navigation: NavItem[];
  assetUrl(name: string): string;
  /** Whether the database holds demo data (then every page says so). */
  isDemo(): boolean;
}

/** A page to render inside the common layout. */
export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Breadcrumb trail (label, path after the language) before the current page. */
  breadcrumbs?: { label: string; path: string }[];
  status?: number;
  /** Staff pages are never cached and carry noindex. */
  audience?: 'public' | 'staff';
  /** Extra markup for <head> (e.g. a page's own stylesheet). */
  head?: SafeHtml;
}

/** The current path without its language segment (for the language switcher). */
export function pathWithoutLocale(url: string): string {
  const [pathname = '/', query] = url.split('?');
  const rest = pathname.replace(/^\/[a-z]{2}(?=\/|$)/, '');
  return (rest || '/') + (query ? `?${query}` : '');
}

/** An icon from the local sprite. */
export function icon(name: string, extraClass = ''): SafeHtml {
  return html`<svg class="icon ${extraClass}" aria-hidden="true" focusable="false"><use href="/assets/icons.svg#${name}"></use></svg>`;
}

/** A hidden field with the anti-forgery token; every form that changes something carries it. */
export function csrfField(req: FastifyRequest): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${req.csrfToken}">`;
}

/** A link to a page in the request's language. */
export function href(req: FastifyRequest, path: string): string {
  if (path === '/' || path === '') return `/${req.locale}`;
  return `/${req.locale}${path.startsWith('/') ? path : `/${path}`}`;
}

function languageSwitcher(req: FastifyRequest): SafeHtml {
  const rest = pathWithoutLocale(req.url);
  return html`<details class="cv-lang">
    <summary aria-label="${req.t('layout.language.choose')}: ${AUTONYMS[req.locale]}">${AUTONYMS[req.locale]} ▾</summary>
    <ul>${PUBLIC_LOCALES.map(
      (locale: Locale) =>
        html`<li><a href="/${locale}${rest === '/' ? '' : rest}" lang="${locale}" hreflang="${locale}" dir="${directionOf(locale)}"
          ${locale === req.locale ? raw('aria-current="true"') : ''}>${AUTONYMS[locale]}</a></li>`,
    )}</ul>
  </details>`;
}

function accountTools(req: FastifyRequest): SafeHtml {
  if (!req.actor) {
    return html`<a class="btn btn-sm btn-outline-light" href="${href(req, '/login')}">${icon('it-user', 'icon-sm icon-white')} ${req.t('layout.account.login')}</a>`;
  }
  return html`<a href="${href(req, '/account')}">${icon('it-user', 'icon-sm icon-white')} ${req.actor.name}</a>
    <form method="post" action="${href(req, '/logout')}" class="d-inline">${csrfField(req)}
      <button type="submit" class="btn btn-sm btn-outline-light">${req.t('layout.account.logout')}</button></form>`;
}

function navigation(req: FastifyRequest, shell: Shell): SafeHtml {
  const current = pathWithoutLocale(req.url).split('?')[0] ?? '/';
  const items = shell.navigation
    .filter((item) => item.audience === 'public' || (req.actor && (!item.permission || can(req.actor, item.permission))))
    .sort((a, b) => a.order - b.order);
  if (items.length === 0) return html``;
  return html`<nav class="cv-nav" aria-label="${req.t('layout.nav.label')}"><div class="container-xxl"><ul>
    ${items.map((item) => {
      const isCurrent = item.path === '/' ? current === '/' : current.startsWith(item.path);
      return html`<li><a href="${href(req, item.path)}" ${isCurrent ? raw('aria-current="page"') : ''}>${req.t(item.labelKey)}</a></li>`;
    })}
  </ul></div></nav>`;
}

function breadcrumbTrail(req: FastifyRequest, options: PageOptions): SafeHtml {
  if (!options.breadcrumbs || options.breadcrumbs.length === 0) return html``;
  return html`<nav class="breadcrumb-container mt-3" aria-label="${req.t('layout.breadcrumb')}"><ol class="breadcrumb">
    ${options.breadcrumbs.map((b) => html`<li class="breadcrumb-item"><a href="${href(req, b.path)}">${b.label}</a><span class="separator">/</span></li>`)}
    <li class="breadcrumb-item active" aria-current="page">${options.title}</li></ol></nav>`;
}

/** Renders a whole page: skip links, demo banner, header, navigation, main, footer. */
export function renderPage(req: FastifyRequest, shell: Shell, options: PageOptions): string {
  const t = req.t;
  const dir = directionOf(req.locale);
  const css = dir === 'rtl' ? 'bootstrap-italia.rtl.css' : 'bootstrap-italia.css';
  const page = html`<!doctype html>
<html lang="${req.locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${shell.platformName}</title>
${options.audience === 'staff' ? raw('<meta name="robots" content="noindex">') : ''}
<link rel="stylesheet" href="${shell.assetUrl(css)}">
<link rel="stylesheet" href="${shell.assetUrl('app.css')}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${options.head ?? ''}
</head>
<body>
<div class="skiplinks">
  <a class="visually-hidden-focusable" href="#main">${t('layout.skip.main')}</a>
  <a class="visually-hidden-focusable" href="#footer">${t('layout.skip.footer')}</a>
</div>
${shell.isDemo() ? html`<div class="cv-demo-banner" role="note"><strong>${t('layout.demo.label')}</strong> ${t('layout.demo.text')}</div>` : ''}
<header class="it-header-wrapper">
  <div class="it-header-slim-wrapper"><div class="container-xxl"><div class="cv-slim">
    <span class="cv-owner">${shell.ownerName}</span>
    <div class="cv-slim-tools">${languageSwitcher(req)} ${accountTools(req)}</div>
  </div></div></div>
  <div class="it-header-center-wrapper"><div class="container-xxl">
    <a class="cv-brand" href="/${req.locale}">${icon('it-pa')}
      <span><span class="cv-brand-title">${shell.platformName}</span><span class="cv-brand-tagline">${t('layout.tagline')}</span></span></a>
  </div></div>
  ${navigation(req, shell)}
</header>
<main id="main" class="container-xxl pb-5" tabindex="-1">
  ${breadcrumbTrail(req, options)}
  ${options.body}
</main>
<footer class="it-footer" id="footer">
  <div class="it-footer-main"><div class="container-xxl py-4">
    <div class="row">
      <div class="col-md-6"><h2 class="h5 text-white">${shell.platformName}</h2><p class="text-white">${t('layout.footer.about')}</p></div>
      <div class="col-md-6"><h2 class="h5 text-white">${t('layout.footer.links')}</h2>
        <ul class="list-unstyled">
          <li><a href="${href(req, '/accessibility')}">${t('layout.footer.accessibility')}</a></li>
          <li><a href="${href(req, '/privacy')}">${t('layout.footer.privacy')}</a></li>
          <li><a href="${href(req, '/legal')}">${t('layout.footer.legal')}</a></li>
          <li><a href="/api/docs">${t('layout.footer.api')}</a></li>
        </ul></div>
    </div>
    <p class="cv-footer-attribution mb-0">${t('layout.footer.attribution')}</p>
  </div></div>
</footer>
</body>
</html>`;
  return page.value;
}

/** Sends a rendered page with the right headers. */
export function sendPage(reply: FastifyReply, req: FastifyRequest, options: PageOptions): FastifyReply {
  const body = renderPage(req, reply.server.shell, options);
  reply.code(options.status ?? 200).type('text/html; charset=utf-8');
  reply.header('cache-control', options.audience === 'staff' || req.actor ? 'no-store' : 'no-cache');
  reply.header('content-language', req.locale);
  return reply.send(body);
}
