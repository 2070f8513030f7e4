import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import type { Member, Organisation } from '../data/admin-repository.ts';
import { ORGANISATION_TYPES } from '../permissions.ts';
import { detailRow, notice, pagination, resultCount, statusBadge } from './admin-components.ts';

/** What the organisations list shows. */
export interface OrganisationListView {
  items: Organisation[];
  total: number;
  page: number;
  perPage: number;
  filter: { region?: string; type?: string; q?: string };
  regions: { code: string; name: string }[];
  isRegionFilterShown: boolean;
  canCreate: boolean;
}

function regionNameOf(regions: { code: string; name: string }[], code: string): string {
  return regions.find((r) => r.code === code)?.name ?? code;
}

/** The organisations list: filters, table, pagination. */
export function organisationListView(req: FastifyRequest, view: OrganisationListView): SafeHtml {
  const t = req.t;
  const { filter } = view;
  return html`<h1 class="cv-page-title">${t('accounts.staff.organisations.title')}</h1>
    ${notice(req)}
    ${view.canCreate ? html`<p><a class="btn btn-primary" href="${href(req, '/admin/organisations/new')}">${t('accounts.staff.organisations.new')}</a></p>` : ''}
    <form method="get" action="${href(req, '/admin/organisations')}" class="row g-3 align-items-end mb-4" role="search" aria-label="${t('accounts.staff.organisations.filters.label')}">
      ${view.isRegionFilterShown
        ? html`<div class="col-md-3"><div class="select-wrapper"><label for="filter-region" class="active">${t('accounts.staff.organisations.filters.region')}</label>
            <select id="filter-region" name="region" class="form-select"><option value="">${t('accounts.staff.organisations.filters.allRegions')}</option>
            ${view.regions.map((r) => html`<option value="${r.code}" ${filter.region === r.code ? 'selected' : ''}>${r.name}</option>`)}</select></div></div>`
        : ''}
      <div class="col-md-3"><div class="select-wrapper"><label for="filter-type" class="active">${t('accounts.staff.organisations.filters.type')}</label>
        <select id="filter-type" name="type" class="form-select"><option value="">${t('accounts.staff.organisations.filters.allTypes')}</option>
        ${ORGANISATION_TYPES.map((type) => html`<option value="${type}" ${filter.type === type ? 'selected' : ''}>${t(`accounts.organisationTypes.${type}`)}</option>`)}</select></div></div>
      <div class="col-md-4"><div class="form-group mb-0"><label for="filter-q" class="active">${t('accounts.staff.organisations.filters.query')}</label>
        <input type="search" id="filter-q" name="q" class="form-control" value="${filter.q ?? ''}" maxlength="100"></div></div>
      <div class="col-md-2"><button type="submit" class="btn btn-outline-primary w-100">${t('accounts.staff.common.filter')}</button></div>
    </form>
    ${resultCount(req, view.total)}
    ${view.items.length === 0
      ? html`<p>${t('accounts.staff.organisations.empty')}</p>`
      : html`<div class="table-responsive"><table class="table table-striped">
          <caption>${t('accounts.staff.organisations.caption')}</caption>
          <thead><tr>
            <th scope="col">${t('accounts.staff.organisations.fields.name')}</th>
            <th scope="col">${t('accounts.staff.organisations.fields.type')}</th>
            <th scope="col">${t('accounts.staff.organisations.fields.regionCode')}</th>
            <th scope="col">${t('accounts.staff.organisations.fields.isActive')}</th>
          </tr></thead>
          <tbody>${view.items.map(
            (o) => html`<tr>
              <th scope="row"><a href="${href(req, `/admin/organisations/${o.id}`)}">${o.name}</a></th>
              <td>${t(`accounts.organisationTypes.${o.type}`)}</td>
              <td>${regionNameOf(view.regions, o.regionCode)}</td>
              <td>${statusBadge(req, o.isActive)}</td>
            </tr>`,
          )}</tbody></table></div>`}
    ${pagination(req, { page: view.page, perPage: view.perPage, total: view.total, path: '/admin/organisations', query: { ...filter } })}`;
}

/** What an organisation's page shows. */
export interface OrganisationPageView {
  organisation: Organisation;
  members: Member[] | null;
  regionName: string;
  provinceName: string | null;
  municipalityName: string | null;
  canUpdate: boolean;
  canAddPerson: boolean;
  roleLabel(key: string): string;
}

/** An organisation's details and its members. */
export function organisationPageView(req: FastifyRequest, view: OrganisationPageView): SafeHtml {
  const t = req.t;
  const o = view.organisation;
  const f = (name: string) => t(`accounts.staff.organisations.fields.${name}`);
  return html`<h1 class="cv-page-title">${o.name}</h1>
    ${notice(req)}
    <p>${view.canUpdate ? html`<a class="btn btn-primary" href="${href(req, `/admin/organisations/${o.id}/edit`)}">${t('accounts.staff.organisations.edit')}</a>` : ''}
      ${view.canAddPerson ? html`<a class="btn btn-outline-primary" href="${href(req, `/admin/people/new?organisationId=${o.id}`)}">${t('accounts.staff.organisations.members.addPerson')}</a>` : ''}</p>
    <h2 class="h4 mt-4">${t('accounts.staff.organisations.details')}</h2>
    <dl class="row">
      ${detailRow(f('type'), t(`accounts.organisationTypes.${o.type}`))}
      ${detailRow(f('regionCode'), view.regionName)}
      ${detailRow(f('provinceCode'), view.provinceName)}
      ${detailRow(f('municipalityCode'), view.municipalityName)}
      ${detailRow(f('taxCode'), o.taxCode)}
      ${detailRow(f('ipaCode'), o.ipaCode)}
      ${detailRow(f('email'), o.email ? html`<a href="mailto:${o.email}">${o.email}</a>` : null)}
      ${detailRow(f('website'), o.website ? html`<a href="${o.website}" rel="noopener noreferrer">${o.website}</a>` : null)}
      ${detailRow(f('isActive'), statusBadge(req, o.isActive))}
    </dl>
    ${view.members === null
      ? ''
      : html`<h2 class="h4 mt-4">${t('accounts.staff.organisations.members.title')}</h2>
        ${view.members.length === 0
          ? html`<p>${t('accounts.staff.organisations.members.empty')}</p>`
          : html`<div class="table-responsive"><table class="table">
              <caption>${t('accounts.staff.organisations.members.caption', { organisation: o.name })}</caption>
              <thead><tr>
                <th scope="col">${t('accounts.staff.people.fields.fullName')}</th>
                <th scope="col">${t('accounts.staff.people.fields.email')}</th>
                <th scope="col">${t('accounts.staff.people.fields.roleKey')}</th>
                <th scope="col">${t('accounts.staff.people.fields.isActive')}</th>
              </tr></thead>
              <tbody>${view.members.map(
                (m) => html`<tr>
                  <th scope="row"><a href="${href(req, `/admin/people/${m.personId}`)}">${m.fullName}</a></th>
                  <td>${m.email}</td><td>${view.roleLabel(m.roleKey)}</td><td>${statusBadge(req, m.isActive)}</td>
                </tr>`,
              )}</tbody></table></div>`}`}`;
}
