import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { textIn } from '../domain/content.ts';
import { ATTENDANCE_STATUSES } from '../domain/vocabulary.ts';
import type { Register } from '../use-cases/show-register.ts';
import { actionErrors, formatInstant, formatLongDay, notice } from './components.ts';

function sessionFacts(req: FastifyRequest, view: Register): SafeHtml {
  const { session } = view;
  return html`<p class="lead">${formatLongDay(req, session.date)}, ${session.startsAt}–${session.endsAt}<br>
    ${textIn(session.topic, req.locale)}${session.place ? html` · ${session.place}` : ''}${view.trainerName ? html` · ${view.trainerName}` : ''}</p>`;
}

/** The register on a phone: a block per participant with present / partial / absent and times for partial presence. */
export function registerView(req: FastifyRequest, view: Register & { errors?: FieldError[]; values?: Record<string, unknown> }): SafeHtml {
  const t = req.t;
  const { session, edition } = view;
  const base = `/training/manage/sessions/${session.id}`;
  const value = (name: string, fallback: string | null) => (view.values && typeof view.values[name] === 'string' ? String(view.values[name]) : fallback ?? '');
  const errorFor = (name: string) => view.errors?.find((e) => e.field === name);
  return html`<h1 class="cv-page-title">${t('training.staff.register.title')}</h1>
    ${sessionFacts(req, view)}
    ${notice(req, 'training.staff.notices', ['attendanceSaved', 'codeOpened'])}
    ${actionErrors(req, view.errors)}
    <p class="cv-no-print"><a href="${href(req, `/training/manage/editions/${edition.id}`)}">${t('training.staff.register.backToEdition')}</a> ·
      <a href="${href(req, `${base}/paper`)}">${t('training.staff.register.paper')}</a></p>
    <section aria-labelledby="code-title" class="card card-bg mb-4"><div class="card-body">
      <h2 id="code-title" class="h5">${t('training.staff.register.codeTitle')}</h2>
      ${view.activeCode
        ? html`<p class="display-4 fw-bold mb-1" aria-live="polite"><span class="visually-hidden">${t('training.staff.register.codeIs')}</span>${view.activeCode.code}</p>
            <p>${t('training.staff.register.codeUntil', { time: formatInstant(req, view.activeCode.expiresAt) })}</p>`
        : html`<p>${t('training.staff.register.codeNone')}</p>`}
      <form method="post" action="${href(req, `${base}/code`)}">${csrfField(req)}
        <button type="submit" class="btn btn-outline-primary">${t('training.staff.register.openCode')}</button></form>
    </div></section>
    <h2 class="h4">${t('training.staff.register.class', { count: view.participants.length })}</h2>
    ${view.participants.length === 0
      ? html`<p>${t('training.staff.register.empty')}</p>`
      : html`<form method="post" action="${href(req, `${base}/attendance`)}" novalidate>${csrfField(req)}
          ${view.participants.map((p) => {
            const mark = view.marks.get(p.id);
            const current = value(`status_${p.id}`, mark?.status ?? null);
            const error = errorFor(`arrived_${p.id}`) ?? errorFor(`status_${p.id}`);
            return html`<fieldset class="border rounded p-3 mb-3" id="field-status_${p.id}">
              <legend class="h6 float-none w-auto px-1 mb-1">${p.fullName}</legend>
              <p class="small mb-2">${p.organisationName}${mark ? html` · ${t(`training.staff.register.sources.${mark.source}`)}` : ''}</p>
              <div class="d-flex flex-wrap gap-3 mb-2">${ATTENDANCE_STATUSES.map(
                (status) => html`<div class="form-check form-check-inline">
                  <input type="radio" name="status_${p.id}" id="status_${p.id}_${status}" value="${status}" ${current === status ? html`checked` : ''}>
                  <label for="status_${p.id}_${status}">${t(`training.staff.register.statuses.${status}`)}</label></div>`,
              )}</div>
              <div class="row g-2">
                <div class="col-6"><label class="small" for="field-arrived_${p.id}">${t('training.staff.register.arrived')}</label>
                  <input class="form-control" type="time" id="field-arrived_${p.id}" name="arrived_${p.id}" value="${value(`arrived_${p.id}`, mark?.arrivedAt ?? null)}"
                    ${error ? html`aria-invalid="true" aria-describedby="error-${p.id}"` : ''}></div>
                <div class="col-6"><label class="small" for="field-left_${p.id}">${t('training.staff.register.left')}</label>
                  <input class="form-control" type="time" id="field-left_${p.id}" name="left_${p.id}" value="${value(`left_${p.id}`, mark?.leftAt ?? null)}"></div>
              </div>
              ${error ? html`<div id="error-${p.id}" class="invalid-feedback d-block">${t(error.messageKey, error.values)}</div>` : ''}
            </fieldset>`;
          })}
          <div class="form-check mb-3"><input type="checkbox" id="field-source" name="source" value="paper">
            <label for="field-source">${t('training.staff.register.fromPaper')}</label></div>
          <button type="submit" class="btn btn-primary btn-lg w-100">${t('training.staff.register.save')}</button>
        </form>`}`;
}

/** The paper register to print for rooms without connectivity; the trainer transcribes it later. */
export function paperRegisterView(req: FastifyRequest, view: Register & { pathTitle: string }): SafeHtml {
  const t = req.t;
  return html`<div class="cv-paper-register">
    <h1 class="cv-page-title h3">${t('training.staff.register.paperTitle')}</h1>
    <p><strong>${view.pathTitle}</strong> · ${t('training.edition.name', { number: view.edition.number })}</p>
    ${sessionFacts(req, view)}
    <p class="cv-no-print">${t('training.staff.register.printHint')} <a href="${href(req, `/training/manage/sessions/${view.session.id}`)}">${t('training.staff.register.back')}</a></p>
    <table class="table table-bordered cv-register-table">
      <caption>${t('training.staff.register.paperCaption')}</caption>
      <thead><tr>
        <th scope="col">#</th><th scope="col">${t('training.staff.register.columns.name')}</th><th scope="col">${t('training.staff.register.columns.organisation')}</th>
        <th scope="col">${t('training.staff.register.arrived')}</th><th scope="col">${t('training.staff.register.columns.signatureIn')}</th>
        <th scope="col">${t('training.staff.register.left')}</th><th scope="col">${t('training.staff.register.columns.signatureOut')}</th>
      </tr></thead>
      <tbody>${view.participants.map(
        (p, i) => html`<tr><td>${i + 1}</td><th scope="row">${p.fullName}</th><td>${p.organisationName}</td><td></td><td></td><td></td><td></td></tr>`,
      )}</tbody>
    </table>
    <p class="mt-4">${t('training.staff.register.trainerSignature')}: ______________________________</p>
  </div>`;
}
