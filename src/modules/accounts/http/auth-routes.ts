import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ModuleContext } from '../../../kernel/module.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { logIn } from '../use-cases/log-in.ts';
import { logOut } from '../use-cases/log-out.ts';
import { verifySecondFactor } from '../use-cases/verify-second-factor.ts';
import { InvalidCredentialsError, NoPendingSecondFactorError } from '../auth-errors.ts';
import { loginView, secondFactorView } from '../views/auth-login.ts';
import { attempt, clearSessionCookie, formBody, safeNext, setSessionCookie, withNext } from './auth-http.ts';
import { registerPasswordRoutes } from './auth-password-routes.ts';
import { registerAccountRoutes } from './auth-account-routes.ts';

const LoginForm = Type.Object({
  email: Type.String({ maxLength: 320 }),
  password: Type.String({ maxLength: 1000 }),
});

const CodeForm = Type.Object({ code: Type.String({ maxLength: 20 }) });

function sendLogin(req: FastifyRequest, reply: FastifyReply, options: { status?: number; form?: FormState; next: string | null; isRefused?: boolean }) {
  const notice = (req.query as { reset?: string }).reset === 'done' ? req.t('accounts.auth.login.resetDone') : null;
  return sendPage(reply, req, {
    title: req.t('accounts.auth.login.title'),
    status: options.status,
    body: loginView(req, { form: options.form ?? emptyForm(), next: options.next, isRefused: options.isRefused ?? false, notice }),
  });
}

function sendSecondFactor(req: FastifyRequest, reply: FastifyReply, options: { status?: number; form?: FormState; next: string | null }) {
  return sendPage(reply, req, {
    title: req.t('accounts.auth.secondFactor.title'),
    status: options.status,
    body: secondFactorView(req, { form: options.form ?? emptyForm(), next: options.next }),
  });
}

/** Sign-in, sign-out, password reset, second factor and the personal account page. */
export function registerAuthRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  app.get('/:lang/login', async (req, reply) => {
    const next = safeNext((req.query as { next?: unknown }).next);
    if (req.actor) return reply.redirect(next ?? href(req, '/'), 303);
    return sendLogin(req, reply, { next });
  });

  app.post('/:lang/login', async (req, reply) => {
    const body = formBody(req);
    const next = safeNext(body.next);
    const keptValues = { email: typeof body.email === 'string' ? body.email.trim() : '' };
    const parsed = await attempt(() => parseForm(LoginForm, body));
    if (!parsed.value) return sendLogin(req, reply, { status: 422, form: { values: keptValues, errors: parsed.errors }, next });
    try {
      const result = await logIn({
        ctx,
        email: parsed.value.email,
        password: parsed.value.password,
        clientIp: req.ip,
        userAgent: req.headers['user-agent'],
        previousSessionIdHash: req.session?.idHash ?? null,
      });
      setSessionCookie(reply, ctx, result.token);
      if (result.isSecondFactorPending) return reply.redirect(withNext(href(req, '/login/second-factor'), next), 303);
      return reply.redirect(next ?? href(req, '/'), 303);
    } catch (error) {
      if (!(error instanceof InvalidCredentialsError)) throw error;
      return sendLogin(req, reply, { status: 422, form: emptyForm(keptValues), next, isRefused: true });
    }
  });

  app.get('/:lang/login/second-factor', async (req, reply) => {
    const next = safeNext((req.query as { next?: unknown }).next);
    if (!req.session?.isSecondFactorPending) return reply.redirect(withNext(href(req, '/login'), next), 303);
    return sendSecondFactor(req, reply, { next });
  });

  app.post('/:lang/login/second-factor', async (req, reply) => {
    const body = formBody(req);
    const next = safeNext(body.next);
    const result = await attempt(async () => {
      const form = parseForm(CodeForm, body);
      await verifySecondFactor({ ctx, session: req.session, code: form.code });
    }).catch((error: unknown) => {
      if (error instanceof NoPendingSecondFactorError) return null;
      throw error;
    });
    if (result === null) {
      clearSessionCookie(reply, ctx);
      return reply.redirect(withNext(href(req, '/login'), next), 303);
    }
    if (result.errors) return sendSecondFactor(req, reply, { status: 422, form: { values: {}, errors: result.errors }, next });
    return reply.redirect(next ?? href(req, '/'), 303);
  });

  app.post('/:lang/logout', async (req, reply) => {
    await logOut({ ctx, session: req.session });
    clearSessionCookie(reply, ctx);
    return reply.redirect(href(req, '/'), 303);
  });

  registerPasswordRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
}
