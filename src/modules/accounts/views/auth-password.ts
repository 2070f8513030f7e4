import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { errorSummary, inputField, type FormState } from '../../../kernel/web/forms.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords.ts';
import { authColumn } from './auth-login.ts';

/** The form asking for a reset link. */
export function forgotView(req: FastifyRequest, form: FormState): SafeHtml {
  const t = req.t;
  const labels = { email: t('accounts.auth.forgot.email') };
  return authColumn(html`<h1 class="cv-page-title">${t('accounts.auth.forgot.title')}</h1>
    <p class="lead">${t('accounts.auth.forgot.lead')}</p>
    ${errorSummary(req, form, labels)}
    <form method="post" action="${href(req, '/password/forgot')}" novalidate>
      ${csrfField(req)}
      ${inputField(req, form, { name: 'email', label: labels.email, type: 'email', autocomplete: 'username', isRequired: true, maxLength: 320 })}
      <button type="submit" class="btn btn-primary">${t('accounts.auth.forgot.submit')}</button>
    </form>
    <p class="mt-4"><a href="${href(req, '/login')}">${t('accounts.auth.forgot.backToLogin')}</a></p>`);
}

/** The same answer for every address: if an account exists, a link is on its way. */
export function forgotSentView(req: FastifyRequest, minutes: number): SafeHtml {
  const t = req.t;
  return authColumn(html`<h1 class="cv-page-title">${t('accounts.auth.forgot.sentTitle')}</h1>
    <div class="alert alert-info" role="status">${t('accounts.auth.forgot.sent', { minutes })}</div>
    <p>${t('accounts.auth.forgot.sentHelp')}</p>
    <p><a href="${href(req, '/login')}">${t('accounts.auth.forgot.backToLogin')}</a></p>`);
}

/** The new-password form of a valid reset link. */
export function resetView(req: FastifyRequest, options: { form: FormState; token: string }): SafeHtml {
  const t = req.t;
  const labels = { password: t('accounts.auth.reset.password'), confirmation: t('accounts.auth.reset.confirmation') };
  return authColumn(html`<h1 class="cv-page-title">${t('accounts.auth.reset.title')}</h1>
    ${errorSummary(req, options.form, labels)}
    <form method="post" action="${href(req, `/password/reset/${options.token}`)}" novalidate>
      ${csrfField(req)}
      ${inputField(req, options.form, {
        name: 'password',
        label: labels.password,
        type: 'password',
        autocomplete: 'new-password',
        hint: t('accounts.auth.password.hint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
        isRequired: true,
      })}
      ${inputField(req, options.form, { name: 'confirmation', label: labels.confirmation, type: 'password', autocomplete: 'new-password', isRequired: true })}
      <button type="submit" class="btn btn-primary">${t('accounts.auth.reset.submit')}</button>
    </form>`);
}

/** A reset link that is unknown, expired or used, with the way to ask for a new one. */
export function resetInvalidView(req: FastifyRequest): SafeHtml {
  const t = req.t;
  return authColumn(html`<h1 class="cv-page-title">${t('accounts.auth.reset.invalidTitle')}</h1>
    <div class="alert alert-warning" role="alert">${t('accounts.auth.reset.invalid')}</div>
    <p><a class="btn btn-primary" href="${href(req, '/password/forgot')}">${t('accounts.auth.reset.askAgain')}</a></p>`);
}
