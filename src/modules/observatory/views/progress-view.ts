import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import type { Dataset } from '../data/repository.ts';
import type { Upload } from '../data/uploads-repository.ts';
import { formatNumber, issuesTable, textOf } from './components.ts';

/** Whether the progress page should reload itself (the import has not ended). */
export function isRunning(upload: Upload): boolean {
  return upload.status === 'queued' || upload.status === 'importing';
}

/**
 * An import's progress: a bar while it runs, then the dataset (and its publish button) or the reason it failed.
 * While it runs the page reloads itself (the route sends a `Refresh` header, which needs no JavaScript); the
 * reader can stop that, as WCAG 2.2.1 asks of anything timed.
 */
export function progressView(req: FastifyRequest, view: { upload: Upload; dataset: Dataset | null; canPublish: boolean; isAutoRefresh: boolean }): SafeHtml {
  const t = req.t;
  const u = view.upload;
  const total = u.totalRows ?? 0;
  const done = u.status === 'done' ? total : Math.min(u.progressRows, total);
  const percent = total === 0 ? (u.status === 'done' ? 100 : 0) : Math.floor((done / total) * 100);
  return html`<h1 class="cv-page-title">${t('observatory.staff.progress.title', { file: u.fileName })}</h1>
    <p role="status" aria-live="polite">${t(`observatory.staff.progress.status.${u.status}`)}</p>
    ${isRunning(u) || u.status === 'done'
      ? html`<div class="mb-3">
          <label for="import-progress" class="form-label">${t('observatory.staff.progress.rows', { done: formatNumber(req, done), total: formatNumber(req, total) })}</label>
          <progress id="import-progress" class="w-100" max="${total || 1}" value="${total === 0 ? (u.status === 'done' ? 1 : 0) : done}">${percent}%</progress>
        </div>`
      : ''}
    ${isRunning(u)
      ? html`<p>${view.isAutoRefresh ? html`<small>${t('observatory.staff.progress.refresh')}</small> <a href="${href(req, `/observatory/manage/uploads/${u.id}/progress?refresh=off`)}">${t('observatory.staff.progress.stopRefresh')}</a> ·` : ''}
          <a href="${href(req, `/observatory/manage/uploads/${u.id}/progress`)}">${t('observatory.staff.progress.reload')}</a></p>`
      : ''}
    ${u.status === 'failed'
      ? html`<div class="alert alert-danger" role="alert">${t('observatory.staff.progress.failed')} ${u.error ? html`<code>${u.error}</code>` : ''}</div>
          ${u.report && u.report.issueCount > 0 ? issuesTable(req, u.report) : ''}
          <p><a class="btn btn-outline-primary" href="${href(req, `/observatory/manage/uploads/${u.id}`)}">${t('observatory.staff.progress.back')}</a></p>`
      : ''}
    ${u.status === 'done' && view.dataset
      ? html`<div class="alert alert-success" role="status">${t('observatory.staff.progress.done', { title: textOf(req, view.dataset.title) || view.dataset.key, number: view.dataset.currentVersionNumber ?? 0 })}</div>
          <div class="d-flex flex-wrap gap-2">
            <a class="btn btn-primary" href="${href(req, `/observatory/manage/datasets/${view.dataset.id}`)}">${t('observatory.staff.progress.openDataset')}</a>
            ${view.canPublish && !view.dataset.isPublished
              ? html`<form method="post" action="${href(req, `/observatory/manage/datasets/${view.dataset.id}/publish`)}">${csrfField(req)}
                  <button type="submit" class="btn btn-success">${t('observatory.staff.dataset.publish')}</button></form>`
              : ''}
          </div>`
      : ''}`;
}
