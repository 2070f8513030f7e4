import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import type { EditionSummary } from '../data/edition-repository.ts';
import { textIn } from '../domain/content.ts';
import type { Workspace } from '../use-cases/list-workspace.ts';
import { formatDay, notice, stateBadge } from './components.ts';

function editionTable(req: FastifyRequest, caption: string, editions: EditionSummary[], workspace: Workspace): SafeHtml {
  const t = req.t;
  if (editions.length === 0) return html`<p>${t('training.staff.workspace.noEditions')}</p>`;
  return html`<div class="table-responsive"><table class="table table-striped">
    <caption>${caption}</caption>
    <thead><tr>
      <th scope="col">${t('training.staff.workspace.columns.edition')}</th>
      <th scope="col">${t('training.staff.workspace.columns.dates')}</th>
      <th scope="col">${t('training.staff.workspace.columns.state')}</th>
      <th scope="col">${t('training.staff.workspace.columns.class')}</th>
    </tr></thead>
    <tbody>${editions.map((e) => {
      const path = workspace.pathTitles.get(e.pathId);
      return html`<tr>
        <th scope="row"><a href="${href(req, `/training/manage/editions/${e.id}`)}">${path ? textIn(path.title, req.locale) : ''} · ${t('training.edition.name', { number: e.number })}</a></th>
        <td>${formatDay(req, e.startsOn)} – ${formatDay(req, e.endsOn)}</td>
        <td>${stateBadge(req, e.state)}</td>
        <td>${t('training.staff.workspace.classValue', { admitted: e.admitted, seats: e.seats, applicants: e.applicants })}</td>
      </tr>`;
    })}</tbody></table></div>`;
}

/** The training workspace: paths and editions managed, editions taught, links to the reports. */
export function workspaceView(req: FastifyRequest, workspace: Workspace): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('training.staff.workspace.title')}</h1>
    ${notice(req, 'training.staff.notices', ['pathSaved'])}
    <ul class="list-inline">
      ${workspace.canCreatePath ? html`<li class="list-inline-item"><a class="btn btn-primary" href="${href(req, '/training/manage/paths/new')}">${t('training.staff.workspace.newPath')}</a></li>` : ''}
      ${workspace.canReadReports ? html`<li class="list-inline-item"><a class="btn btn-outline-primary" href="${href(req, '/training/manage/reports')}">${t('training.staff.workspace.reports')}</a></li>` : ''}
    </ul>
    ${workspace.teaching.length > 0 || (workspace.canTeach && workspace.managed.length === 0)
      ? html`<h2>${t('training.staff.workspace.teaching')}</h2>${editionTable(req, t('training.staff.workspace.teachingCaption'), workspace.teaching, workspace)}`
      : ''}
    ${workspace.managed.length > 0 ? html`<h2>${t('training.staff.workspace.managed')}</h2>${editionTable(req, t('training.staff.workspace.managedCaption'), workspace.managed, workspace)}` : ''}
    ${workspace.paths.length > 0
      ? html`<h2>${t('training.staff.workspace.paths')}</h2>
        <ul>${workspace.paths.map((p) => html`<li><a href="${href(req, `/training/manage/paths/${p.id}`)}">${p.code} · ${textIn(p.title, req.locale)}</a></li>`)}</ul>`
      : ''}`;
}
