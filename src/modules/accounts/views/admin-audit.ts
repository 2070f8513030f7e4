import type { FastifyRequest } from 'fastify';
import { html, raw, type SafeHtml } from '../../../kernel/web/html.ts';
import type { AuditListEntry } from '../data/audit-repository.ts';
import { formatDateTime, pagination } from './admin-components.ts';

/** The most recent audit entries within the actor's reach. */
export function auditView(
  req: FastifyRequest,
  view: { items: AuditListEntry[]; total: number; page: number; perPage: number; regionName(code: string): string },
): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('accounts.staff.audit.title')}</h1>
    <p class="lead">${t('accounts.staff.audit.lead')}</p>
    ${view.items.length === 0
      ? html`<p>${t('accounts.staff.audit.empty')}</p>`
      : html`<div class="table-responsive"><table class="table table-sm">
          <caption>${t('accounts.staff.audit.caption')}</caption>
          <thead><tr>
            <th scope="col">${t('accounts.staff.audit.columns.at')}</th>
            <th scope="col">${t('accounts.staff.audit.columns.actor')}</th>
            <th scope="col">${t('accounts.staff.audit.columns.action')}</th>
            <th scope="col">${t('accounts.staff.audit.columns.record')}</th>
            <th scope="col">${t('accounts.staff.audit.columns.where')}</th>
          </tr></thead>
          <tbody>${view.items.map(
            (e) => html`<tr>
              <th scope="row"><time datetime="${e.at.toISOString()}">${formatDateTime(req, e.at)}</time></th>
              <td>${e.actorName ?? (e.actorPersonId ? e.actorPersonId : t('accounts.staff.audit.system'))}</td>
              <td><code>${e.action}</code></td>
              <td><code class="small">${e.entity}</code>${e.entityId ? html`<br><span class="small">${e.entityId}</span>` : ''}</td>
              <td>${[e.organisationName, e.regionCode ? view.regionName(e.regionCode) : null].filter(Boolean).join(' · ') || raw('&mdash;')}</td>
            </tr>`,
          )}</tbody></table></div>`}
    ${pagination(req, { page: view.page, perPage: view.perPage, total: view.total, path: '/admin/audit', query: {} })}`;
}
