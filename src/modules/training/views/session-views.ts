import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { errorSummary, inputField, selectField, textareaField, type FormState } from '../../../kernel/web/forms.ts';
import type { PersonName } from '../data/people-repository.ts';

/** The fields of the session form, in order. */
export const SESSION_FIELDS = ['date', 'startsAt', 'endsAt', 'topic', 'place', 'onlineUrl', 'trainerPersonId', 'materials'] as const;

/** The session form (a new session of an edition, or an existing one). */
export function sessionFormView(
  req: FastifyRequest,
  view: { title: string; action: string; cancel: string; state: FormState; trainers: PersonName[]; dates: { start: string; end: string }; deleteAction?: string },
): SafeHtml {
  const t = req.t;
  const label = (f: string) => t(`training.staff.session.fields.${f}`);
  const { state } = view;
  return html`<h1 class="cv-page-title">${view.title}</h1>
    ${errorSummary(req, state, Object.fromEntries(SESSION_FIELDS.map((f) => [f, label(f)])))}
    <form method="post" action="${view.action}" novalidate>${csrfField(req)}
      <p class="small">${t('forms.requiredNote')} ${t('training.staff.session.datesNote', { start: view.dates.start, end: view.dates.end })}</p>
      ${inputField(req, state, { name: 'date', label: label('date'), type: 'date', isRequired: true })}
      ${inputField(req, state, { name: 'startsAt', label: label('startsAt'), type: 'time', isRequired: true })}
      ${inputField(req, state, { name: 'endsAt', label: label('endsAt'), type: 'time', isRequired: true })}
      ${inputField(req, state, { name: 'topic', label: label('topic'), isRequired: true, maxLength: 300 })}
      ${inputField(req, state, { name: 'place', label: label('place'), maxLength: 300, hint: t('training.staff.session.hints.place') })}
      ${inputField(req, state, { name: 'onlineUrl', label: label('onlineUrl'), type: 'url', maxLength: 500, hint: t('training.staff.session.hints.onlineUrl') })}
      ${selectField(req, state, { name: 'trainerPersonId', label: label('trainerPersonId'), placeholder: t('training.staff.session.noTrainer'), choices: view.trainers.map((p) => ({ value: p.id, label: p.fullName })) })}
      ${textareaField(req, state, { name: 'materials', label: label('materials'), hint: t('training.staff.session.hints.materials'), rows: 3 })}
      <button type="submit" class="btn btn-primary">${t('forms.save')}</button>
      <a class="btn btn-outline-secondary" href="${href(req, view.cancel)}">${t('forms.cancel')}</a>
    </form>
    ${view.deleteAction
      ? html`<form method="post" action="${view.deleteAction}" class="mt-4">${csrfField(req)}
          <button type="submit" class="btn btn-outline-danger btn-sm">${t('training.staff.session.delete')}</button></form>`
      : ''}`;
}
