import type { FastifyRequest } from 'fastify';
import { pickText, type TranslatedText } from '../../../kernel/i18n/content.ts';
import type { Translate } from '../../../kernel/i18n/messages.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import type { ImportIssue, Labels } from '../importers/types.ts';

/** The breadcrumb trail of the observatory's staff pages. */
export function manageCrumbs(req: FastifyRequest, ...more: { label: string; path: string }[]): { label: string; path: string }[] {
  return [{ label: req.t('observatory.staff.manage.title'), path: '/observatory/manage' }, ...more];
}

/** A date and time in the reader's language, in Italian time. */
export function formatDateTime(req: FastifyRequest, date: Date | null): string {
  if (!date) return '—';
  return new Intl.DateTimeFormat(req.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(date);
}

/** A number in the reader's language. */
export function formatNumber(req: FastifyRequest, value: number): string {
  return new Intl.NumberFormat(req.locale).format(value);
}

/** A content field in the reader's language (or its fallback). */
export function textOf(req: FastifyRequest, text: TranslatedText | null | undefined): string {
  return pickText(text, req.locale)?.value ?? '';
}

/** A code's or dimension's label in the reader's language, else Italian, English or the code itself. */
export function labelOf(req: FastifyRequest, labels: Labels, fallback: string): string {
  return labels[req.locale] ?? labels.it ?? labels.en ?? fallback;
}

/** What went wrong with one row of a file, in words. */
export function issueMessage(t: Translate, issue: ImportIssue): string {
  return t(`observatory.staff.issues.${issue.kind}`, { value: issue.value ?? '', expected: issue.expected ?? 0, otherRow: issue.otherRow ?? 0, column: issue.column ?? '' });
}

/** A table in a box that scrolls sideways on small screens, reachable and named for keyboard and screen-reader users. */
export function scrollable(label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-responsive" tabindex="0" role="region" aria-label="${label}">${table}</div>`;
}

/** A file's problems as a table: row, column, problem. */
export function issuesTable(req: FastifyRequest, report: { issues: ImportIssue[]; issueCount: number }): SafeHtml {
  const t = req.t;
  return html`<div class="alert alert-danger" role="alert">
      <h2 class="h5">${t('observatory.staff.report.refused', { count: report.issueCount })}</h2>
      <p class="mb-0">${t('observatory.staff.report.refusedHint')}</p>
    </div>
    ${scrollable(t('observatory.staff.report.title'), html`<table class="table table-sm">
      <caption>${t('observatory.staff.report.caption', { shown: report.issues.length, count: report.issueCount })}</caption>
      <thead><tr><th scope="col">${t('observatory.staff.report.row')}</th><th scope="col">${t('observatory.staff.report.column')}</th><th scope="col">${t('observatory.staff.report.problem')}</th></tr></thead>
      <tbody>${report.issues.map((issue) => html`<tr><th scope="row">${formatNumber(req, issue.row)}</th><td>${issue.column ?? '—'}</td><td>${issueMessage(t, issue)}</td></tr>`)}</tbody>
    </table>`)}`;
}

const NOTICES: Record<string, string> = {
  published: 'observatory.staff.notices.published',
  unpublished: 'observatory.staff.notices.unpublished',
};

/** The confirmation after a redirect (`?done=published`), announced to screen readers. */
export function notice(req: FastifyRequest): SafeHtml {
  const done = (req.query as { done?: string } | undefined)?.done;
  const key = done ? NOTICES[done] : undefined;
  return key ? html`<div class="alert alert-success" role="status">${req.t(key)}</div>` : html``;
}

/** Published or not, as a badge. */
export function publishedBadge(req: FastifyRequest, isPublished: boolean): SafeHtml {
  return isPublished
    ? html`<span class="badge bg-success">${req.t('observatory.staff.dataset.published')}</span>`
    : html`<span class="badge bg-secondary">${req.t('observatory.staff.dataset.unpublished')}</span>`;
}

/** A definition-list row. */
export function detailRow(label: string, value: SafeHtml | string | number | null): SafeHtml {
  return html`<dt class="col-sm-4">${label}</dt><dd class="col-sm-8">${value === null || value === '' ? '—' : value}</dd>`;
}
