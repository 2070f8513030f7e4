import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { html, raw, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import type { Edition } from '../data/records.ts';
import type { EditionAbilities } from '../policy.ts';
import type { ApplicationStatus, EditionState } from '../domain/vocabulary.ts';

/** A calendar day in the reader's language. */
export function formatDay(req: FastifyRequest, date: string): string {
  return new Intl.DateTimeFormat(req.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** A calendar day with the weekday, for calendars. */
export function formatLongDay(req: FastifyRequest, date: string): string {
  return new Intl.DateTimeFormat(req.locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** An instant in Italian time, in the reader's language. */
export function formatInstant(req: FastifyRequest, instant: Date): string {
  return new Intl.DateTimeFormat(req.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(instant);
}

/** A number in the reader's language (a dash for null). */
export function formatNumber(req: FastifyRequest, value: number | null, digits = 1): string {
  return value === null ? '—' : new Intl.NumberFormat(req.locale, { maximumFractionDigits: digits }).format(value);
}

const STATE_CLASS: Record<EditionState, string> = { draft: 'bg-secondary', call_open: 'bg-success', call_closed: 'bg-warning text-dark', running: 'bg-primary', completed: 'bg-dark' };

/** An edition's state as a badge. */
export function stateBadge(req: FastifyRequest, state: EditionState): SafeHtml {
  return html`<span class="badge ${STATE_CLASS[state]}">${req.t(`training.states.${state}`)}</span>`;
}

const STATUS_CLASS: Record<ApplicationStatus, string> = { received: 'bg-secondary', admitted: 'bg-success', waiting: 'bg-warning text-dark', rejected: 'bg-danger', withdrawn: 'bg-dark' };

/** An application's status as a badge. */
export function statusBadge(req: FastifyRequest, status: ApplicationStatus): SafeHtml {
  return html`<span class="badge ${STATUS_CLASS[status]}">${req.t(`training.statuses.${status}`)}</span>`;
}

/** The confirmation after a redirect (`?done=…`), announced to screen readers; keys under `prefix`. */
export function notice(req: FastifyRequest, prefix: string, known: readonly string[]): SafeHtml {
  const done = (req.query as { done?: string } | undefined)?.done;
  if (!done || !known.includes(done)) return html``;
  return html`<div class="alert alert-success" role="status">${req.t(`${prefix}.${done}`)}</div>`;
}

/** Errors of an action (a button, not a form field) as one alert. */
export function actionErrors(req: FastifyRequest, errors: FieldError[] | null | undefined): SafeHtml {
  if (!errors || errors.length === 0) return html``;
  return html`<div class="alert alert-danger" role="alert" tabindex="-1" id="error-summary"><ul class="mb-0">${errors.map(
    (e) => html`<li>${req.t(e.messageKey, e.values)}</li>`,
  )}</ul></div>`;
}

const TABS = [
  { key: 'overview', path: '', manageOnly: false },
  { key: 'applications', path: '/applications', manageOnly: true },
  { key: 'groups', path: '/groups', manageOnly: false },
  { key: 'attendance', path: '/attendance', manageOnly: false },
  { key: 'work', path: '/work', manageOnly: false },
  { key: 'evaluation', path: '/evaluation', manageOnly: false },
  { key: 'certificates', path: '/certificates', manageOnly: true },
] as const;

/** The sub-navigation of an edition's staff pages (managers see every tab, trainers theirs). */
export function editionTabs(req: FastifyRequest, edition: Pick<Edition, 'id'>, abilities: EditionAbilities, current: (typeof TABS)[number]['key']): SafeHtml {
  return html`<nav class="cv-no-print mb-4" aria-label="${req.t('training.staff.edition.tabsLabel')}"><ul class="nav nav-tabs flex-nowrap overflow-auto">
    ${TABS.filter((tab) => abilities.canManage || !tab.manageOnly).map(
      (tab) => html`<li class="nav-item"><a class="nav-link${tab.key === current ? ' active' : ''}" href="${href(req, `/training/manage/editions/${edition.id}${tab.path}`)}"
        ${tab.key === current ? raw('aria-current="page"') : ''}>${req.t(`training.staff.edition.tabs.${tab.key}`)}</a></li>`,
    )}
  </ul></nav>`;
}

/** The breadcrumbs of every workspace page. */
export function workspaceCrumbs(req: FastifyRequest, ...more: { label: string; path: string }[]): { label: string; path: string }[] {
  return [{ label: req.t('training.staff.workspace.title'), path: '/training/manage' }, ...more];
}

/** A small POST form with one button (state changes, decisions). */
export function actionButton(req: FastifyRequest, options: { action: string; label: string; fields?: Record<string, string>; style?: string }): SafeHtml {
  return html`<form method="post" action="${options.action}" class="d-inline">${csrfField(req)}
    ${Object.entries(options.fields ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
    <button type="submit" class="btn btn-sm ${options.style ?? 'btn-outline-primary'}">${options.label}</button></form>`;
}

/** A group of checkboxes sending one name several times, inside a fieldset with a legend. */
export function checkboxGroup(
  req: FastifyRequest,
  state: { values: Record<string, unknown>; errors: FieldError[] },
  options: { name: string; legend: string; hint?: string; choices: { value: string; label: string }[] },
): SafeHtml {
  const error = state.errors.find((e) => e.field === options.name);
  const raw = state.values[options.name];
  const checked = new Set(Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : []);
  return html`<fieldset class="form-group" id="field-${options.name}" ${error ? html`aria-describedby="error-${options.name}"` : ''}>
    <legend class="h6">${options.legend}</legend>
    ${options.hint ? html`<p class="form-text small">${options.hint}</p>` : ''}
    ${options.choices.length === 0 ? html`<p class="small">${req.t('training.staff.common.noChoices')}</p>` : ''}
    ${options.choices.map(
      (c, i) => html`<div class="form-check">
        <input type="checkbox" id="${options.name}-${i}" name="${options.name}" value="${c.value}" ${checked.has(c.value) ? html`checked` : ''}>
        <label for="${options.name}-${i}">${c.label}</label></div>`,
    )}
    ${error ? html`<div id="error-${options.name}" class="invalid-feedback d-block">${req.t(error.messageKey, error.values)}</div>` : ''}
  </fieldset>`;
}
