import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ModuleContext } from '../../../kernel/module.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { authRepository } from '../data/auth-repository.ts';
import { changePassword } from '../use-cases/change-password.ts';
import { setUpTotp } from '../use-cases/set-up-totp.ts';
import { confirmTotp } from '../use-cases/confirm-totp.ts';
import { disableTotp } from '../use-cases/disable-totp.ts';
import { totpQrSvg, totpUri, formatTotpSecret } from '../totp.ts';
import { accountView, totpSetupView } from '../views/auth-account.ts';
import { attempt, formBody, requireActor } from './auth-http.ts';

const ChangePasswordForm = Type.Object({
  currentPassword: Type.String({ maxLength: 1000 }),
  newPassword: Type.String({ maxLength: 1000 }),
  confirmation: Type.String({ maxLength: 1000 }),
});
const DisableTotpForm = Type.Object({ password: Type.String({ maxLength: 1000 }) });
const CodeForm = Type.Object({ code: Type.String({ maxLength: 20 }) });

const NOTICES: Record<string, string> = {
  password: 'accounts.auth.staff.password.changed',
  totpEnabled: 'accounts.auth.staff.totp.enabledDone',
  totpDisabled: 'accounts.auth.staff.totp.disabledDone',
};

/** Registers the personal account page and its forms (staff: signed-in people only). */
export function registerAccountRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const accountPath = (req: FastifyRequest) => href(req, '/account');

  async function sendAccount(req: FastifyRequest, reply: FastifyReply, actor: Actor, forms: { status?: number; passwordForm?: FormState; disableForm?: FormState } = {}) {
    const person = await authRepository.findPersonById(ctx.db, actor.personId);
    const memberships = await authRepository.listMemberships(ctx.db, actor.personId);
    const done = (req.query as { done?: string }).done;
    const noticeKey = done !== undefined ? NOTICES[done] : undefined;
    return sendPage(reply, req, {
      title: req.t('accounts.auth.staff.account.title'),
      audience: 'staff',
      status: forms.status,
      body: accountView(req, {
        name: actor.name,
        email: actor.email,
        isPlatformAdmin: actor.isPlatformAdmin,
        memberships,
        totp: person?.isTotpEnabled ? 'enabled' : person?.totpSecretEnc ? 'pending' : 'off',
        notice: noticeKey && !forms.status ? req.t(noticeKey) : null,
        passwordForm: forms.passwordForm ?? emptyForm(),
        disableForm: forms.disableForm ?? emptyForm(),
      }),
    });
  }

  async function sendTotpSetup(req: FastifyRequest, reply: FastifyReply, actor: Actor, form: FormState = emptyForm(), status?: number) {
    const person = await authRepository.findPersonById(ctx.db, actor.personId);
    if (!person || person.isTotpEnabled || !person.totpSecretEnc) return reply.redirect(accountPath(req), 303);
    const secret = ctx.crypto.decrypt(person.totpSecretEnc, 'accounts.totp');
    const qrSvg = await totpQrSvg(totpUri({ secret, issuer: ctx.config.platformName, account: person.email }));
    return sendPage(reply, req, {
      title: req.t('accounts.auth.staff.totp.setupTitle'),
      audience: 'staff',
      status,
      breadcrumbs: [{ label: req.t('accounts.auth.staff.account.title'), path: '/account' }],
      body: totpSetupView(req, { qrSvg, secret: formatTotpSecret(secret), form }),
    });
  }

  app.get('/:lang/account', async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    return sendAccount(req, reply, actor);
  });

  app.post('/:lang/account/password', async (req, reply) => {
    const actor = requireActor(req, reply, accountPath(req));
    if (!actor || !req.session) return reply;
    const sessionIdHash = req.session.idHash;
    const result = await attempt(async () => {
      const form = parseForm(ChangePasswordForm, formBody(req));
      await changePassword({ ctx, personId: actor.personId, sessionIdHash, ...form });
    });
    if (result.errors) return sendAccount(req, reply, actor, { status: 422, passwordForm: { values: {}, errors: result.errors } });
    return reply.redirect(`${accountPath(req)}?done=password`, 303);
  });

  app.post('/:lang/account/second-factor/start', async (req, reply) => {
    const actor = requireActor(req, reply, accountPath(req));
    if (!actor) return reply;
    await setUpTotp({ ctx, personId: actor.personId });
    return reply.redirect(href(req, '/account/second-factor'), 303);
  });

  app.get('/:lang/account/second-factor', async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    return sendTotpSetup(req, reply, actor);
  });

  app.post('/:lang/account/second-factor/confirm', async (req, reply) => {
    const actor = requireActor(req, reply, href(req, '/account/second-factor'));
    if (!actor) return reply;
    const result = await attempt(async () => {
      const form = parseForm(CodeForm, formBody(req));
      await confirmTotp({ ctx, personId: actor.personId, code: form.code });
    });
    if (result.errors) return sendTotpSetup(req, reply, actor, { values: {}, errors: result.errors }, 422);
    return reply.redirect(`${accountPath(req)}?done=totpEnabled`, 303);
  });

  app.post('/:lang/account/second-factor/disable', async (req, reply) => {
    const actor = requireActor(req, reply, accountPath(req));
    if (!actor) return reply;
    const result = await attempt(async () => {
      const form = parseForm(DisableTotpForm, formBody(req));
      await disableTotp({ ctx, personId: actor.personId, password: form.password });
    });
    if (result.errors) return sendAccount(req, reply, actor, { status: 422, disableForm: { values: {}, errors: result.errors } });
    return reply.redirect(`${accountPath(req)}?done=totpDisabled`, 303);
  });
}
