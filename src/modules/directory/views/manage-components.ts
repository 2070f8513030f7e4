import type { FastifyRequest } from 'fastify';
import { pickText, type TranslatedText } from '../../../kernel/i18n/content.ts';
import { AUTONYMS, directionOf, isLocale } from '../../../kernel/i18n/locales.ts';
import { html, raw, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import type { WorkflowState } from '../data/tables.ts';

/** Where the directory's staff pages live (after the language segment). */
export const MANAGE = '/directory/manage';

/** The breadcrumb trail of the staff pages below the directory's staff home. */
export function manageCrumbs(req: FastifyRequest, ...more: { label: string; path: string }[]): { label: string; path: string }[] {
  return [{ label: req.t('directory.staff.home.title'), path: MANAGE }, ...more];
}

/** A service page path. */
export const servicePath = (id: string, rest = '') => `${MANAGE}/services/${id}${rest}`;

/** An organisation's staff page path. */
export const organisationPath = (id: string, rest = '') => `${MANAGE}/organisations/${id}${rest}`;

/** A date in the reader's language, in Italian time; "never" for none. */
export function formatDate(req: FastifyRequest, date: Date | string | null | undefined): string {
  if (!date) return req.t('directory.staff.common.never');
  return new Intl.DateTimeFormat(req.locale, { dateStyle: 'medium', timeZone: 'Europe/Rome' }).format(new Date(date));
}

/** A date and time in the reader's language, in Italian time. */
export function formatDateTime(req: FastifyRequest, date: Date | string | null | undefined): string {
  if (!date) return req.t('directory.staff.common.never');
  return new Intl.DateTimeFormat(req.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(new Date(date));
}

const STATE_CLASS: Record<WorkflowState, string> = { draft: 'bg-secondary', in_review: 'bg-warning text-dark', published: 'bg-success', archived: 'bg-dark' };

/** The workflow state as a badge. */
export function stateBadge(req: FastifyRequest, state: WorkflowState): SafeHtml {
  return html`<span class="badge ${STATE_CLASS[state]}">${req.t(`directory.staff.states.${state}`)}</span>`;
}

/** A translated content value in the reader's language, marked with its language when it falls back. */
export function shownText(req: FastifyRequest, text: TranslatedText | null | undefined): SafeHtml {
  const shown = pickText(text, req.locale);
  if (!shown) return raw('&mdash;');
  if (!shown.isFallback) return html`${shown.value}`;
  return html`<span lang="${shown.locale}" dir="${directionOf(shown.locale)}">${shown.value}</span>
    <small class="text-muted">(${AUTONYMS[shown.locale]})</small>`;
}

/** A language code with its name in itself, when it is one of Crocevia's languages. */
export function localeName(code: string): string {
  return isLocale(code) ? AUTONYMS[code] : code;
}

const NOTICES = ['created', 'saved', 'submitted', 'published', 'sentBack', 'archived', 'restored', 'verified', 'translated', 'unchanged', 'locationSaved', 'locationRemoved', 'exceptionAdded', 'exceptionRemoved'];

/** The confirmation after a redirect (`?done=saved`), announced to screen readers. */
export function notice(req: FastifyRequest): SafeHtml {
  const done = (req.query as { done?: string } | undefined)?.done;
  if (!done || !NOTICES.includes(done)) return html``;
  return html`<div class="alert alert-success" role="status">${req.t(`directory.staff.notices.${done}`)}</div>`;
}

/** Pagination keeping the list's filters. */
export function pagination(req: FastifyRequest, options: { page: number; perPage: number; total: number; path: string; query: Record<string, string | undefined> }): SafeHtml {
  const pages = Math.max(1, Math.ceil(options.total / options.perPage));
  if (pages === 1) return html``;
  const linkTo = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query)) if (v) params.set(k, v);
    params.set('page', String(page));
    return `${href(req, options.path)}?${params.toString()}`;
  };
  const first = Math.max(1, Math.min(options.page - 2, pages - 4));
  const numbers = Array.from({ length: Math.min(5, pages) }, (_, i) => first + i);
  return html`<nav class="pagination-wrapper mt-3" aria-label="${req.t('directory.staff.common.pagination')}"><ul class="pagination">
    ${options.page > 1 ? html`<li class="page-item"><a class="page-link" href="${linkTo(options.page - 1)}">${req.t('directory.staff.common.previous')}</a></li>` : ''}
    ${numbers.map(
      (n) =>
        html`<li class="page-item${n === options.page ? ' active' : ''}"><a class="page-link" href="${linkTo(n)}" ${n === options.page ? raw('aria-current="page"') : ''}>
          <span class="visually-hidden">${req.t('directory.staff.common.page')}</span> ${n}</a></li>`,
    )}
    ${options.page < pages ? html`<li class="page-item"><a class="page-link" href="${linkTo(options.page + 1)}">${req.t('directory.staff.common.next')}</a></li>` : ''}
  </ul></nav>`;
}

/**
 * A table that scrolls sideways on narrow screens. It holds no link or field, so the scrolling region
 * itself takes the keyboard focus and is named by the table's caption (WCAG 2.1.1).
 */
export function scrollingTable(caption: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-responsive" tabindex="0" role="region" aria-label="${caption}">${table}</div>`;
}

/** A definition-list row showing a dash for empty values. */
export function detailRow(label: string, value: string | SafeHtml | null | undefined): SafeHtml {
  return html`<dt class="col-sm-4">${label}</dt><dd class="col-sm-8">${value === null || value === undefined || value === '' ? raw('&mdash;') : value}</dd>`;
}

/** A small POST form with one button (workflow actions); `extra` adds fields such as a note. */
export function actionForm(req: FastifyRequest, options: { path: string; label: string; csrf: SafeHtml; style?: string; extra?: SafeHtml }): SafeHtml {
  return html`<form method="post" action="${href(req, options.path)}" class="d-inline-block me-2 mb-2">${options.csrf}${options.extra ?? ''}
    <button type="submit" class="btn ${options.style ?? 'btn-outline-primary'}">${options.label}</button></form>`;
}
