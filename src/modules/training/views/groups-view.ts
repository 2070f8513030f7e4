import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { textIn } from '../domain/content.ts';
import { MIX_ATTRIBUTES } from '../domain/mix-score.ts';
import type { GroupsOverview } from '../use-cases/show-groups.ts';
import { actionErrors, editionTabs, formatNumber } from './components.ts';

function scoreChange(req: FastifyRequest): SafeHtml {
  const query = req.query as { before?: string; after?: string };
  const before = Number(query.before);
  const after = Number(query.after);
  if (!Number.isFinite(before) || !Number.isFinite(after) || query.before === undefined) return html``;
  return html`<div class="alert alert-info" role="status">${req.t('training.staff.groups.moved', { before: formatNumber(req, before), after: formatNumber(req, after), change: formatNumber(req, Math.round((after - before) * 10) / 10) })}</div>`;
}

/** The groups page: form them with a size, see each group's mix and score, move people by hand. */
export function groupsView(req: FastifyRequest, view: GroupsOverview & { errors?: FieldError[]; groupSize?: string }): SafeHtml {
  const t = req.t;
  const { edition, path, abilities } = view;
  const canChange = abilities.canManage && edition.state !== 'completed' && edition.state !== 'draft';
  const sizeError = view.errors?.find((e) => e.field === 'groupSize');
  return html`<h1 class="cv-page-title">${textIn(path.title, req.locale)} · ${t('training.edition.name', { number: edition.number })}</h1>
    ${editionTabs(req, edition, abilities, 'groups')}
    ${(req.query as { done?: string }).done === 'formed' ? html`<div class="alert alert-success" role="status">${t('training.staff.notices.groupsFormed')}</div>` : ''}
    ${scoreChange(req)}
    ${actionErrors(req, view.errors?.filter((e) => e.field !== 'groupSize'))}
    ${canChange
      ? html`<form method="post" action="${href(req, `/training/manage/editions/${edition.id}/groups`)}" class="row g-2 align-items-end mb-4" novalidate>${csrfField(req)}
          <div class="col-sm-6"><div class="form-group mb-0">
            <label for="field-groupSize" class="active">${t('training.staff.groups.size')}</label>
            <input type="number" id="field-groupSize" name="groupSize" class="form-control${sizeError ? ' is-invalid' : ''}" value="${view.groupSize ?? String(edition.groupSize)}" min="2" max="12" inputmode="numeric"
              aria-describedby="hint-groupSize${sizeError ? ' error-groupSize' : ''}"${sizeError ? html` aria-invalid="true"` : ''}>
            <small id="hint-groupSize" class="form-text">${t('training.staff.groups.sizeHint')}</small>
            ${sizeError ? html`<div id="error-groupSize" class="invalid-feedback d-block" role="alert">${t(sizeError.messageKey, sizeError.values)}</div>` : ''}
          </div></div>
          <div class="col-sm-6"><button type="submit" class="btn btn-primary">${view.groups.length ? t('training.staff.groups.reform') : t('training.staff.groups.form')}</button></div>
        </form>`
      : ''}
    ${view.groups.length === 0
      ? html`<p>${t('training.staff.groups.none')}</p>`
      : html`<p class="lead">${t('training.staff.groups.score', { score: formatNumber(req, view.score), groups: view.groups.length })}
          ${view.sameOrganisationPairs ? t('training.staff.groups.samePairs', { count: view.sameOrganisationPairs }) : ''}</p>
        ${view.warnings.length || view.isUnbalanced
          ? html`<div class="alert alert-warning" role="status"><ul class="mb-0">
              ${view.warnings.map((w) => html`<li>${t(`training.staff.groups.warnings.${w}`)}</li>`)}
              ${view.isUnbalanced ? html`<li>${t('training.staff.groups.warnings.unbalanced')}</li>` : ''}</ul></div>`
          : ''}
        ${view.ungrouped.length ? html`<div class="alert alert-warning" role="status">${t('training.staff.groups.ungrouped', { names: view.ungrouped.map((a) => a.fullName).join(', ') })}</div>` : ''}
        <div class="row">${view.groups.map(
          (g) => html`<section class="col-md-6 col-xl-4 mb-4" aria-labelledby="group-${g.group.number}"><div class="card card-bg h-100"><div class="card-body">
            <h2 class="h5" id="group-${g.group.number}">${t('training.staff.groups.group', { number: g.group.number })} · ${t('training.staff.groups.groupScore', { score: formatNumber(req, g.mix.score) })}</h2>
            <p class="small mb-2">${MIX_ATTRIBUTES.map((a) => t(`training.staff.groups.explain.${a}`, { count: Object.keys(g.mix.counts[a]).length, size: g.mix.size })).join(' · ')}</p>
            <ul class="list-unstyled mb-0">${g.members.map(
              (m) => html`<li class="mb-2"><strong>${m.fullName}</strong><br><span class="small">${t(`training.profiles.${m.profile}`)} · ${m.organisationName} · ${t(`training.roleLevels.${m.roleLevel}`)}</span>
                ${canChange
                  ? html`<form method="post" action="${href(req, `/training/manage/editions/${edition.id}/groups/move`)}" class="d-flex gap-1 mt-1">${csrfField(req)}
                      <input type="hidden" name="applicationId" value="${m.id}">
                      <label class="visually-hidden" for="move-${m.id}">${t('training.staff.groups.moveLabel', { name: m.fullName })}</label>
                      <select id="move-${m.id}" name="groupId" class="form-select form-select-sm">${view.groups
                        .filter((other) => other.group.id !== g.group.id)
                        .map((other) => html`<option value="${other.group.id}">${t('training.staff.groups.group', { number: other.group.number })}</option>`)}</select>
                      <button type="submit" class="btn btn-sm btn-outline-primary">${t('training.staff.groups.move')}</button></form>`
                  : ''}</li>`,
            )}</ul>
          </div></div></section>`,
        )}</div>`}`;
}
