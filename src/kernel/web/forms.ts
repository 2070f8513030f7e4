import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../http/errors.ts';
import { attrs, html, type SafeHtml } from './html.ts';

/** What a form shows again after a failed submission: the values sent and the errors per field. */
export interface FormState {
  values: Record<string, unknown>;
  errors: FieldError[];
}

/** An empty form state, optionally with initial values. */
export function emptyForm(values: Record<string, unknown> = {}): FormState {
  return { values, errors: [] };
}

function errorOf(state: FormState, name: string): FieldError | undefined {
  return state.errors.find((e) => e.field === name);
}

function valueOf(state: FormState, name: string): string {
  const v = state.values[name];
  return v === undefined || v === null ? '' : String(v);
}

/** The localised message of a field error. */
export function errorMessage(req: FastifyRequest, error: FieldError): string {
  return req.t(error.messageKey, error.values);
}

/** The list of errors at the top of a form, each linking to its field, naming it by its label. */
export function errorSummary(req: FastifyRequest, state: FormState, labels: Record<string, string>): SafeHtml {
  if (state.errors.length === 0) return html``;
  return html`<div class="alert alert-danger cv-error-summary" role="alert" tabindex="-1" id="error-summary">
    <h2 class="h5">${req.t('forms.errorSummary', { count: state.errors.length })}</h2>
    <ul class="mb-0">${state.errors.map(
      (e) => html`<li><a href="#field-${e.field}">${labels[e.field] ?? e.field}: ${errorMessage(req, e)}</a></li>`,
    )}</ul></div>`;
}

interface FieldOptions {
  name: string;
  label: string;
  hint?: string;
  isRequired?: boolean;
}

function describedBy(name: string, hint: string | undefined, error: FieldError | undefined): string | null {
  const ids = [hint ? `hint-${name}` : '', error ? `error-${name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : null;
}

function fieldFooter(req: FastifyRequest, name: string, hint: string | undefined, error: FieldError | undefined): SafeHtml {
  return html`${hint ? html`<small id="hint-${name}" class="form-text">${hint}</small>` : ''}
    ${error ? html`<div id="error-${name}" class="invalid-feedback d-block">${errorMessage(req, error)}</div>` : ''}`;
}

function labelText(req: FastifyRequest, label: string, isRequired: boolean | undefined): SafeHtml {
  return html`${label}${isRequired ? html` <span class="text-danger" aria-hidden="true">*</span><span class="visually-hidden">(${req.t('forms.required')})</span>` : ''}`;
}

/** A text-like input (text, email, password, number, date, tel, url). */
export function inputField(
  req: FastifyRequest,
  state: FormState,
  options: FieldOptions & { type?: string; autocomplete?: string; inputmode?: string; maxLength?: number; dir?: string },
): SafeHtml {
  const error = errorOf(state, options.name);
  const isPassword = options.type === 'password';
  return html`<div class="form-group">
    <label for="field-${options.name}" class="active">${labelText(req, options.label, options.isRequired)}</label>
    <input ${attrs({
      type: options.type ?? 'text',
      id: `field-${options.name}`,
      name: options.name,
      class: `form-control${error ? ' is-invalid' : ''}`,
      value: isPassword ? null : valueOf(state, options.name),
      required: options.isRequired ?? false,
      autocomplete: options.autocomplete ?? null,
      inputmode: options.inputmode ?? null,
      maxlength: options.maxLength ?? null,
      dir: options.dir ?? null,
      'aria-invalid': error ? 'true' : null,
      'aria-describedby': describedBy(options.name, options.hint, error),
    })}>
    ${fieldFooter(req, options.name, options.hint, error)}
  </div>`;
}

/** A multi-line text input. */
export function textareaField(req: FastifyRequest, state: FormState, options: FieldOptions & { rows?: number }): SafeHtml {
  const error = errorOf(state, options.name);
  return html`<div class="form-group">
    <label for="field-${options.name}" class="active">${labelText(req, options.label, options.isRequired)}</label>
    <textarea ${attrs({
      id: `field-${options.name}`,
      name: options.name,
      rows: options.rows ?? 4,
      class: `form-control${error ? ' is-invalid' : ''}`,
      required: options.isRequired ?? false,
      'aria-invalid': error ? 'true' : null,
      'aria-describedby': describedBy(options.name, options.hint, error),
    })}>${valueOf(state, options.name)}</textarea>
    ${fieldFooter(req, options.name, options.hint, error)}
  </div>`;
}

/** A drop-down list. */
export function selectField(
  req: FastifyRequest,
  state: FormState,
  options: FieldOptions & { choices: { value: string; label: string }[]; placeholder?: string },
): SafeHtml {
  const error = errorOf(state, options.name);
  const current = valueOf(state, options.name);
  return html`<div class="select-wrapper form-group">
    <label for="field-${options.name}" class="active">${labelText(req, options.label, options.isRequired)}</label>
    <select ${attrs({
      id: `field-${options.name}`,
      name: options.name,
      class: error ? 'is-invalid' : null,
      required: options.isRequired ?? false,
      'aria-invalid': error ? 'true' : null,
      'aria-describedby': describedBy(options.name, options.hint, error),
    })}>
      ${options.placeholder !== undefined ? html`<option value="">${options.placeholder}</option>` : ''}
      ${options.choices.map((c) => html`<option value="${c.value}" ${attrs({ selected: c.value === current })}>${c.label}</option>`)}
    </select>
    ${fieldFooter(req, options.name, options.hint, error)}
  </div>`;
}

/** A single checkbox. */
export function checkboxField(req: FastifyRequest, state: FormState, options: FieldOptions): SafeHtml {
  const error = errorOf(state, options.name);
  const v = state.values[options.name];
  const isChecked = v === true || v === 'on' || v === 'true';
  return html`<div class="form-check mb-3">
    <input ${attrs({ type: 'checkbox', id: `field-${options.name}`, name: options.name, value: 'true', checked: isChecked,
      'aria-describedby': describedBy(options.name, options.hint, error) })}>
    <label for="field-${options.name}">${options.label}</label>
    ${fieldFooter(req, options.name, options.hint, error)}
  </div>`;
}
