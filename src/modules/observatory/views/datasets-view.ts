import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import type { Dataset } from '../data/repository.ts';
import type { Upload } from '../data/uploads-repository.ts';
import { formatDateTime, formatNumber, notice, publishedBadge, textOf, scrollable } from './components.ts';

/** What the observatory's staff index shows. */
export interface DatasetsView {
  datasets: Dataset[];
  total: number;
  uploads: Upload[];
  canImport: boolean;
  regionName(code: string | null): string;
}

/** The staff index: the datasets the analyst may see, and their latest uploads. */
export function datasetsView(req: FastifyRequest, view: DatasetsView): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('observatory.staff.manage.title')}</h1>
    ${notice(req)}
    <p class="lead">${t('observatory.staff.manage.lead')}</p>
    ${view.canImport ? html`<p><a class="btn btn-primary" href="${href(req, '/observatory/manage/uploads/new')}">${t('observatory.staff.manage.import')}</a></p>` : ''}
    <h2 class="h3 mt-4">${t('observatory.staff.manage.datasets')}</h2>
    ${view.datasets.length === 0
      ? html`<p>${t('observatory.staff.manage.noDatasets')}</p>`
      : html`${scrollable(t('observatory.staff.manage.datasets'), html`<table class="table table-striped">
          <caption>${t('observatory.staff.manage.caption', { count: view.total })}</caption>
          <thead><tr>
            <th scope="col">${t('observatory.staff.dataset.fields.title')}</th>
            <th scope="col">${t('observatory.staff.dataset.fields.region')}</th>
            <th scope="col">${t('observatory.staff.dataset.fields.version')}</th>
            <th scope="col">${t('observatory.staff.dataset.fields.period')}</th>
            <th scope="col">${t('observatory.staff.dataset.fields.status')}</th>
          </tr></thead>
          <tbody>${view.datasets.map(
            (d) => html`<tr>
              <th scope="row"><a href="${href(req, `/observatory/manage/datasets/${d.id}`)}">${textOf(req, d.title) || d.key}</a><br><small class="text-muted">${d.key}</small></th>
              <td>${view.regionName(d.regionCode)}</td>
              <td>${d.currentVersionNumber ?? '—'}</td>
              <td>${d.referencePeriod ?? '—'}</td>
              <td>${publishedBadge(req, d.isPublished)}</td>
            </tr>`,
          )}</tbody></table>`)}`}
    ${view.uploads.length === 0
      ? ''
      : html`<h2 class="h3 mt-4">${t('observatory.staff.manage.uploads')}</h2>
        ${scrollable(t('observatory.staff.manage.uploads'), html`<table class="table">
          <caption>${t('observatory.staff.manage.uploadsCaption')}</caption>
          <thead><tr>
            <th scope="col">${t('observatory.staff.upload.fields.file')}</th>
            <th scope="col">${t('observatory.staff.upload.fields.uploadedAt')}</th>
            <th scope="col">${t('observatory.staff.upload.fields.rows')}</th>
            <th scope="col">${t('observatory.staff.upload.fields.status')}</th>
          </tr></thead>
          <tbody>${view.uploads.map(
            (u) => html`<tr>
              <th scope="row"><a href="${href(req, u.status === 'queued' || u.status === 'importing' || u.status === 'done' ? `/observatory/manage/uploads/${u.id}/progress` : `/observatory/manage/uploads/${u.id}`)}">${u.fileName}</a></th>
              <td>${formatDateTime(req, u.createdAt)}</td>
              <td>${u.totalRows === null ? '—' : formatNumber(req, u.totalRows)}</td>
              <td>${t(`observatory.staff.upload.status.${u.status}`)}</td>
            </tr>`,
          )}</tbody></table>`)}`}`;
}
