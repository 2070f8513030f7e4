import type { FastifyRequest } from 'fastify';
import { html, raw, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';

/** The breadcrumb trail of every administration page below the index. */
export function adminCrumbs(req: FastifyRequest, ...more: { label: string; path: string }[]): { label: string; path: string }[] {
  return [{ label: req.t('accounts.staff.admin.title'), path: '/admin' }, ...more];
}

/** A date and time in the reader's language, in Italian time. */
export function formatDateTime(req: FastifyRequest, date: Date | null): string {
  if (!date) return req.t('accounts.staff.common.never');
  return new Intl.DateTimeFormat(req.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(date);
}

const NOTICES: Record<string, string> = {
  created: 'accounts.staff.notices.created',
  saved: 'accounts.staff.notices.saved',
  invited: 'accounts.staff.notices.invited',
  'invitation-failed': 'accounts.staff.notices.invitationFailed',
  'membership-added': 'accounts.staff.notices.membershipAdded',
  'membership-removed': 'accounts.staff.notices.membershipRemoved',
};

/** The confirmation after a redirect (`?done=saved`), announced to screen readers. */
export function notice(req: FastifyRequest): SafeHtml {
  const done = (req.query as { done?: string } | undefined)?.done;
  const key = done ? NOTICES[done] : undefined;
  if (!key) return html``;
  const isWarning = done === 'invitation-failed';
  return html`<div class="alert ${isWarning ? 'alert-warning' : 'alert-success'}" role="status">${req.t(key)}</div>`;
}

/** A status badge: active or disabled. */
export function statusBadge(req: FastifyRequest, isActive: boolean): SafeHtml {
  return isActive
    ? html`<span class="badge bg-success">${req.t('accounts.staff.common.active')}</span>`
    : html`<span class="badge bg-secondary">${req.t('accounts.staff.common.inactive')}</span>`;
}

/** Bootstrap Italia pagination keeping the list's filters. */
export function pagination(
  req: FastifyRequest,
  options: { page: number; perPage: number; total: number; path: string; query: Record<string, string | undefined> },
): SafeHtml {
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
  return html`<nav class="pagination-wrapper mt-3" aria-label="${req.t('accounts.staff.common.pagination')}">
    <ul class="pagination">
      ${options.page > 1
        ? html`<li class="page-item"><a class="page-link" href="${linkTo(options.page - 1)}">${req.t('accounts.staff.common.previous')}</a></li>`
        : ''}
      ${numbers.map((n) =>
        n === options.page
          ? html`<li class="page-item active"><a class="page-link" href="${linkTo(n)}" aria-current="page"><span class="visually-hidden">${req.t('accounts.staff.common.page')}</span> ${n}</a></li>`
          : html`<li class="page-item"><a class="page-link" href="${linkTo(n)}"><span class="visually-hidden">${req.t('accounts.staff.common.page')}</span> ${n}</a></li>`,
      )}
      ${options.page < pages
        ? html`<li class="page-item"><a class="page-link" href="${linkTo(options.page + 1)}">${req.t('accounts.staff.common.next')}</a></li>`
        : ''}
    </ul>
    <p class="small text-muted">${req.t('accounts.staff.common.pageOf', { page: options.page, pages })}</p>
  </nav>`;
}

/** A one-line count of results, announced politely when a filter changes. */
export function resultCount(req: FastifyRequest, total: number): SafeHtml {
  return html`<p class="mb-2" role="status">${req.t('accounts.staff.common.results', { count: total })}</p>`;
}

/** A definition list row that shows a dash for empty values. */
export function detailRow(label: string, value: string | SafeHtml | null | undefined): SafeHtml {
  return html`<dt class="col-sm-4">${label}</dt><dd class="col-sm-8">${value === null || value === undefined || value === '' ? raw('&mdash;') : value}</dd>`;
}
