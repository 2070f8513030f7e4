import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { errorSummary, inputField, selectField, textareaField, type FormState } from '../../../kernel/web/forms.ts';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { actionsFrom } from '../domain/edition-states.ts';
import { textIn } from '../domain/content.ts';
import { PROFILES } from '../domain/vocabulary.ts';
import type { EditionOverview } from '../use-cases/show-edition.ts';
import { actionButton, actionErrors, checkboxGroup, editionTabs, formatDay, formatLongDay, notice, stateBadge } from './components.ts';

/** The fields of the edition form, in order. */
export const EDITION_FIELDS = ['regionCode', 'startsOn', 'endsOn', 'places', 'seats', ...PROFILES.map((p) => `quota_${p}`), 'minPerProfile', 'groupSize', 'attendanceThreshold'];

/** The edition form. */
export function editionFormView(req: FastifyRequest, view: { title: string; action: string; cancel: string; state: FormState; regions: { code: string; name: string }[] }): SafeHtml {
  const t = req.t;
  const label = (f: string) => (f.startsWith('quota_') ? t('training.staff.edition.quotaFor', { profile: t(`training.profiles.${f.slice(6)}`) }) : t(`training.staff.edition.fields.${f}`));
  const { state } = view;
  return html`<h1 class="cv-page-title">${view.title}</h1>
    ${errorSummary(req, state, Object.fromEntries(EDITION_FIELDS.map((f) => [f, label(f)])))}
    <form method="post" action="${view.action}" novalidate>${csrfField(req)}
      <p class="small">${t('forms.requiredNote')}</p>
      ${selectField(req, state, { name: 'regionCode', label: label('regionCode'), isRequired: true, choices: view.regions.map((r) => ({ value: r.code, label: r.name })) })}
      ${inputField(req, state, { name: 'startsOn', label: label('startsOn'), type: 'date', isRequired: true })}
      ${inputField(req, state, { name: 'endsOn', label: label('endsOn'), type: 'date', isRequired: true })}
      ${textareaField(req, state, { name: 'places', label: label('places'), rows: 2 })}
      ${inputField(req, state, { name: 'seats', label: label('seats'), type: 'number', isRequired: true, inputmode: 'numeric' })}
      <fieldset class="mb-3"><legend class="h6">${t('training.staff.edition.quotas')}</legend>
        <p class="form-text small">${t('training.staff.edition.quotasHint')}</p>
        ${PROFILES.map((p) => inputField(req, state, { name: `quota_${p}`, label: label(`quota_${p}`), type: 'number', inputmode: 'numeric' }))}
      </fieldset>
      ${inputField(req, state, { name: 'minPerProfile', label: label('minPerProfile'), type: 'number', isRequired: true, hint: t('training.staff.edition.hints.minPerProfile'), inputmode: 'numeric' })}
      ${inputField(req, state, { name: 'groupSize', label: label('groupSize'), type: 'number', isRequired: true, inputmode: 'numeric' })}
      ${inputField(req, state, { name: 'attendanceThreshold', label: label('attendanceThreshold'), type: 'number', isRequired: true, hint: t('training.staff.edition.hints.attendanceThreshold'), inputmode: 'numeric' })}
      <button type="submit" class="btn btn-primary">${t('forms.save')}</button>
      <a class="btn btn-outline-secondary" href="${href(req, view.cancel)}">${t('forms.cancel')}</a>
    </form>`;
}

