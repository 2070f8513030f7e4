import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ModuleContext } from '../../../kernel/module.ts';
import { hashToken } from '../../../kernel/auth/sessions.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { authRepository } from '../data/auth-repository.ts';
import { requestPasswordReset, RESET_VALID_MINUTES } from '../use-cases/request-password-reset.ts';
import { resetPassword } from '../use-cases/reset-password.ts';
import { InvalidResetTokenError } from '../auth-errors.ts';
import { forgotSentView, forgotView, resetInvalidView, resetView } from '../views/auth-password.ts';
import { attempt, formBody, textOf } from './auth-http.ts';

const ForgotForm = Type.Object({ email: Type.String({ format: 'email', maxLength: 320 }) });
const ResetForm = Type.Object({ password: Type.String({ maxLength: 1000 }), confirmation: Type.String({ maxLength: 1000 }) });

// Tokens are 43 base64url characters (kernel newToken); anything else cannot be one.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function sendForgot(req: FastifyRequest, reply: FastifyReply, form: FormState, status?: number) {
  return sendPage(reply, req, { title: req.t('accounts.auth.forgot.title'), status, body: forgotView(req, form) });
}

function sendResetInvalid(req: FastifyRequest, reply: FastifyReply) {
  return sendPage(reply, req, { title: req.t('accounts.auth.reset.invalidTitle'), status: 410, body: resetInvalidView(req) });
}

function sendReset(req: FastifyRequest, reply: FastifyReply, token: string, form: FormState, status?: number) {
  return sendPage(reply, req, { title: req.t('accounts.auth.reset.title'), status, body: resetView(req, { form, token }) });
}

/** The forgotten-password request and the page a reset link opens. */
export function registerPasswordRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  app.get('/:lang/password/forgot', async (req, reply) => {
    if ((req.query as { sent?: string }).sent === '1') {
      return sendPage(reply, req, { title: req.t('accounts.auth.forgot.sentTitle'), body: forgotSentView(req, RESET_VALID_MINUTES) });
    }
    return sendForgot(req, reply, emptyForm());
  });

  app.post('/:lang/password/forgot', async (req, reply) => {
    const body = formBody(req);
    const result = await attempt(async () => {
      const form = parseForm(ForgotForm, body);
      await requestPasswordReset({ ctx, email: form.email, locale: req.locale, clientIp: req.ip });
    });
    if (result.errors) return sendForgot(req, reply, { values: { email: textOf(body, 'email').trim() }, errors: result.errors }, 422);
    return reply.redirect(`${href(req, '/password/forgot')}?sent=1`, 303);
  });

  const isUsable = async (token: string) => TOKEN_PATTERN.test(token) && (await authRepository.findUsablePasswordReset(ctx.db, hashToken(token))) !== null;

  app.get('/:lang/password/reset/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    if (!(await isUsable(token))) return sendResetInvalid(req, reply);
    return sendReset(req, reply, token, emptyForm());
  });

  app.post('/:lang/password/reset/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    if (!(await isUsable(token))) return sendResetInvalid(req, reply);
    try {
      const result = await attempt(async () => {
        const form = parseForm(ResetForm, formBody(req));
        await resetPassword({ ctx, token, password: form.password, confirmation: form.confirmation });
      });
      if (result.errors) return sendReset(req, reply, token, { values: {}, errors: result.errors }, 422);
    } catch (error) {
      if (error instanceof InvalidResetTokenError) return sendResetInvalid(req, reply);
      throw error;
    }
    return reply.redirect(`${href(req, '/login')}?reset=done`, 303);
  });
}
