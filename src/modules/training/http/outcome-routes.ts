import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { textIn } from '../domain/content.ts';
import { createAssignment } from '../use-cases/create-assignment.ts';
import { downloadCertificate } from '../use-cases/download-certificate.ts';
import { issueCertificates } from '../use-cases/issue-certificates.ts';
import { listCertificates } from '../use-cases/list-certificates.ts';
import { revokeCertificate } from '../use-cases/revoke-certificate.ts';
import { showAttendance } from '../use-cases/show-attendance.ts';
import { showEvaluation } from '../use-cases/show-evaluation.ts';
import { showGroupWork } from '../use-cases/show-group-work.ts';
import { attendanceView, certificatesView } from '../views/class-views.ts';
import { workspaceCrumbs } from '../views/components.ts';
import { evaluationView, groupWorkView } from '../views/evaluation-views.ts';
import { actorOf, attempt, formBody, param, requireWorkspace, textOf } from './guards.ts';
import { AssignmentForm, RevokeForm } from './schemas.ts';

/** Attendance totals, certificates, group work and evaluation of an edition. */
export function registerOutcomeRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireWorkspace };
  const page = (req: FastifyRequest, reply: FastifyReply, view: { path: { code: string; title: Parameters<typeof textIn>[0] }; edition: { id: string; number: number } }, tab: string, body: Parameters<typeof sendPage>[2]['body'], status = 200) =>
    sendPage(reply, req, {
      title: `${req.t(`training.staff.edition.tabs.${tab}`)} · ${textIn(view.path.title, req.locale)}`,
      audience: 'staff',
      status,
      breadcrumbs: workspaceCrumbs(req, { label: `${view.path.code} · ${req.t('training.edition.name', { number: view.edition.number })}`, path: `/training/manage/editions/${view.edition.id}` }),
      body,
    });

  async function renderCertificates(req: FastifyRequest, reply: FastifyReply, editionId: string, errors?: FieldError[]) {
    const view = await listCertificates({ ctx, actor: actorOf(req), editionId });
    return page(req, reply, view, 'certificates', certificatesView(req, { ...view, errors }), errors ? 422 : 200);
  }

  async function renderWork(req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) {
    const view = await showGroupWork({ ctx, actor: actorOf(req), editionId: param(req, 'id') });
    return page(req, reply, view, 'work', groupWorkView(req, { ...view, state }), status);
  }

  app.get('/:lang/training/manage/editions/:id/attendance', guarded, async (req, reply) => {
    const view = await showAttendance({ ctx, actor: actorOf(req), editionId: param(req, 'id') });
    return page(req, reply, view, 'attendance', attendanceView(req, view));
  });

  app.get('/:lang/training/manage/editions/:id/certificates', guarded, async (req, reply) => renderCertificates(req, reply, param(req, 'id')));

  app.post('/:lang/training/manage/editions/:id/certificates', guarded, async (req, reply) => {
    const result = await attempt(() => issueCertificates({ ctx, actor: actorOf(req), editionId: param(req, 'id') }));
    if (result.errors) return renderCertificates(req, reply, param(req, 'id'), result.errors);
    return reply.redirect(href(req, `/training/manage/editions/${param(req, 'id')}/certificates?done=certificatesIssued`), 303);
  });

  app.post('/:lang/training/manage/certificates/:id/revoke', guarded, async (req, reply) => {
    try {
      const { reason } = parseForm(RevokeForm, formBody(req)) as { reason: string };
      const editionId = await revokeCertificate({ ctx, actor: actorOf(req), certificateId: param(req, 'id'), reason });
      return reply.redirect(href(req, `/training/manage/editions/${editionId}/certificates?done=certificateRevoked`), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const { editionId } = await listCertificates({ ctx, actor: actorOf(req), certificateId: param(req, 'id') });
      return renderCertificates(req, reply, editionId, error.fields.map((f) => ({ ...f, messageKey: f.field === 'reason' && f.messageKey.startsWith('validation.') ? 'training.staff.errors.reasonLength' : f.messageKey })));
    }
  });

  app.get('/:lang/training/manage/certificates/:id/pdf', guarded, async (req, reply) => {
    const { pdf, fileName } = await downloadCertificate({ ctx, actor: actorOf(req), locale: req.locale, certificateId: param(req, 'id') });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(pdf);
  });

  app.get('/:lang/training/manage/editions/:id/work', guarded, async (req, reply) => renderWork(req, reply, emptyForm()));

  app.post('/:lang/training/manage/editions/:id/work', guarded, async (req, reply) => {
    const body = formBody(req);
    const result = await attempt(async () => {
      const form = parseForm(AssignmentForm, body) as { title: string; description: string; dueOn?: string };
      return createAssignment({ ctx, actor: actorOf(req), editionId: param(req, 'id'), ...form });
    });
    if (result.errors) return renderWork(req, reply, { values: { title: textOf(body.title), description: textOf(body.description), dueOn: textOf(body.dueOn) }, errors: result.errors }, 422);
    return reply.redirect(href(req, `/training/manage/editions/${param(req, 'id')}/work?done=assignmentCreated`), 303);
  });

  app.get('/:lang/training/manage/editions/:id/evaluation', guarded, async (req, reply) => {
    const view = await showEvaluation({ ctx, actor: actorOf(req), editionId: param(req, 'id') });
    return page(req, reply, view, 'evaluation', evaluationView(req, view));
  });
}
