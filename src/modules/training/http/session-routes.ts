import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { raw } from '../../../kernel/web/html.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { textIn } from '../domain/content.ts';
import { materialsText, type SessionInput } from '../domain/session-input.ts';
import { isOneOf, ATTENDANCE_STATUSES } from '../domain/vocabulary.ts';
import { loadSessionFor } from '../use-cases/access.ts';
import { deleteSession } from '../use-cases/delete-session.ts';
import { openCheckinCode } from '../use-cases/open-checkin-code.ts';
import { recordAttendance, type RegisterLine } from '../use-cases/record-attendance.ts';
import { saveSession } from '../use-cases/save-session.ts';
import { showEdition } from '../use-cases/show-edition.ts';
import { showRegister } from '../use-cases/show-register.ts';
import { workspaceCrumbs } from '../views/components.ts';
import { paperRegisterView, registerView } from '../views/register-views.ts';
import { SESSION_FIELDS, sessionFormView } from '../views/session-views.ts';
import { actorOf, attempt, formBody, param, requireWorkspace, textOf } from './guards.ts';
import { SessionForm } from './schemas.ts';

/** Where the print stylesheet of the paper register is served. */
export const PRINT_CSS_PATH = '/training/assets/register-print.css';

function registerLines(body: Record<string, unknown>): RegisterLine[] {
  return Object.keys(body)
    .filter((k) => k.startsWith('status_') && isOneOf(ATTENDANCE_STATUSES, body[k]))
    .map((k) => {
      const id = k.slice('status_'.length);
      return { applicationId: id, status: body[k] as RegisterLine['status'], arrivedAt: textOf(body[`arrived_${id}`]) || undefined, leftAt: textOf(body[`left_${id}`]) || undefined };
    });
}

