import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { textIn } from '../domain/content.ts';
import { FEEDBACK_QUESTIONS } from '../domain/vocabulary.ts';
import { checkIn } from '../use-cases/check-in.ts';
import { downloadCertificate } from '../use-cases/download-certificate.ts';
import { listMyTraining } from '../use-cases/list-my-training.ts';
import { showMyEdition } from '../use-cases/show-my-edition.ts';
import { submitFeedback } from '../use-cases/submit-feedback.ts';
import { submitGroupWork } from '../use-cases/submit-group-work.ts';
import { submitPeerReview } from '../use-cases/submit-peer-review.ts';
import { submitSelfAssessment } from '../use-cases/submit-self-assessment.ts';
import { withdrawApplication } from '../use-cases/withdraw-application.ts';
import { checkinView, myTrainingView } from '../views/my-views.ts';
import { myEditionView } from '../views/my-edition-view.ts';
import { actorOf, attempt, formBody, integerOf, param, requireSignedIn, textOf } from './guards.ts';
import { CheckinForm, SubmissionForm } from './schemas.ts';

/** The participant's area: their applications, their edition, check-in, questionnaires, group work, certificate. */
export function registerParticipantRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireSignedIn };
  const myCrumbs = (req: FastifyRequest) => [{ label: req.t('training.my.title'), path: '/training/my' }];

  async function renderMine(req: FastifyRequest, reply: FastifyReply, options: { errors?: FieldError[]; section?: string } = {}) {
    const view = await showMyEdition({ ctx, actor: actorOf(req), applicationId: param(req, 'id') });
    return sendPage(reply, req, {
      title: textIn(view.path.title, req.locale),
      status: options.errors ? 422 : 200,
      breadcrumbs: myCrumbs(req),
      body: myEditionView(req, { ...view, ...options }),
    });
  }

  /** Runs a participant's action and comes back to their page with a notice, or with the errors of that section. */
  async function act(req: FastifyRequest, reply: FastifyReply, section: string, step: () => Promise<unknown>) {
    const result = await attempt(step);
    if (result.errors) return renderMine(req, reply, { errors: result.errors, section });
    return reply.redirect(href(req, `/training/my/${param(req, 'id')}?done=${section === 'withdraw' ? 'withdrawn' : section}`), 303);
  }

  app.get('/:lang/training/my', guarded, async (req, reply) => {
    const items = await listMyTraining({ ctx, actor: actorOf(req) });
    return sendPage(reply, req, { title: req.t('training.my.title'), body: myTrainingView(req, items) });
  });

  app.get('/:lang/training/my/:id', guarded, async (req, reply) => renderMine(req, reply));

  app.get('/:lang/training/my/:id/certificate.pdf', guarded, async (req, reply) => {
    const { pdf, fileName } = await downloadCertificate({ ctx, actor: actorOf(req), locale: req.locale, applicationId: param(req, 'id') });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(pdf);
  });

  app.post('/:lang/training/my/:id/withdraw', guarded, async (req, reply) =>
    act(req, reply, 'withdraw', () => withdrawApplication({ ctx, actor: actorOf(req), applicationId: param(req, 'id') })),
  );

  app.post('/:lang/training/my/:id/feedback', guarded, async (req, reply) => {
    const body = formBody(req);
    const scores = Object.fromEntries(FEEDBACK_QUESTIONS.map((q) => [q, integerOf(body[q])]).filter(([, v]) => v !== undefined)) as Record<string, number>;
    const sessionId = textOf(body.sessionId) || null;
    return act(req, reply, 'feedback', () => submitFeedback({ ctx, actor: actorOf(req), applicationId: param(req, 'id'), sessionId, scores, comment: textOf(body.comment) }));
  });

  app.post('/:lang/training/my/:id/assessment', guarded, async (req, reply) => {
    const body = formBody(req);
    const phase = body.phase === 'after' ? 'after' : 'before';
    const scores = Array.from({ length: 20 }, (_, i) => integerOf(body[`competence_${i}`]));
    return act(req, reply, 'assessment', () => submitSelfAssessment({ ctx, actor: actorOf(req), applicationId: param(req, 'id'), phase, scores }));
  });

  app.post('/:lang/training/my/:id/review', guarded, async (req, reply) => {
    const body = formBody(req);
    const revieweeId = textOf(body.revieweeId);
    return act(req, reply, 'review', () =>
      submitPeerReview({ ctx, actor: actorOf(req), applicationId: param(req, 'id'), revieweeId, score: integerOf(body[`score_${revieweeId}`]) ?? 0, comment: textOf(body.comment) }),
    );
  });

  app.post('/:lang/training/my/:id/work', guarded, async (req, reply) =>
    act(req, reply, 'work', async () => {
      const form = parseForm(SubmissionForm, formBody(req)) as { assignmentId: string; body: string; linkUrl?: string };
      return submitGroupWork({ ctx, actor: actorOf(req), applicationId: param(req, 'id'), ...form });
    }),
  );

  app.get('/:lang/training/checkin', guarded, async (req, reply) => sendPage(reply, req, { title: req.t('training.checkin.title'), breadcrumbs: myCrumbs(req), body: checkinView(req) }));

  app.post('/:lang/training/checkin', guarded, async (req, reply) => {
    try {
      const { code } = parseForm(CheckinForm, formBody(req)) as { code: string };
      await checkIn({ ctx, actor: actorOf(req), code });
      return reply.redirect(href(req, '/training/my?done=checkedIn'), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const errors = error.fields.map((f) => (f.messageKey.startsWith('training.') ? f : { field: 'code', messageKey: 'training.checkin.errors.unknown' }));
      return sendPage(reply, req, { title: req.t('training.checkin.title'), status: 422, breadcrumbs: myCrumbs(req), body: checkinView(req, errors) });
    }
  });
}
