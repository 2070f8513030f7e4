import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { textIn } from '../domain/content.ts';
import { isClassOpen } from '../domain/edition-states.ts';
import { MAIN_PROFILES, PROFILES, type ApplicationStatus } from '../domain/vocabulary.ts';
import type { SelectionOverview } from '../use-cases/list-applications.ts';
import { actionButton, actionErrors, editionTabs, formatInstant, notice, statusBadge } from './components.ts';

const DECISIONS: Record<ApplicationStatus, ('admit' | 'wait' | 'reject' | 'withdraw')[]> = {
  received: ['admit', 'wait', 'reject'],
  waiting: ['admit', 'reject', 'withdraw'],
  admitted: ['wait', 'withdraw'],
  rejected: ['admit', 'wait'],
  withdrawn: [],
};

/** The manager's selection screen: the mix against quotas and minimum, and a decision per application. */
export function selectionView(req: FastifyRequest, view: SelectionOverview & { errors?: FieldError[] }): SafeHtml {
  const t = req.t;
  const { edition, path } = view;
  const isOpen = isClassOpen(edition.state);
  const admitted = PROFILES.reduce((s, p) => s + view.admittedByProfile[p], 0);
  return html`<h1 class="cv-page-title">${textIn(path.title, req.locale)} · ${t('training.edition.name', { number: edition.number })}</h1>
    ${editionTabs(req, edition, view.abilities, 'applications')}
    ${notice(req, 'training.staff.notices', ['selectionRun', 'decided'])}
    ${actionErrors(req, view.errors)}
    <h2 class="h4">${t('training.staff.selection.mix', { admitted, seats: edition.seats })}</h2>
    <div class="table-responsive"><table class="table table-sm">
      <caption>${t('training.staff.selection.mixCaption')}</caption>
      <thead><tr><th scope="col">${t('training.staff.selection.profile')}</th><th scope="col">${t('training.staff.selection.admitted')}</th>
        <th scope="col">${t('training.staff.selection.quota')}</th><th scope="col">${t('training.staff.selection.minimum')}</th></tr></thead>
      <tbody>${PROFILES.map(
        (p) => html`<tr><th scope="row">${t(`training.profiles.${p}`)}</th><td>${view.admittedByProfile[p]}</td>
          <td>${edition.quotas[p] ?? '—'}</td><td>${MAIN_PROFILES.includes(p) ? edition.minPerProfile : '—'}</td></tr>`,
      )}</tbody></table></div>
    ${view.shortfalls.length
      ? html`<div class="alert alert-warning" role="status">${t('training.staff.selection.shortfall', { profiles: view.shortfalls.map((s) => `${t(`training.profiles.${s.profile}`)} (${s.missing})`).join(', ') })}</div>`
      : ''}
    ${isOpen
      ? html`<form method="post" action="${href(req, `/training/manage/editions/${edition.id}/selection`)}" class="mb-4">${csrfField(req)}
          <p>${t('training.staff.selection.autoHint')}</p>
          <button type="submit" class="btn btn-primary">${t('training.staff.selection.run')}</button></form>`
      : ''}
    <h2 class="h4">${t('training.staff.selection.applications', { count: view.applications.length })}</h2>
    ${view.applications.length === 0
      ? html`<p>${t('training.staff.selection.none')}</p>`
      : html`<ul class="list-unstyled">${view.applications.map(
          (a) => html`<li class="card card-bg mb-3" id="application-${a.id}"><div class="card-body">
            <h3 class="h6 mb-1">${a.fullName} ${statusBadge(req, a.status)}${a.waitingPosition ? html` <span class="small">${t('training.staff.selection.position', { position: a.waitingPosition })}</span>` : ''}</h3>
            <p class="small mb-1">${t(`training.profiles.${a.profile}`)} · ${a.organisationName} · ${t(`training.roleLevels.${a.roleLevel}`)}${a.jobTitle ? html` (${a.jobTitle})` : ''} · ${a.email}</p>
            <p class="small mb-1">${t('training.staff.selection.applied', { date: formatInstant(req, a.appliedAt) })}${a.languages ? html` · ${t('training.apply.fields.languages')}: ${a.languages}` : ''}</p>
            <details><summary class="small">${t('training.apply.fields.motivation')}</summary><p class="small">${a.motivation}</p>
              ${a.accessibilityNeeds ? html`<p class="small"><strong>${t('training.apply.fields.accessibilityNeeds')}:</strong> ${a.accessibilityNeeds}</p>` : ''}</details>
            ${isOpen
              ? html`<div class="d-flex flex-wrap gap-2 mt-2">${DECISIONS[a.status].map((decision) =>
                  actionButton(req, { action: href(req, `/training/manage/applications/${a.id}/decision`), label: t(`training.staff.selection.decisions.${decision}`), fields: { decision } }),
                )}</div>`
              : ''}
          </div></li>`,
        )}</ul>`}`;
}
