import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import type { ServiceChanges } from '../use-cases/show-service-changes.ts';
import { historyTable } from './manage-service.ts';
import { formatDateTime, scrollingTable, shownText, stateBadge } from './manage-components.ts';

/** What changed since the last publication: field by field, then the HSDS metadata rows. */
export function changesView(req: FastifyRequest, view: ServiceChanges): SafeHtml {
  const t = req.t;
  const { header } = view;
  return html`<h1 class="cv-page-title">${t('directory.staff.changes.title')}</h1>
    <p><strong>${shownText(req, header.name)}</strong> ${stateBadge(req, header.workflowState)}</p>
    <p>${view.isNeverPublished ? t('directory.staff.changes.neverPublished') : t('directory.staff.changes.since', { date: formatDateTime(req, header.publishedAt) })}</p>
    ${view.changes.length === 0
      ? html`<p>${t('directory.staff.changes.none')}</p>`
      : scrollingTable(
          t('directory.staff.changes.caption', { count: view.changes.length }),
          html`<table class="table"><caption>${t('directory.staff.changes.caption', { count: view.changes.length })}</caption>
          <thead><tr><th scope="col">${t('directory.staff.history.field')}</th><th scope="col">${t('directory.staff.changes.published')}</th>
            <th scope="col">${t('directory.staff.changes.current')}</th></tr></thead>
          <tbody>${view.changes.map(
            (c) => html`<tr><th scope="row"><code>${c.field}</code></th>
              <td class="text-break" dir="auto">${c.before ? html`<del>${c.before}</del>` : html`<span class="text-muted">${t('directory.staff.changes.empty')}</span>`}</td>
              <td class="text-break" dir="auto">${c.after ? html`<ins>${c.after}</ins>` : html`<span class="text-muted">${t('directory.staff.changes.empty')}</span>`}</td></tr>`,
          )}</tbody></table>`,
        )}
    <h2 class="h4 mt-4">${t('directory.staff.changes.historyTitle')}</h2>
    ${historyTable(req, view.history, t('directory.staff.changes.historyCaption'))}`;
}
