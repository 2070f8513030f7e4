import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import type { ServiceHeader } from '../data/service-repository.ts';
import type { WorkflowState } from '../data/tables.ts';
import { formatDate, MANAGE, notice, pagination, servicePath, shownText, stateBadge } from './manage-components.ts';

const STATES: WorkflowState[] = ['draft', 'in_review', 'published', 'archived'];

function servicesTable(req: FastifyRequest, items: ServiceHeader[], caption: string): SafeHtml {
  const t = req.t;
  if (items.length === 0) return html`<p>${t('directory.staff.list.empty')}</p>`;
  return html`<div class="table-responsive"><table class="table table-striped"><caption>${caption}</caption>
    <thead><tr><th scope="col">${t('directory.staff.fields.name')}</th><th scope="col">${t('directory.staff.list.organisation')}</th>
      <th scope="col">${t('directory.staff.list.state')}</th><th scope="col">${t('directory.staff.list.verified')}</th><th scope="col">${t('directory.staff.list.updated')}</th></tr></thead>
    <tbody>${items.map(
      (s) => html`<tr><th scope="row"><a href="${href(req, servicePath(s.id))}">${shownText(req, s.name)}</a></th>
        <td>${shownText(req, s.organisationName)}</td><td>${stateBadge(req, s.workflowState)}</td>
        <td>${formatDate(req, s.lastVerifiedAt)}</td><td>${formatDate(req, s.updatedAt)}</td></tr>`,
    )}</tbody></table></div>`;
}

/** The directory's staff home: the services within reach, filtered by state and name. */
export function serviceListView(
  req: FastifyRequest,
  view: {
    items: ServiceHeader[];
    total: number;
    page: number;
    perPage: number;
    filter: { state?: string; q?: string };
    canCreate: boolean;
    canSeeStale: boolean;
    canTranslate: boolean;
    organisationLink: 'own' | 'list' | null;
  },
): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('directory.staff.home.title')}</h1>
    ${notice(req)}
    <p>${view.canCreate ? html`<a class="btn btn-primary me-2 mb-2" href="${href(req, `${MANAGE}/services/new`)}">${t('directory.staff.home.new')}</a>` : ''}
      <a class="btn btn-outline-primary me-2 mb-2" href="${href(req, `${MANAGE}?state=in_review`)}">${t('directory.staff.home.review')}</a>
      ${view.canSeeStale ? html`<a class="btn btn-outline-primary me-2 mb-2" href="${href(req, `${MANAGE}/stale`)}">${t('directory.staff.home.stale')}</a>` : ''}
      ${view.canTranslate ? html`<a class="btn btn-outline-primary me-2 mb-2" href="${href(req, `${MANAGE}/translations`)}">${t('directory.staff.home.translations')}</a>` : ''}
      ${view.organisationLink === 'own' ? html`<a class="btn btn-outline-primary mb-2" href="${href(req, `${MANAGE}/organisation`)}">${t('directory.staff.home.ownOrganisation')}</a>` : ''}
      ${view.organisationLink === 'list' ? html`<a class="btn btn-outline-primary mb-2" href="${href(req, `${MANAGE}/organisations`)}">${t('directory.staff.home.organisations')}</a>` : ''}</p>
    <form method="get" action="${href(req, MANAGE)}" class="row g-3 align-items-end mb-4" role="search" aria-label="${t('directory.staff.list.filters')}">
      <div class="col-md-4"><div class="select-wrapper"><label for="filter-state" class="active">${t('directory.staff.list.state')}</label>
        <select id="filter-state" name="state" class="form-select"><option value="">${t('directory.staff.list.allStates')}</option>
        ${STATES.map((s) => html`<option value="${s}" ${view.filter.state === s ? 'selected' : ''}>${t(`directory.staff.states.${s}`)}</option>`)}</select></div></div>
      <div class="col-md-5"><div class="form-group mb-0"><label for="filter-q" class="active">${t('directory.staff.list.query')}</label>
        <input type="search" id="filter-q" name="q" class="form-control" value="${view.filter.q ?? ''}" maxlength="100"></div></div>
      <div class="col-md-3"><button type="submit" class="btn btn-outline-primary w-100">${t('directory.staff.list.filter')}</button></div>
    </form>
    <p role="status">${t('directory.staff.list.results', { count: view.total })}</p>
    ${servicesTable(req, view.items, t('directory.staff.list.caption'))}
    ${pagination(req, { page: view.page, perPage: view.perPage, total: view.total, path: MANAGE, query: view.filter })}`;
}

/** Services nobody verified for longer than the stale period, oldest first. */
export function staleListView(req: FastifyRequest, view: { items: ServiceHeader[]; total: number; page: number; perPage: number; staleDays: number }): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('directory.staff.stale.title')}</h1>
    <p>${t('directory.staff.stale.intro', { days: view.staleDays })}</p>
    <p role="status">${t('directory.staff.list.results', { count: view.total })}</p>
    ${servicesTable(req, view.items, t('directory.staff.stale.caption'))}
    ${pagination(req, { page: view.page, perPage: view.perPage, total: view.total, path: `${MANAGE}/stale`, query: {} })}`;
}
