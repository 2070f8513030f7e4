import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import type { Certificate } from '../data/records.ts';
import { hoursOf } from '../domain/attendance.ts';
import { textIn } from '../domain/content.ts';
import type { AttendanceOverview } from '../use-cases/show-attendance.ts';
import { actionErrors, editionTabs, formatInstant, formatLongDay, formatNumber, notice } from './components.ts';

function heading(req: FastifyRequest, view: Pick<AttendanceOverview, 'path' | 'edition'>): SafeHtml {
  return html`<h1 class="cv-page-title">${textIn(view.path.title, req.locale)} · ${req.t('training.edition.name', { number: view.edition.number })}</h1>`;
}

/** Hours per participant against the threshold, and the sessions' registers. */
export function attendanceView(req: FastifyRequest, view: AttendanceOverview): SafeHtml {
  const t = req.t;
  return html`${heading(req, view)}
    ${editionTabs(req, view.edition, view.abilities, 'attendance')}
    <p>${t('training.staff.attendance.threshold', { percent: view.edition.attendanceThreshold })}</p>
    <h2 class="h5">${t('training.staff.attendance.sessions')}</h2>
    <ul>${view.sessions.map((s) => html`<li><a href="${href(req, `/training/manage/sessions/${s.id}`)}">${formatLongDay(req, s.date)}, ${s.startsAt}–${s.endsAt}</a> · ${textIn(s.topic, req.locale)}</li>`)}</ul>
    <div class="table-responsive"><table class="table table-striped">
      <caption>${t('training.staff.attendance.caption')}</caption>
      <thead><tr><th scope="col">${t('training.staff.attendance.participant')}</th><th scope="col">${t('training.staff.attendance.hours')}</th>
        <th scope="col">${t('training.staff.attendance.rate')}</th><th scope="col">${t('training.staff.attendance.eligible')}</th></tr></thead>
      <tbody>${view.rows.map(
        ({ participant, total }) => html`<tr><th scope="row">${participant.fullName}</th>
          <td>${formatNumber(req, hoursOf(total.minutesAttended))} / ${formatNumber(req, hoursOf(total.minutesPlanned))}</td>
          <td>${total.rate}%</td><td>${total.isEligible ? t('training.staff.attendance.yes') : t('training.staff.attendance.no')}</td></tr>`,
      )}</tbody></table></div>`;
}

/** Certificates of an edition: issue them once it is completed, download, revoke with a reason. */
export function certificatesView(req: FastifyRequest, view: Pick<AttendanceOverview, 'path' | 'edition' | 'abilities'> & { certificates: Certificate[]; errors?: FieldError[] }): SafeHtml {
  const t = req.t;
  const base = `/training/manage/editions/${view.edition.id}`;
  return html`${heading(req, view)}
    ${editionTabs(req, view.edition, view.abilities, 'certificates')}
    ${notice(req, 'training.staff.notices', ['certificatesIssued', 'certificateRevoked'])}
    ${actionErrors(req, view.errors)}
    ${view.edition.state === 'completed'
      ? html`<form method="post" action="${href(req, `${base}/certificates`)}" class="mb-4">${csrfField(req)}
          <p>${t('training.staff.certificates.issueHint', { percent: view.edition.attendanceThreshold })}</p>
          <button type="submit" class="btn btn-primary">${t('training.staff.certificates.issue')}</button></form>`
      : html`<p>${t('training.staff.certificates.notYet')}</p>`}
    ${view.certificates.length === 0
      ? html`<p>${t('training.staff.certificates.none')}</p>`
      : html`<ul class="list-unstyled">${view.certificates.map(
          (c) => html`<li class="card card-bg mb-3"><div class="card-body">
            <h2 class="h6 mb-1">${c.holderName} · <code>${c.code}</code></h2>
            <p class="small mb-1">${t('training.verify.hoursValue', { attended: formatNumber(req, hoursOf(c.minutesAttended)), planned: formatNumber(req, hoursOf(c.minutesPlanned)) })}
              · ${t('training.staff.certificates.issuedOn', { date: formatInstant(req, c.issuedAt) })}</p>
            ${c.revokedAt
              ? html`<p class="small text-danger mb-0">${t('training.staff.certificates.revokedOn', { date: formatInstant(req, c.revokedAt), reason: c.revocationReason ?? '' })}</p>`
              : html`<p class="mb-2"><a href="${href(req, `/training/manage/certificates/${c.id}/pdf`)}">${t('training.staff.certificates.download')}</a> ·
                  <a href="${href(req, `/certificates/${c.code}`)}">${t('training.staff.certificates.verify')}</a></p>
                <details><summary class="small">${t('training.staff.certificates.revoke')}</summary>
                  <form method="post" action="${href(req, `/training/manage/certificates/${c.id}/revoke`)}" class="mt-2">${csrfField(req)}
                    <div class="form-group"><label for="reason-${c.id}" class="active">${t('training.staff.certificates.reason')}</label>
                      <input type="text" id="reason-${c.id}" name="reason" class="form-control" maxlength="500" required aria-describedby="reason-hint-${c.id}">
                      <small id="reason-hint-${c.id}" class="form-text">${t('training.staff.certificates.reasonHint')}</small></div>
                    <button type="submit" class="btn btn-sm btn-outline-danger">${t('training.staff.certificates.confirmRevoke')}</button></form></details>`}
          </div></li>`,
        )}</ul>`}`;
}
