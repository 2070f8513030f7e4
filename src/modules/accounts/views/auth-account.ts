import type { FastifyRequest } from 'fastify';
import { html, raw, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { errorSummary, inputField, type FormState } from '../../../kernel/web/forms.ts';
import type { MembershipRow } from '../data/auth-repository.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords.ts';

/** What the personal account page shows. */
export interface AccountPage {
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  memberships: MembershipRow[];
  totp: 'enabled' | 'pending' | 'off';
  notice: string | null;
  passwordForm: FormState;
  disableForm: FormState;
}

/** A role's label: a custom role's own label, else the built-in role's message, else its key. */
function roleLabel(req: FastifyRequest, membership: MembershipRow): string {
  const custom = req.locale === 'it' ? membership.labelIt : membership.labelEn;
  if (custom) return custom;
  const key = `accounts.roles.${membership.roleKey}`;
  const label = req.t(key);
  return label === key ? (membership.labelEn ?? membership.labelIt ?? membership.roleKey) : label;
}

function membershipsSection(req: FastifyRequest, page: AccountPage): SafeHtml {
  const t = req.t;
  return html`<section class="mt-5" aria-labelledby="memberships-title">
    <h2 class="h4" id="memberships-title">${t('accounts.auth.staff.account.memberships')}</h2>
    ${page.isPlatformAdmin ? html`<p class="alert alert-info">${t('accounts.auth.staff.account.platformAdmin')}</p>` : ''}
    ${page.memberships.length === 0
      ? page.isPlatformAdmin ? '' : html`<p>${t('accounts.auth.staff.account.noMemberships')}</p>`
      : html`<div class="table-responsive"><table class="table">
          <caption>${t('accounts.auth.staff.account.membershipsCaption')}</caption>
          <thead><tr><th scope="col">${t('accounts.auth.staff.account.organisation')}</th><th scope="col">${t('accounts.auth.staff.account.role')}</th></tr></thead>
          <tbody>${page.memberships.map((m) => html`<tr><th scope="row">${m.organisationName}</th><td>${roleLabel(req, m)}</td></tr>`)}</tbody>
        </table></div>`}
  </section>`;
}

function passwordSection(req: FastifyRequest, form: FormState): SafeHtml {
  const t = req.t;
  const labels = {
    currentPassword: t('accounts.auth.staff.password.current'),
    newPassword: t('accounts.auth.staff.password.new'),
    confirmation: t('accounts.auth.staff.password.confirmation'),
  };
  return html`<section class="mt-5" aria-labelledby="password-title">
    <h2 class="h4" id="password-title">${t('accounts.auth.staff.password.title')}</h2>
    <p>${t('accounts.auth.staff.password.note')}</p>
    ${errorSummary(req, form, labels)}
    <form method="post" action="${href(req, '/account/password')}" novalidate>
      ${csrfField(req)}
      ${inputField(req, form, { name: 'currentPassword', label: labels.currentPassword, type: 'password', autocomplete: 'current-password', isRequired: true })}
      ${inputField(req, form, {
        name: 'newPassword',
        label: labels.newPassword,
        type: 'password',
        autocomplete: 'new-password',
        hint: t('accounts.auth.password.hint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
        isRequired: true,
      })}
      ${inputField(req, form, { name: 'confirmation', label: labels.confirmation, type: 'password', autocomplete: 'new-password', isRequired: true })}
      <button type="submit" class="btn btn-primary">${t('accounts.auth.staff.password.submit')}</button>
    </form>
  </section>`;
}

function totpSection(req: FastifyRequest, page: AccountPage): SafeHtml {
  const t = req.t;
  // Named apart from the password form's field: both forms share the page, and ids must be unique.
  const labels = { password: t('accounts.auth.staff.password.current') };
  const disableForm = html`${errorSummary(req, page.disableForm, labels)}
    <form method="post" action="${href(req, '/account/second-factor/disable')}" novalidate>
      ${csrfField(req)}
      ${inputField(req, page.disableForm, {
        name: 'password',
        label: labels.password,
        hint: t('accounts.auth.staff.totp.disableHint'),
        type: 'password',
        autocomplete: 'current-password',
        isRequired: true,
      })}
      <button type="submit" class="btn btn-outline-danger">${t(page.totp === 'enabled' ? 'accounts.auth.staff.totp.disable' : 'accounts.auth.staff.totp.abandon')}</button>
    </form>`;
  return html`<section class="mt-5" aria-labelledby="totp-title">
    <h2 class="h4" id="totp-title">${t('accounts.auth.staff.totp.title')}</h2>
    <p>${t('accounts.auth.staff.totp.intro')}</p>
    <p><strong>${t(`accounts.auth.staff.totp.status.${page.totp}`)}</strong></p>
    ${page.totp === 'enabled'
      ? disableForm
      : html`<form method="post" action="${href(req, '/account/second-factor/start')}">${csrfField(req)}
          <button type="submit" class="btn btn-primary">${t(page.totp === 'pending' ? 'accounts.auth.staff.totp.restart' : 'accounts.auth.staff.totp.start')}</button></form>
        ${page.totp === 'pending' ? html`<p class="mt-3"><a href="${href(req, '/account/second-factor')}">${t('accounts.auth.staff.totp.continue')}</a></p>${disableForm}` : ''}`}
  </section>`;
}

/** The personal account page: details, memberships, password change and the second factor. */
export function accountView(req: FastifyRequest, page: AccountPage): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title mt-4">${t('accounts.auth.staff.account.title')}</h1>
    ${page.notice ? html`<div class="alert alert-success" role="status">${page.notice}</div>` : ''}
    <section aria-labelledby="details-title">
      <h2 class="h4" id="details-title">${t('accounts.auth.staff.account.details')}</h2>
      <dl class="row">
        <dt class="col-sm-3">${t('accounts.auth.staff.account.name')}</dt><dd class="col-sm-9">${page.name}</dd>
        <dt class="col-sm-3">${t('accounts.auth.staff.account.email')}</dt><dd class="col-sm-9" dir="ltr">${page.email}</dd>
      </dl>
    </section>
    ${membershipsSection(req, page)}
    <div class="row"><div class="col-lg-8">
      ${passwordSection(req, page.passwordForm)}
      ${totpSection(req, page)}
    </div></div>`;
}

/** The set-up of the second factor: QR code, the key in text, and the confirmation code. */
export function totpSetupView(req: FastifyRequest, options: { qrSvg: string; secret: string; form: FormState }): SafeHtml {
  const t = req.t;
  const labels = { code: t('accounts.auth.secondFactor.code') };
  const platform = req.server.shell.platformName;
  // The SVG comes from the qrcode package over our own otpauth URI: no user markup can reach it.
  const qr = raw(options.qrSvg.replace('<svg ', `<svg role="img" aria-labelledby="totp-qr-label" focusable="false" `));
  return html`<div class="row mt-4"><div class="col-lg-8">
    <h1 class="cv-page-title">${t('accounts.auth.staff.totp.setupTitle')}</h1>
    <ol>
      <li>${t('accounts.auth.staff.totp.stepApp')}</li>
      <li>${t('accounts.auth.staff.totp.stepScan')}
        <figure class="my-3"><div class="cv-totp-qr">${qr}</div>
          <figcaption id="totp-qr-label" class="visually-hidden">${t('accounts.auth.staff.totp.qrLabel', { platform })}</figcaption></figure>
        <p>${t('accounts.auth.staff.totp.manual')}</p>
        <p><code class="fs-5" dir="ltr" id="totp-secret">${options.secret}</code></p></li>
      <li>${t('accounts.auth.staff.totp.stepConfirm')}</li>
    </ol>
    ${errorSummary(req, options.form, labels)}
    <form method="post" action="${href(req, '/account/second-factor/confirm')}" novalidate>
      ${csrfField(req)}
      ${inputField(req, options.form, {
        name: 'code',
        label: labels.code,
        hint: t('accounts.auth.secondFactor.hint'),
        autocomplete: 'one-time-code',
        inputmode: 'numeric',
        isRequired: true,
        maxLength: 9,
        dir: 'ltr',
      })}
      <button type="submit" class="btn btn-primary">${t('accounts.auth.staff.totp.confirm')}</button>
    </form>
    <p class="mt-4"><a href="${href(req, '/account')}">${t('accounts.auth.staff.totp.back')}</a></p>
  </div></div>`;
}
