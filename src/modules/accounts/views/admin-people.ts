import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import type { Person } from '../data/admin-repository.ts';
import { notice, pagination, resultCount, statusBadge } from './admin-components.ts';

/** The people list: search, table, pagination. */
export function peopleListView(
  req: FastifyRequest,
  view: { items: Person[]; total: number; page: number; perPage: number; query?: string; canCreate: boolean },
): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('accounts.staff.people.title')}</h1>
    ${notice(req)}
    ${view.canCreate ? html`<p><a class="btn btn-primary" href="${href(req, '/admin/people/new')}">${t('accounts.staff.people.new')}</a></p>` : ''}
    <form method="get" action="${href(req, '/admin/people')}" class="row g-3 align-items-end mb-4" role="search" aria-label="${t('accounts.staff.people.search')}">
      <div class="col-md-8"><div class="form-group mb-0"><label for="filter-q" class="active">${t('accounts.staff.people.search')}</label>
        <input type="search" id="filter-q" name="q" class="form-control" value="${view.query ?? ''}" maxlength="100"></div></div>
      <div class="col-md-4"><button type="submit" class="btn btn-outline-primary w-100">${t('accounts.staff.common.search')}</button></div>
    </form>
    ${resultCount(req, view.total)}
    ${view.items.length === 0
      ? html`<p>${t('accounts.staff.people.empty')}</p>`
      : html`<div class="table-responsive"><table class="table table-striped">
          <caption>${t('accounts.staff.people.caption')}</caption>
          <thead><tr>
            <th scope="col">${t('accounts.staff.people.fields.fullName')}</th>
            <th scope="col">${t('accounts.staff.people.fields.email')}</th>
            <th scope="col">${t('accounts.staff.people.fields.isActive')}</th>
          </tr></thead>
          <tbody>${view.items.map(
            (p) => html`<tr>
              <th scope="row"><a href="${href(req, `/admin/people/${p.id}`)}">${p.fullName}</a>
                ${p.isPlatformAdmin ? html` <span class="badge bg-primary">${t('accounts.staff.people.platformAdmin')}</span>` : ''}</th>
              <td>${p.email}</td>
              <td>${statusBadge(req, p.isActive)}</td>
            </tr>`,
          )}</tbody></table></div>`}
    ${pagination(req, { page: view.page, perPage: view.perPage, total: view.total, path: '/admin/people', query: { q: view.query } })}`;
}
