import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { errorSummary, type FormState } from '../../../kernel/web/forms.ts';
import type { Dataset } from '../data/repository.ts';
import type { Upload } from '../data/uploads-repository.ts';
import { COLUMN_USES } from '../http/mapping-form.ts';
import { detailRow, formatNumber, issuesTable, textOf, scrollable } from './components.ts';
import { newDatasetFields } from './new-dataset-fields.ts';

/** What the page of an uploaded file shows. */
export interface UploadView {
  upload: Upload;
  dataset: Dataset | null;
  regionName: string;
  separator: string;
  encoding: string | null;
  header: string[];
  rows: string[][];
  /** The mapping form (tidy CSV only). */
  mapping: FormState | null;
  /** The new dataset's metadata form (when the upload creates one). */
  metadata: FormState | null;
}

function select(req: FastifyRequest, state: FormState, name: string, label: string, choices: { value: string; label: string }[]): SafeHtml {
  const error = state.errors.find((e) => e.field === name);
  const current = String(state.values[name] ?? '');
  return html`<label for="field-${name}" class="visually-hidden">${label}</label>
    <select id="field-${name}" name="${name}" class="form-select form-select-sm w-auto${error ? ' is-invalid' : ''}" ${error ? html`aria-invalid="true" aria-describedby="error-${name}"` : ''}>
      ${choices.map((c) => html`<option value="${c.value}" ${c.value === current ? 'selected' : ''}>${c.label}</option>`)}
    </select>
    ${error ? html`<div id="error-${name}" class="invalid-feedback d-block">${req.t(error.messageKey, error.values)}</div>` : ''}`;
}

function globalSelect(req: FastifyRequest, state: FormState, name: string, label: string, choices: { value: string; label: string }[]): SafeHtml {
  return html`<div class="col-md-4"><div class="select-wrapper form-group">
    <label for="field-${name}" class="active">${label}</label>
    <select id="field-${name}" name="${name}">${choices.map((c) => html`<option value="${c.value}" ${c.value === String(state.values[name] ?? '') ? 'selected' : ''}>${c.label}</option>`)}</select>
  </div></div>`;
}

function mappingForm(req: FastifyRequest, view: UploadView, state: FormState): SafeHtml {
  const t = req.t;
  const labels: Record<string, string> = { mapping: t('observatory.staff.mapping.title') };
  view.header.forEach((column, i) => {
    labels[`use_${i}`] = t('observatory.staff.mapping.useOf', { column });
    labels[`labelof_${i}`] = t('observatory.staff.mapping.labelOf', { column });
  });
  const columnChoices = [{ value: '', label: '—' }, ...view.header.map((c, i) => ({ value: String(i), label: c }))];
  return html`<h2 class="h3 mt-4" id="mapping">${t('observatory.staff.mapping.title')}</h2>
    <p>${t('observatory.staff.mapping.lead')}</p>
    ${errorSummary(req, state, labels)}
    <form method="post" action="${href(req, `/observatory/manage/uploads/${view.upload.id}/mapping`)}">${csrfField(req)}
      ${scrollable(t('observatory.staff.mapping.title'), html`<table class="table table-sm align-middle">
        <caption>${t('observatory.staff.mapping.caption')}</caption>
        <thead><tr><th scope="col">${t('observatory.staff.mapping.column')}</th><th scope="col">${t('observatory.staff.mapping.sample')}</th>
          <th scope="col">${t('observatory.staff.mapping.use')}</th><th scope="col">${t('observatory.staff.mapping.labelsFor')}</th></tr></thead>
        <tbody>${view.header.map(
          (column, i) => html`<tr>
            <th scope="row">${column}</th>
            <td><small>${view.rows.slice(0, 3).map((r) => r[i] ?? '').filter(Boolean).join(' · ')}</small></td>
            <td>${select(req, state, `use_${i}`, labels[`use_${i}`]!, COLUMN_USES.map((u) => ({ value: u, label: t(`observatory.staff.mapping.uses.${u}`) })))}</td>
            <td>${select(req, state, `labelof_${i}`, labels[`labelof_${i}`]!, columnChoices)}</td>
          </tr>`,
        )}</tbody></table>`)}
      <div class="row">
        ${globalSelect(req, state, 'encoding', t('observatory.staff.mapping.encoding'), ['auto', 'utf-8', 'windows-1252'].map((e) => ({ value: e, label: t(`observatory.staff.mapping.encodings.${e}`) })))}
        ${globalSelect(req, state, 'decimal', t('observatory.staff.mapping.decimal'), [{ value: '.', label: t('observatory.staff.mapping.decimalPoint') }, { value: ',', label: t('observatory.staff.mapping.decimalComma') }])}
        ${globalSelect(req, state, 'labelLocale', t('observatory.staff.mapping.labelLocale'), [{ value: 'it', label: 'Italiano' }, { value: 'en', label: 'English' }])}
      </div>
      <button type="submit" class="btn btn-primary">${t('observatory.staff.mapping.submit')}</button>
    </form>`;
}

