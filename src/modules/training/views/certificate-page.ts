import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import { hoursOf } from '../domain/attendance.ts';
import { textIn } from '../domain/content.ts';
import type { Verification } from '../use-cases/verify-certificate.ts';
import { formatDay, formatInstant, formatNumber } from './components.ts';

/** The form where anyone types a verification code. */
export function verifyFormView(req: FastifyRequest, options: { code?: string; isInvalid?: boolean }): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('training.verify.title')}</h1>
    <p class="lead">${t('training.verify.intro')}</p>
    <form method="get" action="${href(req, '/certificates')}" role="search" aria-label="${t('training.verify.title')}">
      <div class="form-group">
        <label for="field-code" class="active">${t('training.verify.code')}</label>
        <input type="text" id="field-code" name="code" class="form-control${options.isInvalid ? ' is-invalid' : ''}" value="${options.code ?? ''}"
          maxlength="20" autocomplete="off" autocapitalize="characters" aria-describedby="hint-code${options.isInvalid ? ' error-code' : ''}"${options.isInvalid ? html` aria-invalid="true"` : ''}>
        <small id="hint-code" class="form-text">${t('training.verify.hint')}</small>
        ${options.isInvalid ? html`<div id="error-code" class="invalid-feedback d-block">${t('training.verify.invalidCode')}</div>` : ''}
      </div>
      <button type="submit" class="btn btn-primary">${t('training.verify.submit')}</button>
    </form>`;
}

/**
 * The verification page of a code. A valid certificate shows its full content so that a falsified PDF is
 * caught; a revoked or unknown code shows no personal data at all.
 */
export function verificationView(req: FastifyRequest, verification: Verification, regionName: string | null): SafeHtml {
  const t = req.t;
  if (verification.status === 'unknown') {
    return html`<h1 class="cv-page-title">${t('training.verify.unknownTitle')}</h1>
      <div class="alert alert-danger" role="alert">${t('training.verify.unknown')}</div>
      <p><a href="${href(req, '/certificates')}">${t('training.verify.again')}</a></p>`;
  }
  if (verification.status === 'revoked') {
    return html`<h1 class="cv-page-title">${t('training.verify.revokedTitle')}</h1>
      <div class="alert alert-danger" role="alert">${t('training.verify.revoked', { code: verification.code, date: formatInstant(req, verification.revokedAt) })}</div>
      <p><strong>${t('training.verify.reason')}:</strong> ${verification.reason}</p>
      <p><a href="${href(req, '/certificates')}">${t('training.verify.again')}</a></p>`;
  }
  const c = verification.certificate;
  return html`<h1 class="cv-page-title">${t('training.verify.validTitle')}</h1>
    <div class="alert alert-success" role="status">${t('training.verify.valid')}</div>
    <p>${t('training.verify.compare')}</p>
    <dl class="row">
      <dt class="col-sm-4">${t('training.verify.fields.holder')}</dt><dd class="col-sm-8">${c.holderName}</dd>
      <dt class="col-sm-4">${t('training.verify.fields.path')}</dt><dd class="col-sm-8">${textIn(c.pathTitle, req.locale)} (${c.pathCode})</dd>
      <dt class="col-sm-4">${t('training.verify.fields.edition')}</dt><dd class="col-sm-8">${t('training.edition.name', { number: c.editionNumber })} · ${regionName ?? c.regionCode}</dd>
      <dt class="col-sm-4">${t('training.verify.fields.dates')}</dt><dd class="col-sm-8">${formatDay(req, c.startsOn)} – ${formatDay(req, c.endsOn)}</dd>
      <dt class="col-sm-4">${t('training.verify.fields.hours')}</dt><dd class="col-sm-8">${t('training.verify.hoursValue', { attended: formatNumber(req, hoursOf(c.minutesAttended)), planned: formatNumber(req, hoursOf(c.minutesPlanned)) })}</dd>
      <dt class="col-sm-4">${t('training.verify.fields.competences')}</dt><dd class="col-sm-8"><ul class="mb-0">${c.competences.map((x) => html`<li>${textIn(x, req.locale)}</li>`)}</ul></dd>
      <dt class="col-sm-4">${t('training.verify.fields.issued')}</dt><dd class="col-sm-8">${formatInstant(req, c.issuedAt)}</dd>
      <dt class="col-sm-4">${t('training.verify.fields.code')}</dt><dd class="col-sm-8"><code>${c.code}</code></dd>
    </dl>`;
}
