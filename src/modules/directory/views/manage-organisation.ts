import type { FastifyRequest } from 'fastify';
import { AUTONYMS, isLocale } from '../../../kernel/i18n/locales.ts';
import { errorSummary, inputField, textareaField, type FormState } from '../../../kernel/web/forms.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import type { OrganisationListItem } from '../data/organisation-repository.ts';
import { ORGANISATION_PROFILE_FIELDS } from '../domain/organisation-input.ts';
import type { OrganisationOverview } from '../use-cases/show-organisation.ts';
import { detailRow, formatDate, MANAGE, notice, organisationPath, pagination, servicePath, shownText, stateBadge } from './manage-components.ts';
import { historyTable } from './manage-service.ts';

/** The labels of the profile form's fields, in the reader's language. */
export function organisationFieldLabels(req: FastifyRequest): Record<string, string> {
  return Object.fromEntries(ORGANISATION_PROFILE_FIELDS.map((f) => [f, req.t(`directory.staff.organisation.fields.${f}`)]));
}

/** The organisations a person may open, filtered by name. */
export function organisationListView(req: FastifyRequest, view: { items: OrganisationListItem[]; total: number; page: number; perPage: number; q?: string }): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('directory.staff.organisation.listTitle')}</h1>
    <p>${t('directory.staff.organisation.listIntro')}</p>
    <form method="get" action="${href(req, `${MANAGE}/organisations`)}" class="row g-3 align-items-end mb-4" role="search" aria-label="${t('directory.staff.organisation.filters')}">
      <div class="col-md-8"><div class="form-group mb-0"><label for="filter-q" class="active">${t('directory.staff.list.query')}</label>
        <input type="search" id="filter-q" name="q" class="form-control" value="${view.q ?? ''}" maxlength="100"></div></div>
      <div class="col-md-4"><button type="submit" class="btn btn-outline-primary w-100">${t('directory.staff.list.filter')}</button></div>
    </form>
    <p role="status">${t('directory.staff.organisation.results', { count: view.total })}</p>
    ${view.items.length === 0
      ? html`<p>${t('directory.staff.organisation.empty')}</p>`
      : html`<div class="table-responsive"><table class="table table-striped"><caption>${t('directory.staff.organisation.caption')}</caption>
          <thead><tr><th scope="col">${t('directory.staff.organisation.fields.name')}</th>
            <th scope="col">${t('directory.staff.organisation.services')}</th><th scope="col">${t('directory.staff.organisation.publicServices')}</th></tr></thead>
          <tbody>${view.items.map(
            (o) => html`<tr><th scope="row"><a href="${href(req, organisationPath(o.id))}">${shownText(req, o.name)}</a></th>
              <td>${o.serviceCount}</td><td>${o.publicServiceCount}</td></tr>`,
          )}</tbody></table></div>`}
    ${pagination(req, { page: view.page, perPage: view.perPage, total: view.total, path: `${MANAGE}/organisations`, query: { q: view.q } })}`;
}

const link = (url: string | null) => (url && /^https?:\/\//i.test(url) ? html`<a href="${url}" dir="ltr">${url}</a>` : url);

/** The staff page of one organisation: its directory profile, its services and the profile's recent changes. */
export function organisationProfileView(req: FastifyRequest, view: OrganisationOverview): SafeHtml {
  const t = req.t;
  const p = view.profile;
  const label = (field: string) => t(`directory.staff.organisation.fields.${field}`);
  return html`<h1 class="cv-page-title">${shownText(req, p.name)}</h1>
    ${notice(req)}
    <p>${t('directory.staff.organisation.publicNote')}</p>
    ${view.abilities.canUpdate ? html`<p><a class="btn btn-primary" href="${href(req, organisationPath(p.id, '/edit'))}">${t('directory.staff.organisation.edit')}</a></p>` : ''}
    <h2 class="h4">${t('directory.staff.organisation.sections.about')}</h2>
    <dl class="row">
      ${detailRow(label('alternateName'), shownText(req, p.alternateName))}
      ${detailRow(label('description'), shownText(req, p.description))}
    </dl>
    <h2 class="h4">${t('directory.staff.organisation.sections.contacts')}</h2>
    <dl class="row">
      ${detailRow(label('website'), link(p.website))}
      ${detailRow(label('email'), p.email ? html`<a href="mailto:${p.email}" dir="ltr">${p.email}</a>` : null)}
      ${detailRow(
        label('phones'),
        p.phones.length
          ? html`<ul class="list-unstyled mb-0">${p.phones.map((ph) => html`<li><span dir="ltr">${ph.number}</span>${ph.description ? html` — ${shownText(req, ph.description)}` : ''}</li>`)}</ul>`
          : null,
      )}
    </dl>
    <h2 class="h4">${t('directory.staff.organisation.sections.legal')}</h2>
    <dl class="row">
      ${detailRow(label('legalStatus'), p.legalStatus)}
      ${detailRow(label('taxId'), p.taxId)}
      ${detailRow(label('yearIncorporated'), p.yearIncorporated === null ? null : String(p.yearIncorporated))}
      ${detailRow(t('directory.staff.organisation.updated'), formatDate(req, p.updatedAt))}
    </dl>
    <h2 class="h4">${t('directory.staff.organisation.servicesTitle')}</h2>
    ${view.services.items.length === 0
      ? html`<p>${t('directory.staff.organisation.noServices')}</p>`
      : html`<ul>${view.services.items.map((s) => html`<li><a href="${href(req, servicePath(s.id))}">${shownText(req, s.name)}</a> ${stateBadge(req, s.workflowState)}</li>`)}</ul>
          ${view.services.total > view.services.items.length ? html`<p>${t('directory.staff.organisation.moreServices', { count: view.services.total - view.services.items.length })}</p>` : ''}`}
    <h2 class="h4">${t('directory.staff.history.title')}</h2>
    ${historyTable(req, view.history, t('directory.staff.organisation.historyCaption'))}`;
}

/** The form of an organisation's directory profile (texts in the organisation's original language). */
export function organisationFormView(req: FastifyRequest, options: { title: string; action: string; cancel: string; state: FormState; writingLocale: string }): SafeHtml {
  const t = req.t;
  const { state } = options;
  const labels = organisationFieldLabels(req);
  const language = isLocale(options.writingLocale) ? AUTONYMS[options.writingLocale] : options.writingLocale;
  const text = (name: string, extra: { isRequired?: boolean; maxLength?: number; hint?: string; type?: string; inputmode?: string; autocomplete?: string; dir?: string } = {}) =>
    inputField(req, state, { name, label: labels[name]!, maxLength: 200, ...extra });
  return html`<h1 class="cv-page-title">${options.title}</h1>
    ${errorSummary(req, state, labels)}
    <p class="small">${t('forms.requiredNote')}</p>
    <form method="post" action="${href(req, options.action)}" novalidate>
      ${csrfField(req)}
      <p>${t('directory.staff.organisation.writingIn', { language })}</p>
      <h2 class="h4 mt-4">${t('directory.staff.organisation.sections.about')}</h2>
      ${text('name', { isRequired: true })} ${text('alternateName')}
      ${textareaField(req, state, { name: 'description', label: labels.description!, rows: 5, isRequired: true, hint: t('directory.staff.organisation.hints.description') })}
      <h2 class="h4 mt-4">${t('directory.staff.organisation.sections.contacts')}</h2>
      ${text('website', { type: 'url', maxLength: 500, hint: t('directory.staff.hints.url'), autocomplete: 'url', dir: 'ltr' })}
      ${text('email', { type: 'email', maxLength: 254, autocomplete: 'email', dir: 'ltr' })}
      <div class="row"><div class="col-md-5">${text('phone1Number', { type: 'tel', maxLength: 40, autocomplete: 'off', dir: 'ltr' })}</div>
        <div class="col-md-7">${text('phone1Description')}</div>
        <div class="col-md-5">${text('phone2Number', { type: 'tel', maxLength: 40, autocomplete: 'off', dir: 'ltr' })}</div>
        <div class="col-md-7">${text('phone2Description')}</div></div>
      <h2 class="h4 mt-4">${t('directory.staff.organisation.sections.legal')}</h2>
      ${text('legalStatus', { hint: t('directory.staff.organisation.hints.legalStatus') })}
      <div class="row"><div class="col-md-6">${text('taxId', { maxLength: 20, hint: t('directory.staff.organisation.hints.taxId'), autocomplete: 'off', dir: 'ltr' })}</div>
        <div class="col-md-6">${text('yearIncorporated', { type: 'number', inputmode: 'numeric', maxLength: 4 })}</div></div>
      <div class="mt-4"><button type="submit" class="btn btn-primary">${t('forms.save')}</button>
        <a class="btn btn-outline-secondary" href="${href(req, options.cancel)}">${t('forms.cancel')}</a></div>
    </form>`;
}

/** The profile as the form shows it first (original-language texts, phones in order). */
export function organisationValuesOf(profile: OrganisationOverview['profile']): Record<string, unknown> {
  const locale = profile.originalLocale as keyof NonNullable<typeof profile.name>;
  const original = (text: typeof profile.name | null) => text?.[locale]?.value ?? Object.values(text ?? {})[0]?.value ?? '';
  const values: Record<string, unknown> = {
    name: original(profile.name),
    alternateName: original(profile.alternateName),
    description: original(profile.description),
    website: profile.website ?? '',
    email: profile.email ?? '',
    legalStatus: profile.legalStatus ?? '',
    taxId: profile.taxId ?? '',
    yearIncorporated: profile.yearIncorporated ?? '',
  };
  profile.phones.slice(0, 2).forEach((phone, index) => {
    values[`phone${index + 1}Number`] = phone.number;
    values[`phone${index + 1}Description`] = original(phone.description);
  });
  return values;
}
