import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { textIn } from '../domain/content.ts';
import { FEEDBACK_QUESTIONS } from '../domain/vocabulary.ts';
import type { MyEdition } from '../use-cases/show-my-edition.ts';
import { formatDay } from './components.ts';

/** A 1–5 scale as radio buttons in a fieldset. */
export function scoreScale(req: FastifyRequest, options: { name: string; legend: string; idPrefix: string; errors?: FieldError[]; value?: number }): SafeHtml {
  const error = options.errors?.find((e) => e.field === options.name);
  return html`<fieldset class="mb-3" id="field-${options.idPrefix}-${options.name}"${error ? html` aria-describedby="error-${options.idPrefix}-${options.name}"` : ''}>
    <legend class="h6 mb-1">${options.legend}</legend>
    <div class="d-flex flex-wrap gap-2">${[1, 2, 3, 4, 5].map(
      (n) => html`<div class="form-check form-check-inline">
        <input type="radio" id="${options.idPrefix}-${options.name}-${n}" name="${options.name}" value="${n}" ${options.value === n ? html`checked` : ''}>
        <label for="${options.idPrefix}-${options.name}-${n}">${n}<span class="visually-hidden"> ${req.t('training.my.scaleOf')}</span></label></div>`,
    )}</div>
    <p class="small mb-0">${req.t('training.my.scaleHint')}</p>
    ${error ? html`<div id="error-${options.idPrefix}-${options.name}" class="invalid-feedback d-block">${req.t(error.messageKey, error.values)}</div>` : ''}
  </fieldset>`;
}

/** The questionnaire of a session (one question) or of the edition (every question). */
export function feedbackForm(req: FastifyRequest, view: MyEdition, options: { sessionId: string | null; label: string; errors?: FieldError[] }): SafeHtml {
  const t = req.t;
  const questions = options.sessionId ? (['overall'] as const) : FEEDBACK_QUESTIONS;
  const prefix = options.sessionId ? `s${options.sessionId.slice(0, 8)}` : 'edition';
  return html`<form method="post" action="${href(req, `/training/my/${view.application.id}/feedback`)}" class="card card-bg mb-3" novalidate><div class="card-body">
    <h3 class="h6">${options.label}</h3>${csrfField(req)}
    ${options.sessionId ? html`<input type="hidden" name="sessionId" value="${options.sessionId}">` : ''}
    ${questions.map((q) => scoreScale(req, { name: q, legend: t(`training.questions.${q}`), idPrefix: prefix, errors: options.errors }))}
    <div class="form-group"><label for="${prefix}-comment" class="active">${t('training.my.comment')}</label>
      <textarea id="${prefix}-comment" name="comment" class="form-control" rows="2" maxlength="2000"></textarea></div>
    <button type="submit" class="btn btn-sm btn-primary">${t('training.my.send')}</button></div></form>`;
}

/** The competence self-assessment of a phase. */
export function assessmentForm(req: FastifyRequest, view: MyEdition, phase: 'before' | 'after', errors?: FieldError[]): SafeHtml {
  const t = req.t;
  return html`<form method="post" action="${href(req, `/training/my/${view.application.id}/assessment`)}" class="card card-bg mb-3" novalidate><div class="card-body">
    <h3 class="h6">${t(`training.my.assessment.${phase}`)}</h3>${csrfField(req)}
    <input type="hidden" name="phase" value="${phase}">
    ${view.path.competences.map((c, i) => scoreScale(req, { name: `competence_${i}`, legend: textIn(c, req.locale), idPrefix: phase, errors }))}
    <button type="submit" class="btn btn-sm btn-primary">${t('training.my.send')}</button></div></form>`;
}

/** The peer review of the other members of the participant's group. */
export function peerReviewForms(req: FastifyRequest, view: MyEdition, errors?: FieldError[]): SafeHtml {
  const t = req.t;
  const others = view.group?.members.filter((m) => m.id !== view.application.id) ?? [];
  return html`${others.map(
    (m) => html`<form method="post" action="${href(req, `/training/my/${view.application.id}/review`)}" class="card card-bg mb-2" novalidate><div class="card-body py-2">
      ${csrfField(req)}<input type="hidden" name="revieweeId" value="${m.id}">
      ${scoreScale(req, { name: `score_${m.id}`, legend: t('training.my.review.about', { name: m.fullName }), idPrefix: 'review', errors, value: view.reviewsGiven.get(m.id) })}
      <div class="form-group"><label for="review-comment-${m.id}" class="active">${t('training.my.comment')}</label>
        <input type="text" id="review-comment-${m.id}" name="comment" class="form-control" maxlength="1000"></div>
      <button type="submit" class="btn btn-sm btn-primary">${view.reviewsGiven.has(m.id) ? t('training.my.review.update') : t('training.my.send')}</button></div></form>`,
  )}`;
}

/** The group's submission for each assignment. */
export function groupWorkForms(req: FastifyRequest, view: MyEdition, errors?: FieldError[]): SafeHtml {
  const t = req.t;
  return html`${view.assignments.map((a) => {
    const submitted = view.submissions.get(a.id);
    return html`<div class="card card-bg mb-3"><div class="card-body">
      <h3 class="h6">${a.title}</h3><p class="small">${a.description}</p>
      ${a.dueOn ? html`<p class="small">${t('training.my.work.due', { date: formatDay(req, a.dueOn) })}</p>` : ''}
      ${submitted ? html`<p class="small">${t('training.my.work.submitted')}: ${submitted.body}</p>` : ''}
      ${view.window.canWorkInGroup
        ? html`<form method="post" action="${href(req, `/training/my/${view.application.id}/work`)}" novalidate>${csrfField(req)}
            <input type="hidden" name="assignmentId" value="${a.id}">
            <div class="form-group"><label for="work-${a.id}" class="active">${t('training.my.work.body')}</label>
              <textarea id="work-${a.id}" name="body" class="form-control" rows="3"${errors?.some((e) => e.field === 'body') ? html` aria-invalid="true"` : ''}>${submitted?.body ?? ''}</textarea></div>
            <div class="form-group"><label for="work-link-${a.id}" class="active">${t('training.my.work.link')}</label>
              <input type="url" id="work-link-${a.id}" name="linkUrl" class="form-control" value="${submitted?.linkUrl ?? ''}"></div>
            <button type="submit" class="btn btn-sm btn-primary">${t('training.my.work.submit')}</button></form>`
        : ''}
    </div></div>`;
  })}`;
}
