import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { hoursOf } from '../domain/attendance.ts';
import { textIn } from '../domain/content.ts';
import { isClassOpen } from '../domain/edition-states.ts';
import type { MyEdition } from '../use-cases/show-my-edition.ts';
import { actionErrors, formatDay, formatLongDay, formatNumber, statusBadge } from './components.ts';
import { assessmentForm, feedbackForm, groupWorkForms, peerReviewForms } from './my-forms.ts';

const NOTICES = ['feedback', 'assessment', 'review', 'work', 'withdrawn'];

/** A participant's page of their edition: calendar and own attendance, hours, group, work, questionnaires, certificate. */
export function myEditionView(req: FastifyRequest, view: MyEdition & { errors?: FieldError[]; section?: string }): SafeHtml {
  const t = req.t;
  const { application, edition, path } = view;
  const isParticipant = application.status === 'admitted';
  const done = (req.query as { done?: string }).done;
  const errorsFor = (section: string) => (view.section === section ? view.errors : undefined);
  const pendingSessions = view.sessions.filter((s) => view.window.pastSessionIds.includes(s.id) && !view.answeredSessionIds.has(s.id));
  return html`<h1 class="cv-page-title">${textIn(path.title, req.locale)} · ${t('training.edition.name', { number: edition.number })}</h1>
    ${done && NOTICES.includes(done) ? html`<div class="alert alert-success" role="status">${t(`training.my.notices.${done}`)}</div>` : ''}
    ${actionErrors(req, view.section === 'withdraw' ? view.errors : undefined)}
    <p>${formatDay(req, edition.startsOn)} – ${formatDay(req, edition.endsOn)} · ${statusBadge(req, application.status)}</p>
    ${application.status === 'waiting' ? html`<p>${t('training.my.waitingNote')}</p>` : ''}
    ${view.certificate
      ? html`<section class="alert alert-success" aria-labelledby="certificate-title"><h2 id="certificate-title" class="h5">${t('training.my.certificate.title')}</h2>
          <p>${t('training.my.certificate.code', { code: view.certificate.code })}</p>
          <p class="mb-0"><a class="btn btn-primary" href="${href(req, `/training/my/${application.id}/certificate.pdf`)}">${t('training.my.certificate.download')}</a>
            <a href="${href(req, `/certificates/${view.certificate.code}`)}">${t('training.my.certificate.verify')}</a></p></section>`
      : ''}
    ${view.total
      ? html`<p>${t('training.my.hours', { attended: formatNumber(req, hoursOf(view.total.minutesAttended)), planned: formatNumber(req, hoursOf(view.total.minutesPlanned)), rate: view.total.rate, threshold: edition.attendanceThreshold })}</p>`
      : ''}
    <h2>${t('training.edition.calendar')}</h2>
    <ul class="list-unstyled">${view.sessions.map((s) => {
      const mark = view.marks.get(s.id);
      return html`<li class="border-bottom py-2"><strong>${formatLongDay(req, s.date)}, ${s.startsAt}–${s.endsAt}</strong> · ${textIn(s.topic, req.locale)}<br>
        <span class="small">${s.place ?? ''}${isParticipant && s.onlineUrl ? html` <a href="${s.onlineUrl}">${t('training.my.join')}</a>` : ''}
        ${isParticipant && mark ? html` · ${t(`training.my.marks.${mark.status}`)}` : ''}</span>
        ${isParticipant && s.materials.length ? html`<br><span class="small">${t('training.my.materials')}: ${s.materials.map((m, i) => html`${i ? ', ' : ''}<a href="${m.url}">${m.label}</a>`)}</span>` : ''}</li>`;
    })}</ul>
    ${view.group
      ? html`<h2>${t('training.my.group', { number: view.group.number })}</h2>
        <ul>${view.group.members.map((m) => html`<li>${m.fullName} · ${m.organisationName} · ${t(`training.profiles.${m.profile}`)}</li>`)}</ul>`
      : ''}
    ${isParticipant && view.assignments.length && view.group ? html`<h2>${t('training.my.work.title')}</h2>${actionErrors(req, errorsFor('work'))}${groupWorkForms(req, view, errorsFor('work'))}` : ''}
    ${isParticipant && view.group && view.group.members.length > 1 && (view.window.canWorkInGroup || edition.state === 'completed')
      ? html`<h2>${t('training.my.review.title')}</h2><p class="small">${t('training.my.review.intro')}</p>${peerReviewForms(req, view, errorsFor('review'))}`
      : ''}
    ${isParticipant
      ? html`<h2>${t('training.my.questionnaires')}</h2>
        ${actionErrors(req, errorsFor('feedback'))}
        ${pendingSessions.map((s) => feedbackForm(req, view, { sessionId: s.id, label: t('training.my.sessionQuestionnaire', { date: formatDay(req, s.date) }), errors: errorsFor('feedback') }))}
        ${view.window.canAnswerEditionQuestionnaire && !view.hasEditionFeedback ? feedbackForm(req, view, { sessionId: null, label: t('training.my.editionQuestionnaire'), errors: errorsFor('feedback') }) : ''}
        ${actionErrors(req, errorsFor('assessment'))}
        ${view.window.canAssessBefore && !view.assessedPhases.has('before') ? assessmentForm(req, view, 'before', errorsFor('assessment')) : ''}
        ${view.window.canAssessAfter && !view.assessedPhases.has('after') ? assessmentForm(req, view, 'after', errorsFor('assessment')) : ''}
        ${pendingSessions.length === 0 && (view.hasEditionFeedback || !view.window.canAnswerEditionQuestionnaire) && (view.assessedPhases.has('before') || !view.window.canAssessBefore) && (view.assessedPhases.has('after') || !view.window.canAssessAfter)
          ? html`<p>${t('training.my.nothingToAnswer')}</p>`
          : ''}`
      : ''}
    ${isClassOpen(edition.state) && ['received', 'admitted', 'waiting'].includes(application.status)
      ? html`<form method="post" action="${href(req, `/training/my/${application.id}/withdraw`)}" class="mt-5">${csrfField(req)}
          <p class="small">${t('training.my.withdrawHint')}</p>
          <button type="submit" class="btn btn-outline-danger btn-sm">${t('training.my.withdraw')}</button></form>`
      : ''}`;
}
