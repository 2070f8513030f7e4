import type { FastifyRequest } from 'fastify';
import { errorMessage, errorSummary, inputField, textareaField, type FormState } from '../../../kernel/web/forms.ts';
import { attrs, html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';
import { RANGES_PER_DAY, WEEKDAYS, rangeField } from '../domain/hours-input.ts';
import { actionForm, formatDate, servicePath, shownText } from './manage-components.ts';

/** The weekly hours form filled from ranges. */
export function hoursValuesOf(ranges: { day: string; opens: string; closes: string }[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const day of WEEKDAYS) {
    ranges
      .filter((r) => r.day === day)
      .slice(0, RANGES_PER_DAY)
      .forEach((r, i) => {
        values[rangeField(day, i + 1, 'opens')] = r.opens;
        values[rangeField(day, i + 1, 'closes')] = r.closes;
      });
  }
  return values;
}

/** Labels of every field of the hours and exception forms, for the error summary. */
export function hoursFieldLabels(req: FastifyRequest): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    for (let i = 1; i <= RANGES_PER_DAY; i++) {
      labels[rangeField(day, i, 'opens')] = req.t('directory.staff.hours.opensLabel', { day: req.t(`directory.staff.weekdays.${day}`), n: i });
      labels[rangeField(day, i, 'closes')] = req.t('directory.staff.hours.closesLabel', { day: req.t(`directory.staff.weekdays.${day}`), n: i });
    }
  }
  for (const f of ['startsOn', 'endsOn', 'kind', 'opensAt', 'closesAt', 'reason']) labels[f] = req.t(`directory.staff.exceptions.${f}`);
  return labels;
}

function timeInput(req: FastifyRequest, state: FormState, name: string, label: string): SafeHtml {
  const error = state.errors.find((e) => e.field === name);
  const value = state.values[name];
  return html`<label for="field-${name}" class="visually-hidden">${label}</label>
    <input ${attrs({ type: 'time', id: `field-${name}`, name, value: value === undefined ? '' : String(value), class: `form-control form-control-sm${error ? ' is-invalid' : ''}`,
      'aria-invalid': error ? 'true' : null, 'aria-describedby': error ? `error-${name}` : null })}>
    ${error ? html`<div id="error-${name}" class="invalid-feedback d-block">${errorMessage(req, error)}</div>` : ''}`;
}

/** The weekly hours form (several ranges a day) and the closures and special hours. */
export function hoursView(req: FastifyRequest, options: { serviceId: string; title: string; hours: FormState; exception: FormState; exceptions: ServiceSnapshot['scheduleExceptions'] }): SafeHtml {
  const t = req.t;
  const labels = hoursFieldLabels(req);
  const { hours, exception } = options;
  return html`<h1 class="cv-page-title">${options.title}</h1>
    <h2 class="h4">${t('directory.staff.hours.weeklyTitle')}</h2>
    ${errorSummary(req, hours, labels)}
    <p class="small">${t('directory.staff.hints.hours')}</p>
    <form method="post" action="${href(req, servicePath(options.serviceId, '/hours'))}" novalidate>${csrfField(req)}
      <div class="table-responsive"><table class="table table-sm align-middle"><caption>${t('directory.staff.hours.formCaption')}</caption>
        <thead><tr><th scope="col">${t('directory.staff.hours.day')}</th>
          ${Array.from({ length: RANGES_PER_DAY }, (_, i) => html`<th scope="col">${t('directory.staff.hours.range', { n: i + 1 })}</th>`)}</tr></thead>
        <tbody>${WEEKDAYS.map(
          (day) => html`<tr><th scope="row">${t(`directory.staff.weekdays.${day}`)}</th>
            ${Array.from({ length: RANGES_PER_DAY }, (_, i) => {
              const opens = rangeField(day, i + 1, 'opens');
              const closes = rangeField(day, i + 1, 'closes');
              return html`<td><div class="d-flex gap-1 align-items-start">${timeInput(req, hours, opens, labels[opens]!)}<span aria-hidden="true">–</span>${timeInput(req, hours, closes, labels[closes]!)}</div></td>`;
            })}</tr>`,
        )}</tbody></table></div>
      <button type="submit" class="btn btn-primary">${t('forms.save')}</button>
      <a class="btn btn-outline-secondary" href="${href(req, servicePath(options.serviceId))}">${t('forms.cancel')}</a>
    </form>
    <h2 class="h4 mt-5">${t('directory.staff.exceptions.title')}</h2>
    ${options.exceptions.length === 0 ? html`<p>${t('directory.staff.exceptions.none')}</p>` : ''}
    <ul class="list-unstyled">${options.exceptions.map(
      (e) => html`<li class="mb-2">${formatDate(req, e.starts_on)}${e.ends_on !== e.starts_on ? html` – ${formatDate(req, e.ends_on)}` : ''}:
        ${e.is_closed ? t('directory.staff.hours.closed') : `${(e.opens_at ?? '').slice(0, 5)}–${(e.closes_at ?? '').slice(0, 5)}`} ${e.reason ? html`(${shownText(req, e.reason)})` : ''}
        ${actionForm(req, { path: servicePath(options.serviceId, `/exceptions/${e.id}/remove`), label: t('directory.staff.exceptions.remove'), csrf: csrfField(req), style: 'btn-sm btn-outline-danger ms-2' })}</li>`,
    )}</ul>
    <h3 class="h5">${t('directory.staff.exceptions.add')}</h3>
    ${errorSummary(req, exception, labels)}
    <form method="post" action="${href(req, servicePath(options.serviceId, '/exceptions'))}" novalidate>${csrfField(req)}
      <div class="row"><div class="col-md-4">${inputField(req, exception, { name: 'startsOn', label: labels.startsOn!, type: 'date', isRequired: true })}</div>
        <div class="col-md-4">${inputField(req, exception, { name: 'endsOn', label: labels.endsOn!, type: 'date', hint: t('directory.staff.hints.endsOn') })}</div></div>
      <fieldset id="field-kind" class="mb-3"><legend class="h6">${labels.kind}</legend>
        ${['closed', 'special'].map(
          (kind) => html`<div class="form-check form-check-inline"><input ${attrs({ type: 'radio', id: `kind-${kind}`, name: 'kind', value: kind, checked: String(exception.values.kind ?? 'closed') === kind })}>
            <label for="kind-${kind}">${t(`directory.staff.exceptions.${kind}`)}</label></div>`,
        )}</fieldset>
      <div class="row"><div class="col-6 col-md-3">${inputField(req, exception, { name: 'opensAt', label: labels.opensAt!, type: 'time' })}</div>
        <div class="col-6 col-md-3">${inputField(req, exception, { name: 'closesAt', label: labels.closesAt!, type: 'time' })}</div></div>
      ${textareaField(req, exception, { name: 'reason', label: labels.reason!, rows: 2 })}
      <button type="submit" class="btn btn-outline-primary">${t('directory.staff.exceptions.add')}</button>
    </form>`;
}
