import type { FastifyRequest } from 'fastify';
import { CSRF_FIELD } from '../../../kernel/http/csrf.ts';
import { attrs, html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import { errorMessage, errorSummary, selectField, type FormState } from '../../../kernel/web/forms.ts';
import type { Dataset } from '../data/repository.ts';
import { textOf } from './components.ts';

/** What the upload form offers: the datasets and regions the analyst may import into. */
export interface UploadFormView {
  datasets: Dataset[];
  regions: { code: string; name: string }[];
  canImportNational: boolean;
  maxMegabytes: number;
}

/** The first step of an import: choose the file and where it goes. Works without JavaScript. */
export function uploadFormView(req: FastifyRequest, state: FormState, view: UploadFormView): SafeHtml {
  const t = req.t;
  const labels = { file: t('observatory.staff.upload.fields.file'), dataset: t('observatory.staff.upload.fields.dataset'), region: t('observatory.staff.upload.fields.region') };
  const fileError = state.errors.find((e) => e.field === 'file');
  const regionChoices = [
    ...(view.canImportNational ? [{ value: 'national', label: t('observatory.staff.upload.national') }] : []),
    ...view.regions.map((r) => ({ value: r.code, label: r.name })),
  ];
  return html`<h1 class="cv-page-title">${t('observatory.staff.upload.title')}</h1>
    <p class="lead">${t('observatory.staff.upload.lead')}</p>
    ${errorSummary(req, state, labels)}
    <form method="post" enctype="multipart/form-data" action="${href(req, '/observatory/manage/uploads')}?${CSRF_FIELD}=${encodeURIComponent(req.csrfToken)}" novalidate>
      ${selectField(req, state, {
        name: 'dataset',
        label: labels.dataset,
        hint: t('observatory.staff.upload.datasetHint'),
        choices: [{ value: 'new', label: t('observatory.staff.upload.newDataset') }, ...view.datasets.map((d) => ({ value: d.id, label: `${textOf(req, d.title) || d.key} (${d.key})` }))],
      })}
      ${selectField(req, state, { name: 'region', label: labels.region, hint: t('observatory.staff.upload.regionHint'), choices: regionChoices })}
      <div class="form-group">
        <label for="field-file" class="active">${labels.file} <span class="text-danger" aria-hidden="true">*</span><span class="visually-hidden">(${t('forms.required')})</span></label>
        <input ${attrs({
          type: 'file',
          id: 'field-file',
          name: 'file',
          class: `form-control${fileError ? ' is-invalid' : ''}`,
          accept: '.csv,.txt,text/csv,text/plain',
          required: true,
          'aria-invalid': fileError ? 'true' : null,
          'aria-describedby': fileError ? 'hint-file error-file' : 'hint-file',
        })}>
        <small id="hint-file" class="form-text">${t('observatory.staff.upload.fileHint', { megabytes: view.maxMegabytes })}</small>
        ${fileError ? html`<div id="error-file" class="invalid-feedback d-block">${errorMessage(req, fileError)}</div>` : ''}
      </div>
      <button type="submit" class="btn btn-primary">${t('observatory.staff.upload.submit')}</button>
    </form>`;
}
