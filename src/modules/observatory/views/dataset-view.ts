import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import type { Dataset, DatasetVersion, Dimension } from '../data/repository.ts';
import { FREQUENCY_BASE } from '../reference/catalogue.ts';
import { detailRow, formatDateTime, formatNumber, labelOf, notice, publishedBadge, textOf, scrollable } from './components.ts';

/** What a dataset's staff page shows. */
export interface DatasetView {
  dataset: Dataset;
  versions: DatasetVersion[];
  dimensions: (Dimension & { codeCount: number })[];
  regionName: string;
  canImport: boolean;
  canPublish: boolean;
}

/** A dataset's metadata, versions and dimensions, with the publish and import actions the analyst may take. */
export function datasetView(req: FastifyRequest, view: DatasetView): SafeHtml {
  const t = req.t;
  const d = view.dataset;
  const frequency = d.updateFrequency.startsWith(FREQUENCY_BASE) ? d.updateFrequency.slice(FREQUENCY_BASE.length) : d.updateFrequency;
  const action = d.isPublished ? 'unpublish' : 'publish';
  return html`<h1 class="cv-page-title">${textOf(req, d.title) || d.key}</h1>
    ${notice(req)}
    <p>${publishedBadge(req, d.isPublished)}</p>
    ${textOf(req, d.description) ? html`<p class="lead">${textOf(req, d.description)}</p>` : ''}
    <div class="d-flex flex-wrap gap-2 mb-4">
      ${view.canPublish
        ? html`<form method="post" action="${href(req, `/observatory/manage/datasets/${d.id}/${action}`)}">${csrfField(req)}
            <button type="submit" class="btn ${d.isPublished ? 'btn-outline-danger' : 'btn-success'}" ${d.currentVersionId === null ? 'disabled' : ''}>${t(`observatory.staff.dataset.${action}`)}</button></form>`
        : ''}
      ${view.canImport ? html`<a class="btn btn-outline-primary" href="${href(req, `/observatory/manage/uploads/new?dataset=${d.id}`)}">${t('observatory.staff.dataset.importVersion')}</a>` : ''}
      ${d.isPublished ? html`<a class="btn btn-outline-secondary" href="/api/v1/observatory/datasets/${d.key}/observations">${t('observatory.staff.dataset.api')}</a>` : ''}
    </div>
    <h2 class="h3">${t('observatory.staff.dataset.metadata')}</h2>
    <dl class="row">
      ${detailRow(t('observatory.staff.dataset.fields.key'), d.key)}
      ${detailRow(t('observatory.staff.dataset.fields.region'), view.regionName)}
      ${detailRow(t('observatory.staff.dataset.fields.source'), d.sourceUrl ? html`${d.source} (<a href="${d.sourceUrl}">${d.sourceUrl}</a>)` : d.source)}
      ${detailRow(t('observatory.staff.dataset.fields.structure'), d.structureId)}
      ${detailRow(t('observatory.staff.dataset.fields.licence'), d.licenceUrl ? html`<a href="${d.licenceUrl}">${d.licence}</a>` : d.licence)}
      ${detailRow(t('observatory.staff.dataset.fields.attribution'), d.attribution)}
      ${detailRow(t('observatory.staff.dataset.fields.period'), d.referencePeriod)}
      ${detailRow(t('observatory.staff.dataset.fields.level'), t(`observatory.staff.levels.${d.territorialLevel}`))}
      ${detailRow(t('observatory.staff.dataset.fields.frequency'), t(`observatory.staff.frequencies.${frequency}`))}
      ${detailRow(t('observatory.staff.dataset.fields.publishedAt'), d.publishedAt ? formatDateTime(req, d.publishedAt) : null)}
    </dl>
    <h2 class="h3">${t('observatory.staff.dataset.versions')}</h2>
    ${scrollable(t('observatory.staff.dataset.versions'), html`<table class="table">
      <caption>${t('observatory.staff.dataset.versionsCaption')}</caption>
      <thead><tr>
        <th scope="col">${t('observatory.staff.dataset.fields.version')}</th>
        <th scope="col">${t('observatory.staff.version.importedAt')}</th>
        <th scope="col">${t('observatory.staff.version.file')}</th>
        <th scope="col">${t('observatory.staff.version.format')}</th>
        <th scope="col">${t('observatory.staff.version.rows')}</th>
        <th scope="col">${t('observatory.staff.version.period')}</th>
      </tr></thead>
      <tbody>${view.versions.map(
        (v) => html`<tr>
          <th scope="row">${v.number}${v.id === d.currentVersionId ? html` <span class="badge bg-primary">${t('observatory.staff.version.current')}</span>` : ''}</th>
          <td>${formatDateTime(req, v.importedAt)}</td>
          <td>${v.sourceFileName}<br><small class="text-muted">SHA-256 ${v.sourceFileHash.slice(0, 16)}…</small></td>
          <td>${t(`observatory.staff.formats.${v.sourceFormat}`)} (${v.sourceEncoding})</td>
          <td>${formatNumber(req, v.rowCount)}</td>
          <td>${v.timeMin === v.timeMax ? v.timeMin : `${v.timeMin} – ${v.timeMax}`}</td>
        </tr>`,
      )}</tbody></table>`)}
    <h2 class="h3">${t('observatory.staff.dataset.dimensions')}</h2>
    ${scrollable(t('observatory.staff.dataset.dimensions'), html`<table class="table">
      <caption>${t('observatory.staff.dataset.dimensionsCaption')}</caption>
      <thead><tr>
        <th scope="col">${t('observatory.staff.dimension.code')}</th>
        <th scope="col">${t('observatory.staff.dimension.label')}</th>
        <th scope="col">${t('observatory.staff.dimension.role')}</th>
        <th scope="col">${t('observatory.staff.dimension.codes')}</th>
      </tr></thead>
      <tbody>${view.dimensions.map(
        (dim) => html`<tr>
          <th scope="row"><code>${dim.code}</code></th>
          <td>${labelOf(req, dim.labels, dim.code)}</td>
          <td>${t(`observatory.staff.dimensionRoles.${dim.role}`)}</td>
          <td>${dim.position === null ? '—' : formatNumber(req, dim.codeCount)}</td>
        </tr>`,
      )}</tbody></table>`)}`;
}
