import type { FastifyRequest } from 'fastify';
import { pickText } from '../../../kernel/i18n/content.ts';
import { isLocale } from '../../../kernel/i18n/locales.ts';
import { html, raw, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import type { TermItem } from '../data/taxonomy-repository.ts';
import type { MetadataEntry } from '../data/metadata-repository.ts';
import type { LocationRecord } from '../data/location-repository.ts';
import type { ServiceOverview } from '../use-cases/show-service.ts';
import { WEEKDAYS } from '../domain/hours-input.ts';
import { actionForm, detailRow, formatDate, formatDateTime, localeName, notice, organisationPath, scrollingTable, servicePath, shownText, stateBadge } from './manage-components.ts';
import { servicePhones } from './manage-service-values.ts';

/** Numbers, addresses and times keep their left-to-right order on right-to-left pages; empty stays empty. */
const ltr = (value: string | null | undefined): SafeHtml | null => (value ? html`<span dir="ltr">${value}</span>` : null);

/** The weekly hours as a table, one row per weekday. */
export function hoursTable(req: FastifyRequest, schedules: { byday: string | null; opens_at: string | null; closes_at: string | null; freq: string | null }[]): SafeHtml {
  const weekly = schedules.filter((s) => s.freq === 'WEEKLY' && s.byday);
  if (weekly.length === 0) return html`<p>${req.t('directory.staff.hours.none')}</p>`;
  return html`<table class="table table-sm w-auto"><caption>${req.t('directory.staff.hours.caption')}</caption>
    <thead><tr><th scope="col">${req.t('directory.staff.hours.day')}</th><th scope="col">${req.t('directory.staff.hours.open')}</th></tr></thead>
    <tbody>${WEEKDAYS.map((day) => {
      const ranges = weekly.filter((s) => s.byday === day).map((s) => `${(s.opens_at ?? '').slice(0, 5)}–${(s.closes_at ?? '').slice(0, 5)}`);
      return html`<tr><th scope="row">${req.t(`directory.staff.weekdays.${day}`)}</th><td>${ranges.length ? html`<span dir="ltr">${ranges.join(', ')}</span>` : req.t('directory.staff.hours.closed')}</td></tr>`;
    })}</tbody></table>`;
}

function locationSummary(req: FastifyRequest, location: LocationRecord): SafeHtml {
  const address = [location.address1, location.postalCode && location.city ? `${location.postalCode} ${location.city}` : location.city, location.stateProvince].filter(Boolean).join(', ');
  return html`<strong>${shownText(req, location.name)}</strong><br>
    ${location.locationType === 'virtual' ? (location.url && /^https?:\/\//i.test(location.url) ? html`<a href="${location.url}">${location.url}</a>` : location.url) : address}
    ${location.latitude !== null ? html`<br><small class="text-muted" dir="ltr">${location.latitude}, ${location.longitude}</small>` : ''}`;
}

const ACTION_TYPES = ['create', 'update', 'submit', 'publish', 'sendBack', 'archive', 'restore', 'verify', 'translate'];

/** The latest changes (HSDS metadata) of a service and its locations. */
export function historyTable(req: FastifyRequest, history: MetadataEntry[], caption: string): SafeHtml {
  if (history.length === 0) return html`<p>${req.t('directory.staff.history.empty')}</p>`;
  return scrollingTable(
    caption,
    html`<table class="table table-sm"><caption>${caption}</caption>
    <thead><tr><th scope="col">${req.t('directory.staff.history.when')}</th><th scope="col">${req.t('directory.staff.history.who')}</th>
      <th scope="col">${req.t('directory.staff.history.action')}</th><th scope="col">${req.t('directory.staff.history.field')}</th>
      <th scope="col">${req.t('directory.staff.history.before')}</th><th scope="col">${req.t('directory.staff.history.after')}</th></tr></thead>
    <tbody>${history.map(
      (h) => html`<tr><td>${formatDateTime(req, h.recordedAt)}</td><td>${h.updatedBy}</td><td>${ACTION_TYPES.includes(h.actionType) ? req.t(`directory.staff.actions.${h.actionType}`) : h.actionType}</td>
        <td><code>${h.resourceType === 'location' ? `location.${h.fieldName}` : h.fieldName}</code></td><td dir="auto">${h.previousValue}</td><td dir="auto">${h.replacementValue}</td></tr>`,
    )}</tbody></table>`,
  );
}

function actions(req: FastifyRequest, view: ServiceOverview, noteError?: string): SafeHtml {
  const id = view.header.id;
  const a = view.abilities;
  const csrf = csrfField(req);
  const t = req.t;
  const link = (path: string, label: string) => html`<a class="btn btn-outline-primary me-2 mb-2" href="${href(req, servicePath(id, path))}">${label}</a>`;
  return html`<div class="mb-3">
    ${a.canUpdate ? html`${link('/edit', t('directory.staff.service.edit'))}${link('/hours', t('directory.staff.service.hours'))}${link('/locations/new', t('directory.staff.service.addLocation'))}` : ''}
    ${link('/changes', t('directory.staff.service.changes'))}
    ${a.canTranslate ? link('/translations', t('directory.staff.service.translate')) : ''}
  </div>
  <div class="mb-3">
    ${a.canSubmit ? actionForm(req, { path: servicePath(id, '/submit'), label: t('directory.staff.workflow.submit'), csrf, style: 'btn-primary' }) : ''}
    ${a.canPublish ? actionForm(req, { path: servicePath(id, '/publish'), label: t('directory.staff.workflow.publish'), csrf, style: 'btn-success' }) : ''}
    ${a.canVerify ? actionForm(req, { path: servicePath(id, '/verify'), label: t('directory.staff.workflow.verify'), csrf }) : ''}
    ${a.canRestore ? actionForm(req, { path: servicePath(id, '/restore'), label: t('directory.staff.workflow.restore'), csrf }) : ''}
    ${a.canArchive ? actionForm(req, { path: servicePath(id, '/archive'), label: t('directory.staff.workflow.archive'), csrf, style: 'btn-outline-danger' }) : ''}
  </div>
  ${a.canSendBack
    ? html`<form method="post" action="${href(req, servicePath(id, '/send-back'))}" class="mb-4 cv-send-back">${csrf}
        <div class="form-group"><label for="field-note" class="active">${t('directory.staff.workflow.note')}</label>
          <textarea id="field-note" name="note" rows="2" class="form-control${noteError ? ' is-invalid' : ''}" required maxlength="2000"
            ${noteError ? raw('aria-invalid="true" aria-describedby="error-note"') : ''}></textarea>
          ${noteError ? html`<div id="error-note" class="invalid-feedback d-block" role="alert">${t('directory.staff.workflow.note')}: ${noteError}</div>` : ''}</div>
        <button type="submit" class="btn btn-outline-warning">${t('directory.staff.workflow.sendBack')}</button></form>`
    : ''}`;
}

/** The staff page of one service: state, actions, what it offers, where and when, and recent changes. */
export function serviceOverviewView(req: FastifyRequest, view: ServiceOverview, terms: TermItem[], noteError?: string): SafeHtml {
  const t = req.t;
  const { header, working } = view;
  const s = working.service;
  const termName = (id: string) => pickText(terms.find((x) => x.id === id)?.name, req.locale)?.value ?? id;
  const id = header.id;
  return html`<h1 class="cv-page-title">${shownText(req, header.name)}</h1>
    <p>${stateBadge(req, header.workflowState)} ${header.isPublic ? html`<span class="badge bg-info text-dark">${t('directory.staff.service.isPublic')}</span>` : ''}
      · <a href="${href(req, organisationPath(header.organisationId))}">${shownText(req, header.organisationName)}</a></p>
    ${notice(req)}
    ${header.reviewNote ? html`<div class="alert alert-warning"><strong>${t('directory.staff.service.reviewNote')}</strong> ${header.reviewNote}</div>` : ''}
    ${header.isPublic && header.workflowState !== 'published' ? html`<div class="alert alert-info">${t('directory.staff.service.pendingChanges')}</div>` : ''}
    ${actions(req, view, noteError)}
    <h2 class="h4">${t('directory.staff.service.verification')}</h2>
    <p>${header.lastVerifiedAt
      ? t('directory.staff.service.verifiedOn', { date: formatDate(req, header.lastVerifiedAt), name: view.verifiedBy ?? '—' })
      : t('directory.staff.service.neverVerified')}</p>
    <h2 class="h4">${t('directory.staff.sections.what')}</h2>
    <dl class="row">
      ${detailRow(t('directory.staff.fields.description'), shownText(req, s.description))}
      ${detailRow(t('directory.staff.fields.needs'), working.attributes.map((a) => termName(a.taxonomy_term_id)).join(', '))}
      ${detailRow(t('directory.staff.fields.eligibility'), shownText(req, s.eligibility_description))}
      ${detailRow(t('directory.staff.fields.ages'), s.minimum_age !== null || s.maximum_age !== null ? `${s.minimum_age ?? 0}–${s.maximum_age ?? '…'}` : '')}
      ${detailRow(t('directory.staff.fields.applicationProcess'), shownText(req, s.application_process))}
      ${detailRow(t('directory.staff.fields.documents'), working.requiredDocuments.length ? html`<ul class="mb-0">${working.requiredDocuments.map((d) => html`<li>${shownText(req, d.document)}</li>`)}</ul>` : '')}
      ${detailRow(t('directory.staff.fields.cost'), s.is_free === null ? '' : s.is_free ? t('directory.staff.cost.free') : html`${t('directory.staff.cost.paid')}: ${shownText(req, s.fees_description)}`)}
      ${detailRow(t('directory.staff.fields.languages'), working.languages.map((l) => (l.code && isLocale(l.code) ? localeName(l.code) : (l.name ?? l.code))).join(', '))}
      ${detailRow(t('directory.staff.fields.phones'), ltr(servicePhones(working).map((p) => p.number).join(', ')))}
      ${detailRow(t('directory.staff.fields.url'), ltr(s.url))}
      ${detailRow(t('directory.staff.fields.email'), ltr(s.email))}
      ${detailRow(t('directory.staff.fields.status'), t(`directory.staff.serviceStatus.${s.status.replace(' ', '_')}`))}
      ${detailRow(t('directory.staff.fields.alert'), shownText(req, s.alert))}
    </dl>
    <h2 class="h4">${t('directory.staff.service.hoursTitle')}</h2>
    ${hoursTable(req, working.schedules)}
    ${working.scheduleExceptions.length
      ? html`<ul>${working.scheduleExceptions.map(
          (e) => html`<li>${formatDate(req, e.starts_on)}${e.ends_on !== e.starts_on ? html` – ${formatDate(req, e.ends_on)}` : ''}:
            ${e.is_closed ? t('directory.staff.hours.closed') : html`<span dir="ltr">${(e.opens_at ?? '').slice(0, 5)}–${(e.closes_at ?? '').slice(0, 5)}</span>`} ${e.reason ? html`(${shownText(req, e.reason)})` : ''}</li>`,
        )}</ul>`
      : ''}
    <h2 class="h4">${t('directory.staff.service.locationsTitle')}</h2>
    ${view.locations.length === 0 ? html`<p>${t('directory.staff.service.noLocations')}</p>` : ''}
    <ul class="list-unstyled">${view.locations.map(
      (l) => html`<li class="mb-3">${locationSummary(req, l)}
        ${view.abilities.canUpdate
          ? html`<div class="mt-1"><a class="btn btn-sm btn-outline-primary" href="${href(req, servicePath(id, `/locations/${l.id}/edit`))}">${t('directory.staff.service.editLocation')}</a>
              ${actionForm(req, { path: servicePath(id, `/locations/${l.id}/remove`), label: t('directory.staff.service.removeLocation'), csrf: csrfField(req), style: 'btn-sm btn-outline-danger' })}</div>`
          : ''}</li>`,
    )}</ul>
    ${view.abilities.canUpdate && view.otherLocations.length
      ? html`<form method="post" action="${href(req, servicePath(id, '/locations/link'))}" class="row g-2 align-items-end mb-4">${csrfField(req)}
          <div class="col-md-8"><div class="select-wrapper"><label for="field-locationId" class="active">${t('directory.staff.service.linkLocation')}</label>
            <select id="field-locationId" name="locationId" class="form-select">${view.otherLocations.map((l) => html`<option value="${l.id}">${pickText(l.name, req.locale)?.value ?? l.address1 ?? l.id}</option>`)}</select></div></div>
          <div class="col-md-4"><button type="submit" class="btn btn-outline-primary">${t('directory.staff.service.link')}</button></div></form>`
      : ''}
    <h2 class="h4">${t('directory.staff.history.title')}</h2>
    ${historyTable(req, view.history, t('directory.staff.history.caption'))}`;
}