function importForm(req: FastifyRequest, view: UploadView): SafeHtml {
  const t = req.t;
  const action = href(req, `/observatory/manage/uploads/${view.upload.id}/import`);
  if (view.dataset) {
    return html`<form method="post" action="${action}">${csrfField(req)}
      <button type="submit" class="btn btn-success">${t('observatory.staff.upload.importVersion', { title: textOf(req, view.dataset.title) || view.dataset.key, number: (view.dataset.currentVersionNumber ?? 0) + 1 })}</button></form>`;
  }
  return html`<h2 class="h3 mt-4" id="metadata">${t('observatory.staff.upload.metadata')}</h2>
    <form method="post" action="${action}" novalidate>${csrfField(req)}
      ${newDatasetFields(req, view.metadata!)}
      <button type="submit" class="btn btn-success">${t('observatory.staff.upload.importNew')}</button></form>`;
}

/** An uploaded file: what was detected, its first rows, the mapping (tidy CSV), the report, and the import button. */
export function uploadView(req: FastifyRequest, view: UploadView): SafeHtml {
  const t = req.t;
  const u = view.upload;
  const isChecked = (u.status === 'checked' || u.status === 'failed') && u.report !== null;
  const isClean = isChecked && u.report!.issueCount === 0;
  return html`<h1 class="cv-page-title">${t('observatory.staff.upload.pageTitle', { file: u.fileName })}</h1>
    <dl class="row">
      ${detailRow(t('observatory.staff.upload.fields.format'), t(`observatory.staff.formats.${u.format}`))}
      ${detailRow(t('observatory.staff.upload.fields.encoding'), view.encoding ?? t('observatory.staff.upload.encodingUnknown'))}
      ${detailRow(t('observatory.staff.upload.fields.separator'), view.separator === '\t' ? 'TAB' : view.separator)}
      ${detailRow(t('observatory.staff.upload.fields.size'), `${formatNumber(req, Math.ceil(u.byteSize / 1024))} kB`)}
      ${detailRow(t('observatory.staff.upload.fields.target'), view.dataset ? textOf(req, view.dataset.title) || view.dataset.key : t('observatory.staff.upload.newDatasetIn', { region: view.regionName }))}
    </dl>
    ${u.status === 'failed' && u.error ? html`<div class="alert alert-danger" role="alert">${t('observatory.staff.progress.failed')} <code>${u.error}</code></div>` : ''}
    <h2 class="h3">${t('observatory.staff.upload.preview')}</h2>
    ${scrollable(t('observatory.staff.upload.preview'), html`<table class="table table-sm table-bordered">
      <caption>${t('observatory.staff.upload.previewCaption', { count: view.rows.length })}</caption>
      <thead><tr>${view.header.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${view.rows.map((r) => html`<tr>${view.header.map((_, i) => html`<td>${r[i] ?? ''}</td>`)}</tr>`)}</tbody>
    </table>`)}
    ${view.mapping ? mappingForm(req, view, view.mapping) : ''}
    <h2 class="h3 mt-4" id="report">${t('observatory.staff.report.title')}</h2>
    ${!isChecked
      ? html`<p>${t('observatory.staff.report.pending')}</p>`
      : isClean
        ? html`<div class="alert alert-success" role="status">${t('observatory.staff.report.clean', { count: u.totalRows ?? 0 })}</div>`
        : issuesTable(req, u.report!)}
    ${isClean ? importForm(req, view) : ''}`;
}
