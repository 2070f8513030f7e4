import type { FastifyRequest } from 'fastify';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import { AUTONYMS, PUBLIC_LOCALES, directionOf, type Locale } from '../../../kernel/i18n/locales.ts';
import { errorSummary, type FormState } from '../../../kernel/web/forms.ts';
import { attrs, html, raw, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import type { TranslationTask } from '../use-cases/list-translation-gaps.ts';
import { MANAGE, notice, pagination, servicePath, shownText } from './manage-components.ts';

/** The language picker and, for the language chosen, the services with missing or outdated texts. */
export function translationListView(req: FastifyRequest, view: { locale: Locale; items: TranslationTask[]; total: number; page: number; perPage: number }): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('directory.staff.translations.title')}</h1>
    <form method="get" action="${href(req, `${MANAGE}/translations`)}" class="row g-3 align-items-end mb-4">
      <div class="col-md-6"><div class="select-wrapper"><label for="filter-language" class="active">${t('directory.staff.translations.language')}</label>
        <select id="filter-language" name="language" class="form-select">${PUBLIC_LOCALES.map(
          (l) => html`<option value="${l}" ${l === view.locale ? 'selected' : ''}>${AUTONYMS[l]}</option>`,
        )}</select></div></div>
      <div class="col-md-3"><button type="submit" class="btn btn-outline-primary w-100">${t('directory.staff.list.filter')}</button></div>
    </form>
    <p role="status">${t('directory.staff.translations.results', { count: view.total, language: AUTONYMS[view.locale] })}</p>
    ${view.items.length === 0
      ? html`<p>${t('directory.staff.translations.empty')}</p>`
      : html`<div class="table-responsive"><table class="table table-striped"><caption>${t('directory.staff.translations.caption', { language: AUTONYMS[view.locale] })}</caption>
          <thead><tr><th scope="col">${t('directory.staff.fields.name')}</th><th scope="col">${t('directory.staff.translations.missing')}</th>
            <th scope="col">${t('directory.staff.translations.outdated')}</th></tr></thead>
          <tbody>${view.items.map(
            (s) => html`<tr><th scope="row"><a href="${href(req, servicePath(s.id, `/translations/${view.locale}`))}">${shownText(req, s.name)}</a></th>
              <td>${s.missing.map((f) => html`<code>${f}</code> `)}</td><td>${s.outdated.map((f) => html`<code>${f}</code> `)}</td></tr>`,
          )}</tbody></table></div>`}
    ${pagination(req, { page: view.page, perPage: view.perPage, total: view.total, path: `${MANAGE}/translations`, query: { language: view.locale } })}`;
}

/** One field of the translation form: the original beside the translation, with its status. */
export interface TranslationRow {
  /** Form field suffix: a service field name, or `document_<id>`. */
  key: string;
  label: string;
  text: TranslatedText;
  isLong: boolean;
}

/** The translation form of one service into one language. */
export function translationFormView(
  req: FastifyRequest,
  view: { serviceId: string; serviceName: TranslatedText; locale: Locale; originalLocale: Locale; rows: TranslationRow[]; state: FormState },
): SafeHtml {
  const t = req.t;
  const { locale, originalLocale, state } = view;
  const labels = Object.fromEntries(view.rows.map((r) => [`value_${r.key}`, r.label]));
  return html`<h1 class="cv-page-title">${t('directory.staff.translations.formTitle', { language: AUTONYMS[locale] })}</h1>
    <p><strong>${shownText(req, view.serviceName)}</strong></p>
    <nav aria-label="${t('directory.staff.translations.otherLanguages')}"><ul class="list-inline">${PUBLIC_LOCALES.filter((l) => l !== originalLocale).map(
      (l) => html`<li class="list-inline-item"><a href="${href(req, servicePath(view.serviceId, `/translations/${l}`))}" lang="${l}" ${l === locale ? raw('aria-current="page"') : ''}>${AUTONYMS[l]}</a></li>`,
    )}</ul></nav>
    ${notice(req)}
    ${errorSummary(req, state, labels)}
    <p>${t('directory.staff.translations.formIntro', { original: AUTONYMS[originalLocale] })}</p>
    <form method="post" action="${href(req, servicePath(view.serviceId, `/translations/${locale}`))}" novalidate>${csrfField(req)}
      ${view.rows.map((row) => {
        const current = row.text[locale];
        const value = state.values[`value_${row.key}`] ?? current?.value ?? '';
        const status = String(state.values[`status_${row.key}`] ?? (current?.status === 'machine' ? 'machine' : 'reviewed'));
        return html`<fieldset class="border rounded p-3 mb-4"><legend class="h6 px-2 w-auto">${row.label}
            ${current?.status === 'outdated' ? html`<span class="badge bg-warning text-dark">${t('directory.staff.translations.isOutdated')}</span>` : ''}
            ${!current ? html`<span class="badge bg-secondary">${t('directory.staff.translations.isMissing')}</span>` : ''}</legend>
          <p class="mb-1 fw-semibold">${t('directory.staff.translations.original', { language: AUTONYMS[originalLocale] })}</p>
          <blockquote class="border-start ps-3 mb-3" lang="${originalLocale}" dir="${directionOf(originalLocale)}">${row.text[originalLocale]?.value ?? ''}</blockquote>
          <div class="form-group"><label for="field-value_${row.key}" class="active">${t('directory.staff.translations.translation', { language: AUTONYMS[locale] })}</label>
            ${row.isLong
              ? html`<textarea id="field-value_${row.key}" name="value_${row.key}" rows="4" class="form-control" lang="${locale}" dir="${directionOf(locale)}">${String(value)}</textarea>`
              : html`<input ${attrs({ type: 'text', id: `field-value_${row.key}`, name: `value_${row.key}`, class: 'form-control', lang: locale, dir: directionOf(locale), value: String(value) })}>`}</div>
          <div class="select-wrapper"><label for="field-status_${row.key}" class="active">${t('directory.staff.translations.status')}</label>
            <select id="field-status_${row.key}" name="status_${row.key}" class="form-select">
              ${['reviewed', 'machine'].map((s) => html`<option value="${s}" ${s === status ? 'selected' : ''}>${t(`directory.staff.translations.statuses.${s}`)}</option>`)}
            </select></div>
        </fieldset>`;
      })}
      <button type="submit" class="btn btn-primary">${t('forms.save')}</button>
      <a class="btn btn-outline-secondary" href="${href(req, servicePath(view.serviceId))}">${t('forms.cancel')}</a>
    </form>`;
}