/** Session pages: the session form, the register on a phone, check-in codes, the paper register. */
export function registerSessionRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireWorkspace };

  async function renderForm(req: FastifyRequest, reply: FastifyReply, options: { editionId: string; sessionId?: string; state: FormState; status?: number }) {
    const view = await showEdition({ ctx, actor: actorOf(req), editionId: options.editionId });
    if (!view.abilities.canManage) throw new NotFoundError();
    const title = options.sessionId ? req.t('training.staff.session.editTitle') : req.t('training.staff.session.new');
    const editionPath = `/training/manage/editions/${view.edition.id}`;
    return sendPage(reply, req, {
      title,
      audience: 'staff',
      status: options.status ?? 200,
      breadcrumbs: workspaceCrumbs(req, { label: `${view.path.code} · ${req.t('training.edition.name', { number: view.edition.number })}`, path: editionPath }),
      body: sessionFormView(req, {
        title,
        action: href(req, options.sessionId ? `/training/manage/sessions/${options.sessionId}` : `${editionPath}/sessions`),
        cancel: editionPath,
        state: options.state,
        trainers: view.trainers,
        dates: { start: view.edition.startsOn, end: view.edition.endsOn },
        deleteAction: options.sessionId ? href(req, `/training/manage/sessions/${options.sessionId}/delete`) : undefined,
      }),
    });
  }

  async function submit(req: FastifyRequest, reply: FastifyReply, editionId: string, sessionId?: string) {
    const body = formBody(req);
    const result = await attempt(() => saveSession({ ctx, actor: actorOf(req), locale: req.locale, editionId, sessionId, input: parseForm(SessionForm, body) as SessionInput }));
    if (result.errors) {
      const values = Object.fromEntries(SESSION_FIELDS.map((f) => [f, textOf(body[f])]));
      return renderForm(req, reply, { editionId, sessionId, state: { values, errors: result.errors }, status: 422 });
    }
    return reply.redirect(href(req, `/training/manage/editions/${editionId}?done=sessionSaved`), 303);
  }

  async function renderRegister(req: FastifyRequest, reply: FastifyReply, options: { errors?: FieldError[]; values?: Record<string, unknown> } = {}) {
    const view = await showRegister({ ctx, actor: actorOf(req), sessionId: param(req, 'id') });
    return sendPage(reply, req, {
      title: req.t('training.staff.register.title'),
      audience: 'staff',
      status: options.errors ? 422 : 200,
      breadcrumbs: workspaceCrumbs(req, { label: `${view.path.code} · ${req.t('training.edition.name', { number: view.edition.number })}`, path: `/training/manage/editions/${view.edition.id}` }),
      body: registerView(req, { ...view, ...options }),
    });
  }

  app.get('/:lang/training/manage/editions/:id/sessions/new', guarded, async (req, reply) => renderForm(req, reply, { editionId: param(req, 'id'), state: emptyForm({ startsAt: '09:00', endsAt: '13:00' }) }));
  app.post('/:lang/training/manage/editions/:id/sessions', guarded, async (req, reply) => submit(req, reply, param(req, 'id')));

  app.get('/:lang/training/manage/sessions/:id/edit', guarded, async (req, reply) => {
    const { session } = await loadSessionFor(ctx.db, actorOf(req), param(req, 'id'), 'manage');
    const values = { ...session, topic: textIn(session.topic, req.locale), materials: materialsText(session.materials), place: session.place ?? '', onlineUrl: session.onlineUrl ?? '', trainerPersonId: session.trainerPersonId ?? '' };
    return renderForm(req, reply, { editionId: session.editionId, sessionId: session.id, state: emptyForm(values) });
  });

  app.post('/:lang/training/manage/sessions/:id', guarded, async (req, reply) => {
    const { session } = await loadSessionFor(ctx.db, actorOf(req), param(req, 'id'), 'manage');
    return submit(req, reply, session.editionId, session.id);
  });

  app.post('/:lang/training/manage/sessions/:id/delete', guarded, async (req, reply) => {
    const result = await attempt(() => deleteSession({ ctx, actor: actorOf(req), sessionId: param(req, 'id') }));
    if (result.errors) return renderRegister(req, reply, { errors: result.errors });
    return reply.redirect(href(req, `/training/manage/editions/${result.value}?done=sessionDeleted`), 303);
  });

  app.get('/:lang/training/manage/sessions/:id', guarded, async (req, reply) => renderRegister(req, reply));

  app.post('/:lang/training/manage/sessions/:id/attendance', guarded, async (req, reply) => {
    const body = formBody(req);
    const result = await attempt(() => recordAttendance({ ctx, actor: actorOf(req), sessionId: param(req, 'id'), lines: registerLines(body), source: body.source === 'paper' ? 'paper' : 'trainer' }));
    if (result.errors) return renderRegister(req, reply, { errors: result.errors, values: body });
    return reply.redirect(href(req, `/training/manage/sessions/${param(req, 'id')}?done=attendanceSaved`), 303);
  });

  app.post('/:lang/training/manage/sessions/:id/code', guarded, async (req, reply) => {
    const result = await attempt(() => openCheckinCode({ ctx, actor: actorOf(req), sessionId: param(req, 'id') }));
    if (result.errors) return renderRegister(req, reply, { errors: result.errors });
    return reply.redirect(href(req, `/training/manage/sessions/${param(req, 'id')}?done=codeOpened`), 303);
  });

  app.get('/:lang/training/manage/sessions/:id/paper', guarded, async (req, reply) => {
    const view = await showRegister({ ctx, actor: actorOf(req), sessionId: param(req, 'id') });
    return sendPage(reply, req, {
      title: req.t('training.staff.register.paperTitle'),
      audience: 'staff',
      head: raw(`<link rel="stylesheet" href="${PRINT_CSS_PATH}" media="print">`),
      body: paperRegisterView(req, { ...view, pathTitle: textIn(view.path.title, req.locale) }),
    });
  });
}

/** Print rules of the paper register: landscape, ruled rows tall enough to sign in. */
export const REGISTER_PRINT_CSS = `@page { size: A4 landscape; margin: 12mm; }
.cv-nav, .breadcrumb-container, .cv-no-print { display: none !important; }
main { min-height: 0; padding: 0 !important; }
.cv-register-table { width: 100%; border-collapse: collapse; font-size: 11pt; }
.cv-register-table th, .cv-register-table td { border: 1px solid #000 !important; padding: 4mm 2mm; }
.cv-register-table tbody tr { height: 12mm; page-break-inside: avoid; }
.cv-register-table caption { caption-side: top; color: #000; }
`;

/** Serves the paper register's print stylesheet (the CSP allows only stylesheets from the site). */
export function registerPrintStylesheet(app: FastifyInstance): void {
  app.get(PRINT_CSS_PATH, { schema: { hide: true } }, async (_req, reply) => {
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600');
    return REGISTER_PRINT_CSS;
  });
}
