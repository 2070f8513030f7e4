import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { errorSummary, inputField, type FormState } from '../../../kernel/web/forms.ts';

/** A narrow centred column for the sign-in pages. */
export function authColumn(content: SafeHtml): SafeHtml {
  return html`<div class="row justify-content-center mt-4"><div class="col-md-8 col-lg-6">${content}</div></div>`;
}

/** A hidden `next` field, when the login should come back somewhere. */
function nextField(next: string | null): SafeHtml {
  return next ? html`<input type="hidden" name="next" value="${next}">` : html``;
}

/** The login page: e-mail and password, the generic refusal, and the way to a forgotten password. */
export function loginView(req: FastifyRequest, options: { form: FormState; next: string | null; isRefused: boolean; notice: string | null }): SafeHtml {
  const t = req.t;
  const labels = { email: t('accounts.auth.login.email'), password: t('accounts.auth.login.password') };
  return authColumn(html`<h1 class="cv-page-title">${t('accounts.auth.login.title')}</h1>
    <p class="lead">${t('accounts.auth.login.lead')}</p>
    ${options.notice ? html`<div class="alert alert-success" role="status">${options.notice}</div>` : ''}
    ${options.isRefused ? html`<div class="alert alert-danger" role="alert" id="login-refused">${t('accounts.auth.login.refused')}</div>` : ''}
    ${errorSummary(req, options.form, labels)}
    <form method="post" action="${href(req, '/login')}" novalidate>
      ${csrfField(req)}${nextField(options.next)}
      ${inputField(req, options.form, { name: 'email', label: labels.email, type: 'email', autocomplete: 'username', isRequired: true, maxLength: 320 })}
      ${inputField(req, options.form, { name: 'password', label: labels.password, type: 'password', autocomplete: 'current-password', isRequired: true, maxLength: 200 })}
      <button type="submit" class="btn btn-primary">${t('accounts.auth.login.submit')}</button>
    </form>
    <p class="mt-4"><a href="${href(req, '/password/forgot')}">${t('accounts.auth.login.forgot')}</a></p>`);
}

/** The second step of a login: the code of the authenticator app. */
export function secondFactorView(req: FastifyRequest, options: { form: FormState; next: string | null }): SafeHtml {
  const t = req.t;
  const labels = { code: t('accounts.auth.secondFactor.code') };
  return authColumn(html`<h1 class="cv-page-title">${t('accounts.auth.secondFactor.title')}</h1>
    <p class="lead">${t('accounts.auth.secondFactor.lead', { platform: req.server.shell.platformName })}</p>
    ${errorSummary(req, options.form, labels)}
    <form method="post" action="${href(req, '/login/second-factor')}" novalidate>
      ${csrfField(req)}${nextField(options.next)}
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
      <button type="submit" class="btn btn-primary">${t('accounts.auth.secondFactor.submit')}</button>
    </form>
    <form method="post" action="${href(req, '/logout')}" class="mt-4">${csrfField(req)}
      <button type="submit" class="btn btn-outline-secondary">${t('accounts.auth.secondFactor.cancel')}</button>
    </form>`);
}
