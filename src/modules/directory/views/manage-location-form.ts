import type { FastifyRequest } from 'fastify';
import { errorSummary, inputField, textareaField, type FormState } from '../../../kernel/web/forms.ts';
import { attrs, html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { municipalityLabel, type MunicipalityOption } from '../domain/location-input.ts';

const FIELDS = ['locationType', 'name', 'address1', 'address2', 'postalCode', 'municipality', 'latitude', 'longitude', 'url', 'description', 'transportation', 'accessibility'];

/** The labels of the location form's fields. */
export function locationFieldLabels(req: FastifyRequest): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, req.t(`directory.staff.location.${f}`)]));
}

/**
 * The location form. The municipality is typed (a list of the region's municipalities helps, without
 * JavaScript) and checked against the ISTAT list on the server.
 */
export function locationFormView(
  req: FastifyRequest,
  options: { title: string; action: string; cancel: string; state: FormState; municipalities: MunicipalityOption[]; regionName: string },
): SafeHtml {
  const t = req.t;
  const { state } = options;
  const labels = locationFieldLabels(req);
  const type = String(state.values.locationType ?? 'physical');
  const hasMunicipalityError = state.errors.some((e) => e.field === 'municipality');
  return html`<h1 class="cv-page-title">${options.title}</h1>
    ${errorSummary(req, state, labels)}
    <p class="small">${t('forms.requiredNote')}</p>
    <form method="post" action="${href(req, options.action)}" novalidate>${csrfField(req)}
      <fieldset id="field-locationType" class="mb-3"><legend class="h6">${labels.locationType}</legend>
        ${['physical', 'virtual'].map(
          (value) => html`<div class="form-check form-check-inline"><input ${attrs({ type: 'radio', id: `locationType-${value}`, name: 'locationType', value, checked: type === value })}>
            <label for="locationType-${value}">${t(`directory.staff.location.types.${value}`)}</label></div>`,
        )}</fieldset>
      ${inputField(req, state, { name: 'name', label: labels.name!, maxLength: 200, hint: t('directory.staff.hints.locationName') })}
      <h2 class="h5 mt-4">${t('directory.staff.location.addressTitle')}</h2>
      <p class="small">${t('directory.staff.hints.address')}</p>
      ${inputField(req, state, { name: 'address1', label: labels.address1!, maxLength: 200, autocomplete: 'address-line1' })}
      ${inputField(req, state, { name: 'address2', label: labels.address2!, maxLength: 200, autocomplete: 'address-line2' })}
      <div class="row"><div class="col-md-4">${inputField(req, state, { name: 'postalCode', label: labels.postalCode!, maxLength: 5, inputmode: 'numeric', autocomplete: 'postal-code' })}</div>
        <div class="col-md-8"><div class="form-group">
          <label for="field-municipality" class="active">${labels.municipality}</label>
          <input ${attrs({ type: 'text', id: 'field-municipality', name: 'municipality', list: 'municipality-options', class: `form-control${state.errors.some((e) => e.field === 'municipality') ? ' is-invalid' : ''}`,
            value: String(state.values.municipality ?? ''), autocomplete: 'off', 'aria-invalid': hasMunicipalityError ? 'true' : null,
            'aria-describedby': hasMunicipalityError ? 'hint-municipality error-municipality' : 'hint-municipality' })}>
          <small id="hint-municipality" class="form-text">${t('directory.staff.hints.municipality', { region: options.regionName })}</small>
          ${state.errors.filter((e) => e.field === 'municipality').map((e) => html`<div id="error-municipality" class="invalid-feedback d-block">${req.t(e.messageKey, e.values)}</div>`)}
          <datalist id="municipality-options">${options.municipalities.map((m) => html`<option value="${municipalityLabel(m)}"></option>`)}</datalist>
        </div></div></div>
      <div class="row"><div class="col-6">${inputField(req, state, { name: 'latitude', label: labels.latitude!, inputmode: 'decimal', maxLength: 20 })}</div>
        <div class="col-6">${inputField(req, state, { name: 'longitude', label: labels.longitude!, inputmode: 'decimal', maxLength: 20 })}</div></div>
      <p class="small">${t('directory.staff.hints.coordinates')}</p>
      ${inputField(req, state, { name: 'url', label: labels.url!, type: 'url', maxLength: 500, hint: t('directory.staff.hints.locationUrl') })}
      ${textareaField(req, state, { name: 'description', label: labels.description!, rows: 2 })}
      ${textareaField(req, state, { name: 'transportation', label: labels.transportation!, rows: 2, hint: t('directory.staff.hints.transportation') })}
      ${textareaField(req, state, { name: 'accessibility', label: labels.accessibility!, rows: 2, hint: t('directory.staff.hints.accessibility') })}
      <button type="submit" class="btn btn-primary">${t('forms.save')}</button>
      <a class="btn btn-outline-secondary" href="${href(req, options.cancel)}">${t('forms.cancel')}</a>
    </form>`;
}
