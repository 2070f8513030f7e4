import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { errorSummary, inputField, selectField, textareaField, type FormState } from '../../../kernel/web/forms.ts';
import type { Region } from '../../territory/index.ts';
import { AUTONYMS } from '../../../kernel/i18n/locales.ts';
import type { PersonName } from '../data/people-repository.ts';
import { textIn } from '../domain/content.ts';
import { MODALITIES } from '../domain/vocabulary.ts';
import type { PathOverview } from '../use-cases/show-path.ts';
import { checkboxGroup, formatDay, notice, stateBadge } from './components.ts';

/** The fields of the path form, in order. */
export const PATH_FIELDS = ['code', 'title', 'objectives', 'competences', 'hours', 'modality', 'regionCodes', 'trainerIds'] as const;

/** The path form, for a new path or an existing one. */
export function pathFormView(req: FastifyRequest, view: { title: string; action: string; cancel: string; state: FormState; regions: Region[]; trainers: PersonName[] }): SafeHtml {
  const t = req.t;
  const label = (f: string) => t(`training.staff.path.fields.${f}`);
  const { state } = view;
  return html`<h1 class="cv-page-title">${view.title}</h1>
    ${errorSummary(req, state, Object.fromEntries(PATH_FIELDS.map((f) => [f, label(f)])))}
    <form method="post" action="${view.action}" novalidate>${csrfField(req)}
      <p class="small">${t('forms.requiredNote')} ${t('training.staff.path.languageNote', { language: AUTONYMS[req.locale] })}</p>
      ${inputField(req, state, { name: 'code', label: label('code'), isRequired: true, hint: t('training.staff.path.hints.code'), maxLength: 20 })}
      ${inputField(req, state, { name: 'title', label: label('title'), isRequired: true, maxLength: 200 })}
      ${textareaField(req, state, { name: 'objectives', label: label('objectives'), isRequired: true, rows: 5 })}
      ${textareaField(req, state, { name: 'competences', label: label('competences'), isRequired: true, hint: t('training.staff.path.hints.competences'), rows: 5 })}
      ${inputField(req, state, { name: 'hours', label: label('hours'), type: 'number', isRequired: true, inputmode: 'numeric' })}
      ${selectField(req, state, { name: 'modality', label: label('modality'), isRequired: true, choices: MODALITIES.map((m) => ({ value: m, label: t(`training.modalities.${m}`) })) })}
      ${checkboxGroup(req, state, { name: 'regionCodes', legend: label('regionCodes'), hint: t('training.staff.path.hints.regionCodes'), choices: view.regions.map((r) => ({ value: r.code, label: r.name })) })}
      ${checkboxGroup(req, state, { name: 'trainerIds', legend: label('trainerIds'), hint: t('training.staff.path.hints.trainerIds'), choices: view.trainers.map((p) => ({ value: p.id, label: p.fullName })) })}
      <button type="submit" class="btn btn-primary">${t('forms.save')}</button>
      <a class="btn btn-outline-secondary" href="${href(req, view.cancel)}">${t('forms.cancel')}</a>
    </form>`;
}

/** A path's staff page: its fields, trainers and editions. */
export function pathPageView(req: FastifyRequest, view: PathOverview & { regionNames: Map<string, string> }): SafeHtml {
  const t = req.t;
  const { path } = view;
  return html`<h1 class="cv-page-title">${textIn(path.title, req.locale)} <span class="text-muted h4">${path.code}</span></h1>
    ${notice(req, 'training.staff.notices', ['pathSaved'])}
    <p><a class="btn btn-outline-primary btn-sm" href="${href(req, `/training/manage/paths/${path.id}/edit`)}">${t('training.staff.common.edit')}</a>
      <a class="btn btn-outline-primary btn-sm" href="${href(req, `/training/manage/reports?pathId=${path.id}`)}">${t('training.staff.path.results')}</a></p>
    <dl class="row">
      <dt class="col-sm-4">${t('training.staff.path.fields.hours')}</dt><dd class="col-sm-8">${path.hours}</dd>
      <dt class="col-sm-4">${t('training.staff.path.fields.modality')}</dt><dd class="col-sm-8">${t(`training.modalities.${path.modality}`)}</dd>
      <dt class="col-sm-4">${t('training.staff.path.fields.regionCodes')}</dt><dd class="col-sm-8">${path.regionCodes.map((c) => view.regionNames.get(c) ?? c).join(', ')}</dd>
      <dt class="col-sm-4">${t('training.staff.path.fields.trainerIds')}</dt><dd class="col-sm-8">${view.trainers.map((p) => p.fullName).join(', ') || '—'}</dd>
    </dl>
    <h2>${t('training.staff.path.fields.objectives')}</h2><p>${textIn(path.objectives, req.locale)}</p>
    <h2>${t('training.staff.path.fields.competences')}</h2><ul>${path.competences.map((c) => html`<li>${textIn(c, req.locale)}</li>`)}</ul>
    <h2>${t('training.staff.path.editions')}</h2>
    <p><a class="btn btn-primary" href="${href(req, `/training/manage/paths/${path.id}/editions/new`)}">${t('training.staff.path.newEdition')}</a></p>
    ${view.editions.length === 0
      ? html`<p>${t('training.staff.workspace.noEditions')}</p>`
      : html`<ul>${view.editions.map(
          (e) => html`<li><a href="${href(req, `/training/manage/editions/${e.id}`)}">${t('training.edition.name', { number: e.number })}</a> ·
            ${view.regionNames.get(e.regionCode) ?? e.regionCode} · ${formatDay(req, e.startsOn)} – ${formatDay(req, e.endsOn)} ${stateBadge(req, e.state)}</li>`,
        )}</ul>`}`;
}
