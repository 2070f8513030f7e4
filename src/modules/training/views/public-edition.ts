import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { checkboxField, errorSummary, inputField, selectField, textareaField, type FormState } from '../../../kernel/web/forms.ts';
import { textIn } from '../domain/content.ts';
import { isCallOpen } from '../domain/edition-states.ts';
import { PROFILES, ROLE_LEVELS } from '../domain/vocabulary.ts';
import type { PublicEdition } from '../use-cases/show-public-edition.ts';
import { formatDay, formatLongDay, stateBadge } from './components.ts';

/** Labels of the application form's fields, for the error summary. */
export function applicationLabels(req: FastifyRequest): Record<string, string> {
  const fields = ['fullName', 'email', 'profile', 'organisationId', 'organisationName', 'roleLevel', 'jobTitle', 'regionCode', 'motivation', 'accessibilityNeeds', 'languages', 'consent'];
  return Object.fromEntries(fields.map((f) => [f, req.t(`training.apply.fields.${f}`)]));
}

function applicationForm(req: FastifyRequest, view: PublicEdition, state: FormState): SafeHtml {
  const t = req.t;
  const regionName = (code: string) => view.regions.find((r) => r.code === code)?.name ?? code;
  return html`<section aria-labelledby="apply-title" class="mt-5">
    <h2 id="apply-title">${t('training.apply.title')}</h2>
    <p>${t('training.apply.intro')}</p>
    ${errorSummary(req, state, applicationLabels(req))}
    <form method="post" action="${href(req, `/training/editions/${view.edition.id}/apply`)}" novalidate>
      ${csrfField(req)}
      <p class="small">${t('forms.requiredNote')}</p>
      ${inputField(req, state, { name: 'fullName', label: t('training.apply.fields.fullName'), isRequired: true, autocomplete: 'name', maxLength: 200 })}
      ${inputField(req, state, { name: 'email', label: t('training.apply.fields.email'), type: 'email', isRequired: true, autocomplete: 'email', hint: t('training.apply.hints.email') })}
      ${selectField(req, state, { name: 'profile', label: t('training.apply.fields.profile'), isRequired: true, placeholder: t('training.apply.choose'), choices: PROFILES.map((p) => ({ value: p, label: t(`training.profiles.${p}`) })) })}
      ${selectField(req, state, {
        name: 'organisationId',
        label: t('training.apply.fields.organisationId'),
        hint: t('training.apply.hints.organisationId'),
        placeholder: t('training.apply.notListed'),
        choices: view.organisations.map((o) => ({ value: o.id, label: `${o.name} (${regionName(o.regionCode)})` })),
      })}
      ${inputField(req, state, { name: 'organisationName', label: t('training.apply.fields.organisationName'), hint: t('training.apply.hints.organisationName'), autocomplete: 'organization', maxLength: 200 })}
      ${selectField(req, state, { name: 'roleLevel', label: t('training.apply.fields.roleLevel'), isRequired: true, placeholder: t('training.apply.choose'), choices: ROLE_LEVELS.map((r) => ({ value: r, label: t(`training.roleLevels.${r}`) })) })}
      ${inputField(req, state, { name: 'jobTitle', label: t('training.apply.fields.jobTitle'), autocomplete: 'organization-title', maxLength: 200 })}
      ${selectField(req, state, { name: 'regionCode', label: t('training.apply.fields.regionCode'), isRequired: true, placeholder: t('training.apply.choose'), choices: view.regions.map((r) => ({ value: r.code, label: r.name })) })}
      ${textareaField(req, state, { name: 'motivation', label: t('training.apply.fields.motivation'), isRequired: true, hint: t('training.apply.hints.motivation'), rows: 5 })}
      ${textareaField(req, state, { name: 'accessibilityNeeds', label: t('training.apply.fields.accessibilityNeeds'), hint: t('training.apply.hints.accessibilityNeeds'), rows: 3 })}
      ${inputField(req, state, { name: 'languages', label: t('training.apply.fields.languages'), hint: t('training.apply.hints.languages'), maxLength: 200 })}
      ${checkboxField(req, state, { name: 'consent', label: t('training.apply.fields.consent'), hint: t('training.apply.hints.consent') })}
      <p class="small"><a href="${href(req, '/privacy')}">${t('training.apply.privacyLink')}</a></p>
      <button type="submit" class="btn btn-primary">${t('training.apply.submit')}</button>
    </form></section>`;
}

