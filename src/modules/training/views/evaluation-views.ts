import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { errorSummary, inputField, textareaField, type FormState } from '../../../kernel/web/forms.ts';
import { textIn } from '../domain/content.ts';
import type { Average } from '../domain/evaluation-results.ts';
import { FEEDBACK_QUESTIONS, PROFILES } from '../domain/vocabulary.ts';
import type { EvaluationOverview } from '../use-cases/show-evaluation.ts';
import type { GroupWork } from '../use-cases/show-group-work.ts';
import { editionTabs, formatDay, formatInstant, formatNumber, notice } from './components.ts';

/** An average as "4.2 (12)". */
export function showAverage(req: FastifyRequest, value: Average | undefined): string {
  if (!value || value.mean === null) return '—';
  return `${formatNumber(req, value.mean, 2)} (${value.count})`;
}

/** Assignments and the groups' submissions; trainers and managers add assignments. */
export function groupWorkView(req: FastifyRequest, view: GroupWork & { state: FormState }): SafeHtml {
  const t = req.t;
  const { edition } = view;
  const labels = { title: t('training.staff.work.fields.title'), description: t('training.staff.work.fields.description'), dueOn: t('training.staff.work.fields.dueOn') };
  return html`<h1 class="cv-page-title">${textIn(view.path.title, req.locale)} · ${t('training.edition.name', { number: edition.number })}</h1>
    ${editionTabs(req, edition, view.abilities, 'work')}
    ${notice(req, 'training.staff.notices', ['assignmentCreated'])}
    ${view.assignments.length === 0 ? html`<p>${t('training.staff.work.none')}</p>` : ''}
    ${view.assignments.map(
      (a) => html`<section class="mb-4" aria-labelledby="assignment-${a.id}"><h2 class="h5" id="assignment-${a.id}">${a.title}</h2>
        <p>${a.description}</p>${a.dueOn ? html`<p class="small">${t('training.staff.work.due', { date: formatDay(req, a.dueOn) })}</p>` : ''}
        <ul>${view.groups.map((g) => {
          const s = view.submissions.find((x) => x.assignmentId === a.id && x.groupId === g.id);
          return html`<li>${t('training.staff.groups.group', { number: g.number })}: ${s
            ? html`${t('training.staff.work.submitted', { date: formatInstant(req, s.submittedAt) })} — ${s.body}${s.linkUrl ? html` <a href="${s.linkUrl}">${t('training.staff.work.link')}</a>` : ''}`
            : t('training.staff.work.missing')}</li>`;
        })}</ul></section>`,
    )}
    ${edition.state !== 'completed'
      ? html`<h2 class="h5">${t('training.staff.work.new')}</h2>
        ${errorSummary(req, view.state, labels)}
        <form method="post" action="${href(req, `/training/manage/editions/${edition.id}/work`)}" novalidate>${csrfField(req)}
          ${inputField(req, view.state, { name: 'title', label: labels.title, isRequired: true, maxLength: 200 })}
          ${textareaField(req, view.state, { name: 'description', label: labels.description, isRequired: true, rows: 4 })}
          ${inputField(req, view.state, { name: 'dueOn', label: labels.dueOn, type: 'date' })}
          <button type="submit" class="btn btn-primary">${t('training.staff.work.create')}</button></form>`
      : ''}`;
}

/** Satisfaction, competence change before/after by profile, and peer scores of an edition. */
export function evaluationView(req: FastifyRequest, view: EvaluationOverview): SafeHtml {
  const t = req.t;
  const { edition } = view;
  return html`<h1 class="cv-page-title">${textIn(view.path.title, req.locale)} · ${t('training.edition.name', { number: edition.number })}</h1>
    ${editionTabs(req, edition, view.abilities, 'evaluation')}
    <h2 class="h4">${t('training.staff.evaluation.satisfaction')}</h2>
    <div class="table-responsive"><table class="table table-sm"><caption>${t('training.staff.evaluation.satisfactionCaption')}</caption>
      <thead><tr><th scope="col">${t('training.staff.evaluation.question')}</th><th scope="col">${t('training.staff.evaluation.average')}</th></tr></thead>
      <tbody>${FEEDBACK_QUESTIONS.map((q) => html`<tr><th scope="row">${t(`training.questions.${q}`)}</th><td>${showAverage(req, view.satisfaction.byQuestion[q])}</td></tr>`)}
        <tr><th scope="row">${t('training.staff.evaluation.sessionsOverall')}</th><td>${showAverage(req, view.satisfaction.sessionsOverall)}</td></tr></tbody></table></div>
    <div class="table-responsive"><table class="table table-sm"><caption>${t('training.staff.evaluation.perSessionCaption')}</caption>
      <thead><tr><th scope="col">${t('training.edition.day')}</th><th scope="col">${t('training.staff.evaluation.average')}</th></tr></thead>
      <tbody>${view.perSession.map((s) => html`<tr><th scope="row">${formatDay(req, s.session.date)} · ${textIn(s.session.topic, req.locale)}</th><td>${showAverage(req, s.overall)}</td></tr>`)}</tbody></table></div>
    <h2 class="h4">${t('training.staff.evaluation.competences')}</h2>
    <div class="table-responsive"><table class="table table-sm"><caption>${t('training.staff.evaluation.competencesCaption')}</caption>
      <thead><tr><th scope="col">${t('training.edition.competences')}</th><th scope="col">${t('training.staff.evaluation.before')}</th><th scope="col">${t('training.staff.evaluation.after')}</th><th scope="col">${t('training.staff.evaluation.change')}</th></tr></thead>
      <tbody>${view.path.competences.map((c, i) => {
        const row = view.competences.byCompetence[i];
        return html`<tr><th scope="row">${textIn(c, req.locale)}</th><td>${showAverage(req, row?.before)}</td><td>${showAverage(req, row?.after)}</td><td>${showAverage(req, row?.change)}</td></tr>`;
      })}</tbody></table></div>
    <div class="table-responsive"><table class="table table-sm"><caption>${t('training.staff.evaluation.byProfileCaption')}</caption>
      <thead><tr><th scope="col">${t('training.staff.selection.profile')}</th><th scope="col">${t('training.staff.evaluation.satisfactionShort')}</th><th scope="col">${t('training.staff.evaluation.change')}</th></tr></thead>
      <tbody>${PROFILES.map((p) => html`<tr><th scope="row">${t(`training.profiles.${p}`)}</th><td>${showAverage(req, view.satisfaction.byProfile[p])}</td><td>${showAverage(req, view.competences.byProfile[p])}</td></tr>`)}</tbody></table></div>
    <h2 class="h4">${t('training.staff.evaluation.peer')}</h2>
    <div class="table-responsive"><table class="table table-sm"><caption>${t('training.staff.evaluation.peerCaption')}</caption>
      <thead><tr><th scope="col">${t('training.staff.attendance.participant')}</th><th scope="col">${t('training.staff.evaluation.average')}</th></tr></thead>
      <tbody>${view.peerScores.map((p) => html`<tr><th scope="row">${p.participant.fullName}</th><td>${showAverage(req, p.received)}</td></tr>`)}</tbody></table></div>
    ${view.comments.length ? html`<h2 class="h4">${t('training.staff.evaluation.comments')}</h2><ul>${view.comments.map((c) => html`<li>${c}</li>`)}</ul>` : ''}`;
}