/** An edition's overview: facts, state actions, trainers, calendar. */
export function editionPageView(req: FastifyRequest, view: EditionOverview & { regionName: string; errors?: FieldError[] }): SafeHtml {
  const t = req.t;
  const { edition, path, abilities } = view;
  const base = `/training/manage/editions/${edition.id}`;
  const quotas = PROFILES.filter((p) => edition.quotas[p] !== undefined).map((p) => `${t(`training.profiles.${p}`)}: ${edition.quotas[p]}`);
  return html`<h1 class="cv-page-title">${textIn(path.title, req.locale)} · ${t('training.edition.name', { number: edition.number })}</h1>
    ${editionTabs(req, edition, abilities, 'overview')}
    ${notice(req, 'training.staff.notices', ['editionSaved', 'stateChanged', 'sessionSaved', 'sessionDeleted', 'trainersSaved'])}
    ${actionErrors(req, view.errors)}
    <p>${stateBadge(req, edition.state)} · ${view.regionName} · ${formatDay(req, edition.startsOn)} – ${formatDay(req, edition.endsOn)}
      · <a href="${href(req, `/training/editions/${edition.id}`)}">${t('training.staff.edition.publicPage')}</a></p>
    ${abilities.canManage
      ? html`<div class="mb-4 d-flex flex-wrap gap-2">
          <a class="btn btn-sm btn-outline-primary" href="${href(req, `${base}/edit`)}">${t('training.staff.common.edit')}</a>
          ${actionsFrom(edition.state).map((action) =>
            actionButton(req, { action: href(req, `${base}/state`), label: t(`training.staff.edition.actions.${action}`), fields: { action }, style: action === 'complete' ? 'btn-primary' : 'btn-outline-primary' }),
          )}</div>`
      : ''}
    <dl class="row">
      <dt class="col-sm-4">${t('training.staff.edition.fields.seats')}</dt><dd class="col-sm-8">${edition.seats}</dd>
      <dt class="col-sm-4">${t('training.staff.edition.class')}</dt><dd class="col-sm-8">${t('training.staff.edition.classValue', { admitted: view.counts.admitted, waiting: view.counts.waiting, received: view.counts.received })}</dd>
      <dt class="col-sm-4">${t('training.staff.edition.quotas')}</dt><dd class="col-sm-8">${quotas.join(' · ') || t('training.staff.edition.noQuotas')}</dd>
      <dt class="col-sm-4">${t('training.staff.edition.fields.minPerProfile')}</dt><dd class="col-sm-8">${edition.minPerProfile}</dd>
      <dt class="col-sm-4">${t('training.staff.edition.fields.attendanceThreshold')}</dt><dd class="col-sm-8">${edition.attendanceThreshold}%</dd>
      <dt class="col-sm-4">${t('training.staff.edition.fields.places')}</dt><dd class="col-sm-8">${edition.places || '—'}</dd>
      <dt class="col-sm-4">${t('training.staff.edition.trainers')}</dt><dd class="col-sm-8">${view.trainers.map((p) => p.fullName).join(', ') || '—'}</dd>
    </dl>
    ${abilities.canManage
      ? html`<details class="mb-4"><summary>${t('training.staff.edition.assignTrainers')}</summary>
          <form method="post" action="${href(req, `${base}/trainers`)}">${csrfField(req)}
            ${checkboxGroup(req, { values: { trainerIds: edition.trainerIds }, errors: [] }, { name: 'trainerIds', legend: t('training.staff.edition.trainers'), choices: view.trainerChoices.map((p) => ({ value: p.id, label: p.fullName })) })}
            <button type="submit" class="btn btn-sm btn-primary">${t('forms.save')}</button></form></details>`
      : ''}
    <h2>${t('training.edition.calendar')}</h2>
    ${abilities.canManage && edition.state !== 'completed' ? html`<p><a class="btn btn-primary btn-sm" href="${href(req, `${base}/sessions/new`)}">${t('training.staff.session.new')}</a></p>` : ''}
    ${view.sessions.length === 0
      ? html`<p>${t('training.edition.noSessions')}</p>`
      : html`<ul class="list-unstyled">${view.sessions.map(
          (s) => html`<li class="card card-bg mb-2"><div class="card-body py-2">
            <p class="mb-1"><strong>${formatLongDay(req, s.date)}, ${s.startsAt}–${s.endsAt}</strong> · ${textIn(s.topic, req.locale)}</p>
            <p class="mb-1 small">${s.place ?? ''} ${s.onlineUrl ? html`<a href="${s.onlineUrl}">${t('training.staff.session.link')}</a>` : ''}
              ${s.trainerPersonId ? html`· ${view.names.get(s.trainerPersonId)?.fullName ?? ''}` : ''}</p>
            <p class="mb-0"><a href="${href(req, `/training/manage/sessions/${s.id}`)}">${t('training.staff.session.register')}</a>
              ${abilities.canManage ? html` · <a href="${href(req, `/training/manage/sessions/${s.id}/edit`)}">${t('training.staff.common.edit')}</a>` : ''}</p>
          </div></li>`,
        )}</ul>`}`;
}
