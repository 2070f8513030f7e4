import type { FastifyRequest } from 'fastify';
import { pickText } from '../../../kernel/i18n/content.ts';
import { AUTONYMS, PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import { errorMessage, errorSummary, inputField, selectField, textareaField, type FormState } from '../../../kernel/web/forms.ts';
import { attrs, html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { SERVICE_DETAIL_FIELDS } from '../domain/service-input.ts';
import { COMMON_LANGUAGES } from '../domain/languages.ts';
import type { ServiceFormChoices } from '../http/form-data.ts';

/** The labels of the details form's fields (and of the creation-only ones), in the reader's language. */
export function serviceFieldLabels(req: FastifyRequest): Record<string, string> {
  const fields = [...SERVICE_DETAIL_FIELDS, 'owner', 'originalLocale'];
  return Object.fromEntries(fields.map((f) => [f, req.t(`directory.staff.fields.${f}`)]));
}

function errorOf(req: FastifyRequest, state: FormState, name: string): SafeHtml {
  const error = state.errors.find((e) => e.field === name);
  return error ? html`<div id="error-${name}" class="invalid-feedback d-block">${errorMessage(req, error)}</div>` : html``;
}

function checkedValues(state: FormState, name: string): Set<string> {
  const value = state.values[name];
  return new Set((Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(String));
}

/** The needs as checkboxes grouped under their top need. */
function needsFieldset(req: FastifyRequest, state: FormState, choices: ServiceFormChoices, label: string): SafeHtml {
  const checked = checkedValues(state, 'needs');
  const tops = choices.terms.filter((t) => t.parentId === null);
  const box = (id: string, text: string) =>
    html`<div class="form-check"><input ${attrs({ type: 'checkbox', id: `need-${id}`, name: 'needs', value: id, checked: checked.has(id) })}>
      <label for="need-${id}">${text}</label></div>`;
  return html`<fieldset id="field-needs" tabindex="-1" class="mb-4" aria-describedby="hint-needs${state.errors.some((e) => e.field === 'needs') ? ' error-needs' : ''}">
    <legend class="h6">${label} <span class="text-danger" aria-hidden="true">*</span></legend>
    <p id="hint-needs" class="form-text">${req.t('directory.staff.hints.needs')}</p>
    ${errorOf(req, state, 'needs')}
    <div class="row">${tops.map(
      (top) => html`<div class="col-md-6 mb-3"><p class="fw-semibold mb-1">${pickText(top.name, req.locale)?.value ?? top.code}</p>
        ${choices.terms.filter((t) => t.parentId === top.id).map((child) => box(child.id, pickText(child.name, req.locale)?.value ?? child.code ?? ''))}</div>`,
    )}</div>
  </fieldset>`;
}

/** The languages spoken, as checkboxes of the common ones plus a field for other ISO 639 codes. */
function languagesFieldset(req: FastifyRequest, state: FormState, choices: ServiceFormChoices, labels: Record<string, string>): SafeHtml {
  const checked = checkedValues(state, 'languages');
  const common = COMMON_LANGUAGES.map((code) => choices.languages.find((l) => l.code === code)).filter((l) => l !== undefined);
  return html`<fieldset id="field-languages" tabindex="-1" class="mb-3">
    <legend class="h6">${labels.languages}</legend>
    ${errorOf(req, state, 'languages')}
    <div class="row">${common.map(
      (l) => html`<div class="col-6 col-md-3"><div class="form-check"><input ${attrs({ type: 'checkbox', id: `language-${l.code}`, name: 'languages', value: l.code, checked: checked.has(l.code) })}>
        <label for="language-${l.code}">${l.name} <span lang="${l.code}">(${l.autonym})</span></label></div></div>`,
    )}</div>
  </fieldset>
  ${inputField(req, state, { name: 'otherLanguages', label: labels.otherLanguages!, maxLength: 200, hint: req.t('directory.staff.hints.otherLanguages') })}`;
}

/** The cost: free or paid, as radio buttons. */
function costFieldset(req: FastifyRequest, state: FormState, label: string): SafeHtml {
  const current = String(state.values.cost ?? 'free');
  const radio = (value: string) =>
    html`<div class="form-check form-check-inline"><input ${attrs({ type: 'radio', id: `cost-${value}`, name: 'cost', value, checked: current === value })}>
      <label for="cost-${value}">${req.t(`directory.staff.cost.${value}`)}</label></div>`;
  return html`<fieldset id="field-cost" tabindex="-1" class="mb-3"><legend class="h6">${label}</legend>${radio('free')}${radio('paid')}${errorOf(req, state, 'cost')}</fieldset>`;
}

/** The create or edit form of a service's details; `owners` is given only when creating. */
export function serviceFormView(
  req: FastifyRequest,
  options: { title: string; action: string; cancel: string; state: FormState; choices: ServiceFormChoices; owners?: { value: string; label: string }[]; writingLocale: string },
): SafeHtml {
  const t = req.t;
  const { state, choices } = options;
  const labels = serviceFieldLabels(req);
  const text = (name: string, isRequired = false, maxLength = 200) => inputField(req, state, { name, label: labels[name]!, isRequired, maxLength });
  const area = (name: string, rows = 4, hintKey?: string) => textareaField(req, state, { name, label: labels[name]!, rows, hint: hintKey ? t(hintKey) : undefined });
  return html`<h1 class="cv-page-title">${options.title}</h1>
    ${errorSummary(req, state, labels)}
    <p class="small">${t('forms.requiredNote')}</p>
    <form method="post" action="${href(req, options.action)}" novalidate>
      ${csrfField(req)}
      ${options.owners
        ? html`${selectField(req, state, { name: 'owner', label: labels.owner!, isRequired: true, placeholder: t('directory.staff.common.choose'), choices: options.owners })}
          ${selectField(req, state, {
            name: 'originalLocale',
            label: labels.originalLocale!,
            isRequired: true,
            hint: t('directory.staff.hints.originalLocale'),
            choices: PUBLIC_LOCALES.map((l) => ({ value: l, label: AUTONYMS[l] })),
          })}`
        : html`<p>${t('directory.staff.hints.writingIn', { language: AUTONYMS[options.writingLocale as keyof typeof AUTONYMS] ?? options.writingLocale })}</p>`}
      <h2 class="h4 mt-4">${t('directory.staff.sections.what')}</h2>
      ${text('name', true)} ${text('alternateName')}
      ${textareaField(req, state, { name: 'description', label: labels.description!, rows: 5, isRequired: true, hint: t('directory.staff.hints.description') })}
      ${needsFieldset(req, state, choices, labels.needs!)}
      <h2 class="h4 mt-4">${t('directory.staff.sections.who')}</h2>
      ${area('eligibility', 3)}
      <div class="row"><div class="col-6 col-md-3">${inputField(req, state, { name: 'minimumAge', label: labels.minimumAge!, type: 'number', inputmode: 'numeric' })}</div>
        <div class="col-6 col-md-3">${inputField(req, state, { name: 'maximumAge', label: labels.maximumAge!, type: 'number', inputmode: 'numeric' })}</div></div>
      <h2 class="h4 mt-4">${t('directory.staff.sections.how')}</h2>
      ${area('applicationProcess', 3)} ${area('documents', 4, 'directory.staff.hints.documents')}
      ${costFieldset(req, state, labels.cost!)} ${area('feesDescription', 2, 'directory.staff.hints.feesDescription')}
      <h2 class="h4 mt-4">${t('directory.staff.sections.languages')}</h2>
      ${languagesFieldset(req, state, choices, labels)} ${area('interpretationServices', 2)}
      <h2 class="h4 mt-4">${t('directory.staff.sections.contacts')}</h2>
      <div class="row"><div class="col-md-5">${inputField(req, state, { name: 'phone1Number', label: labels.phone1Number!, type: 'tel', autocomplete: 'off', maxLength: 40, dir: 'ltr' })}</div>
        <div class="col-md-7">${text('phone1Description')}</div>
        <div class="col-md-5">${inputField(req, state, { name: 'phone2Number', label: labels.phone2Number!, type: 'tel', autocomplete: 'off', maxLength: 40, dir: 'ltr' })}</div>
        <div class="col-md-7">${text('phone2Description')}</div></div>
      ${inputField(req, state, { name: 'url', label: labels.url!, type: 'url', maxLength: 500, hint: t('directory.staff.hints.url'), dir: 'ltr' })}
      ${inputField(req, state, { name: 'email', label: labels.email!, type: 'email', maxLength: 254, dir: 'ltr' })}
      <h2 class="h4 mt-4">${t('directory.staff.sections.status')}</h2>
      ${selectField(req, state, {
        name: 'status',
        label: labels.status!,
        isRequired: true,
        choices: ['active', 'temporarily closed', 'inactive', 'defunct'].map((s) => ({ value: s, label: t(`directory.staff.serviceStatus.${s.replace(' ', '_')}`) })),
      })}
      ${area('alert', 2, 'directory.staff.hints.alert')}
      <div class="mt-4"><button type="submit" class="btn btn-primary">${t('forms.save')}</button>
        <a class="btn btn-outline-secondary" href="${href(req, options.cancel)}">${t('forms.cancel')}</a></div>
    </form>`;
}