/** An edition's public page: the path, the calendar, and the application form while the call is open. */
export function publicEditionView(req: FastifyRequest, view: PublicEdition, state: FormState): SafeHtml {
  const t = req.t;
  const { edition, path } = view;
  const regionName = view.regions.find((r) => r.code === edition.regionCode)?.name ?? edition.regionCode;
  return html`<h1 class="cv-page-title">${textIn(path.title, req.locale)}</h1>
    <p class="lead">${t('training.edition.name', { number: edition.number })} · ${regionName} ${stateBadge(req, edition.state)}</p>
    <dl class="row">
      <dt class="col-sm-4">${t('training.edition.dates')}</dt><dd class="col-sm-8">${formatDay(req, edition.startsOn)} – ${formatDay(req, edition.endsOn)}</dd>
      <dt class="col-sm-4">${t('training.edition.modality')}</dt><dd class="col-sm-8">${t(`training.modalities.${path.modality}`)}</dd>
      <dt class="col-sm-4">${t('training.edition.hours')}</dt><dd class="col-sm-8">${path.hours}</dd>
      <dt class="col-sm-4">${t('training.edition.seats')}</dt><dd class="col-sm-8">${edition.seats}</dd>
      ${edition.places ? html`<dt class="col-sm-4">${t('training.edition.places')}</dt><dd class="col-sm-8">${edition.places}</dd>` : ''}
      <dt class="col-sm-4">${t('training.edition.threshold')}</dt><dd class="col-sm-8">${t('training.edition.thresholdValue', { percent: edition.attendanceThreshold })}</dd>
    </dl>
    <h2>${t('training.edition.objectives')}</h2>
    <p>${textIn(path.objectives, req.locale)}</p>
    <h2>${t('training.edition.competences')}</h2>
    <ul>${path.competences.map((c) => html`<li>${textIn(c, req.locale)}</li>`)}</ul>
    <h2>${t('training.edition.calendar')}</h2>
    ${view.sessions.length === 0
      ? html`<p>${t('training.edition.noSessions')}</p>`
      : html`<div class="table-responsive"><table class="table">
          <caption>${t('training.edition.calendarCaption', { number: edition.number })}</caption>
          <thead><tr><th scope="col">${t('training.edition.day')}</th><th scope="col">${t('training.edition.time')}</th><th scope="col">${t('training.edition.topic')}</th><th scope="col">${t('training.edition.place')}</th></tr></thead>
          <tbody>${view.sessions.map(
            (s) => html`<tr><th scope="row">${formatLongDay(req, s.date)}</th><td>${s.startsAt}–${s.endsAt}</td><td>${textIn(s.topic, req.locale)}</td>
              <td>${s.place ?? t('training.edition.online')}</td></tr>`,
          )}</tbody></table></div>`}
    ${isCallOpen(edition.state) ? applicationForm(req, view, state) : html`<div class="alert alert-info mt-4" role="status">${t(`training.edition.callState.${edition.state}`)}</div>`}`;
}

/** The page after a successful application: what happens next, without repeating anything personal. */
export function appliedView(req: FastifyRequest, view: { editionId: string; title: string }): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('training.applied.title')}</h1>
    <div class="alert alert-success" role="status">${t('training.applied.received', { path: view.title })}</div>
    <p>${t('training.applied.next')}</p>
    <p><a href="${href(req, `/training/editions/${view.editionId}`)}">${t('training.applied.back')}</a> · <a href="${href(req, '/training')}">${t('training.applied.catalogue')}</a></p>`;
}
