import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import { isLocale } from '../../../kernel/i18n/locales.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { raw } from '../../../kernel/web/html.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { territory } from '../../territory/index.ts';
import { normaliseCertificateCode } from '../domain/codes.ts';
import { textIn } from '../domain/content.ts';
import { listCalls } from '../use-cases/list-calls.ts';
import { showPublicEdition } from '../use-cases/show-public-edition.ts';
import { submitApplication, type ApplicationInput } from '../use-cases/submit-application.ts';
import { verifyCertificate } from '../use-cases/verify-certificate.ts';
import { appliedView, publicEditionView } from '../views/public-edition.ts';
import { catalogueView } from '../views/public-catalogue.ts';
import { verificationView, verifyFormView } from '../views/certificate-page.ts';
import { formBody, param } from './guards.ts';
import { ApplicationForm } from './schemas.ts';

const APPLICATION_FIELDS = ['fullName', 'email', 'profile', 'organisationId', 'organisationName', 'roleLevel', 'jobTitle', 'regionCode', 'motivation', 'accessibilityNeeds', 'languages', 'consent'];

function parseApplication(body: Record<string, unknown>): ApplicationInput {
  const errors: FieldError[] = [];
  let input: ApplicationInput | null = null;
  try {
    input = parseForm(ApplicationForm, body) as ApplicationInput;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    errors.push(...error.fields);
  }
  if (body.consent !== 'true') errors.push({ field: 'consent', messageKey: 'training.apply.errors.consent' });
  if (errors.length || !input) throw new ValidationError(errors);
  return input;
}

/** Public pages: the catalogue, each edition's call with its application form, and certificate verification. */
export function registerPublicRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const renderEdition = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const view = await showPublicEdition({ ctx, editionId: param(req, 'id') });
    return sendPage(reply, req, {
      title: textIn(view.path.title, req.locale),
      status,
      breadcrumbs: [{ label: req.t('training.catalogue.title'), path: '/training' }],
      body: publicEditionView(req, view, state),
    });
  };

  app.get('/:lang/training', async (req, reply) => {
    const view = await listCalls({ ctx });
    return sendPage(reply, req, { title: req.t('training.catalogue.title'), body: catalogueView(req, view) });
  });

  app.get('/:lang/training/editions/:id', async (req, reply) => renderEdition(req, reply, emptyForm()));

  app.post('/:lang/training/editions/:id/apply', async (req, reply) => {
    const body = formBody(req);
    const values = Object.fromEntries(APPLICATION_FIELDS.map((f) => [f, typeof body[f] === 'string' ? body[f] : undefined]));
    try {
      const input = parseApplication(body);
      const locale = isLocale(req.locale) ? req.locale : 'it';
      await submitApplication({ ctx, editionId: param(req, 'id'), input, locale, clientKey: req.ip });
      return reply.redirect(href(req, `/training/editions/${param(req, 'id')}/applied`), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderEdition(req, reply, { values, errors: error.fields }, 422);
    }
  });

  app.get('/:lang/training/editions/:id/applied', async (req, reply) => {
    const view = await showPublicEdition({ ctx, editionId: param(req, 'id') });
    return sendPage(reply, req, {
      title: req.t('training.applied.title'),
      breadcrumbs: [{ label: req.t('training.catalogue.title'), path: '/training' }],
      body: appliedView(req, { editionId: view.edition.id, title: textIn(view.path.title, req.locale) }),
    });
  });

  app.get('/:lang/certificates', async (req, reply) => {
    const typed = (req.query as { code?: unknown }).code;
    if (typeof typed === 'string' && typed.trim()) {
      const code = normaliseCertificateCode(typed);
      if (code) return reply.redirect(href(req, `/certificates/${code}`), 303);
      return sendPage(reply, req, { title: req.t('training.verify.title'), status: 422, body: verifyFormView(req, { code: typed.slice(0, 20), isInvalid: true }) });
    }
    return sendPage(reply, req, { title: req.t('training.verify.title'), body: verifyFormView(req, {}) });
  });

  app.get('/:lang/certificates/:code', async (req, reply) => {
    const verification = await verifyCertificate({ db: ctx.db, code: param(req, 'code') });
    const region = verification.status === 'valid' ? await territory.findRegion(ctx.db, verification.certificate.regionCode) : null;
    const titleKey = { valid: 'training.verify.validTitle', revoked: 'training.verify.revokedTitle', unknown: 'training.verify.unknownTitle' }[verification.status];
    reply.header('x-robots-tag', 'noindex');
    return sendPage(reply, req, {
      title: req.t(titleKey),
      status: verification.status === 'unknown' ? 404 : 200,
      head: raw('<meta name="robots" content="noindex">'),
      breadcrumbs: [{ label: req.t('training.verify.title'), path: '/certificates' }],
      body: verificationView(req, verification, region?.name ?? null),
    });
  });
}
