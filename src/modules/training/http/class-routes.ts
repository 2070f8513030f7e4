import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { textIn } from '../domain/content.ts';
import { decideApplication, type Decision } from '../use-cases/decide-application.ts';
import { formEditionGroups } from '../use-cases/form-groups.ts';
import { listApplications } from '../use-cases/list-applications.ts';
import { locateApplication } from '../use-cases/locate-application.ts';
import { moveGroupMember } from '../use-cases/move-group-member.ts';
import { runSelection } from '../use-cases/run-selection.ts';
import { showGroups } from '../use-cases/show-groups.ts';
import { workspaceCrumbs } from '../views/components.ts';
import { groupsView } from '../views/groups-view.ts';
import { selectionView } from '../views/selection-view.ts';
import { actorOf, attempt, formBody, param, requireWorkspace, textOf } from './guards.ts';
import { DecisionForm, GroupsForm, MoveForm } from './schemas.ts';

/** Selection (applications, decisions, automatic selection) and learning groups. */
export function registerClassRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireWorkspace };
  const crumbs = (req: FastifyRequest, view: { path: { code: string }; edition: { id: string; number: number } }) =>
    workspaceCrumbs(req, { label: `${view.path.code} · ${req.t('training.edition.name', { number: view.edition.number })}`, path: `/training/manage/editions/${view.edition.id}` });

  async function renderSelection(req: FastifyRequest, reply: FastifyReply, editionId: string, errors?: FieldError[]) {
    const view = await listApplications({ ctx, actor: actorOf(req), editionId });
    return sendPage(reply, req, {
      title: req.t('training.staff.edition.tabs.applications'),
      audience: 'staff',
      status: errors ? 422 : 200,
      breadcrumbs: crumbs(req, view),
      body: selectionView(req, { ...view, errors }),
    });
  }

  async function renderGroups(req: FastifyRequest, reply: FastifyReply, options: { errors?: FieldError[]; groupSize?: string } = {}) {
    const view = await showGroups({ ctx, actor: actorOf(req), editionId: param(req, 'id') });
    return sendPage(reply, req, {
      title: `${req.t('training.staff.edition.tabs.groups')} · ${textIn(view.path.title, req.locale)}`,
      audience: 'staff',
      status: options.errors ? 422 : 200,
      breadcrumbs: crumbs(req, view),
      body: groupsView(req, { ...view, ...options }),
    });
  }

  app.get('/:lang/training/manage/editions/:id/applications', guarded, async (req, reply) => renderSelection(req, reply, param(req, 'id')));

  app.post('/:lang/training/manage/editions/:id/selection', guarded, async (req, reply) => {
    const result = await attempt(() => runSelection({ ctx, actor: actorOf(req), editionId: param(req, 'id') }));
    if (result.errors) return renderSelection(req, reply, param(req, 'id'), result.errors);
    return reply.redirect(href(req, `/training/manage/editions/${param(req, 'id')}/applications?done=selectionRun`), 303);
  });

  app.post('/:lang/training/manage/applications/:id/decision', guarded, async (req, reply) => {
    const editionId = await locateApplication({ db: ctx.db, actor: actorOf(req), applicationId: param(req, 'id') });
    const result = await attempt(async () => {
      const { decision } = parseForm(DecisionForm, formBody(req)) as { decision: Decision };
      return decideApplication({ ctx, actor: actorOf(req), applicationId: param(req, 'id'), decision });
    });
    if (result.errors) return renderSelection(req, reply, editionId, result.errors);
    return reply.redirect(href(req, `/training/manage/editions/${editionId}/applications?done=decided#application-${param(req, 'id')}`), 303);
  });

  app.get('/:lang/training/manage/editions/:id/groups', guarded, async (req, reply) => renderGroups(req, reply));

  app.post('/:lang/training/manage/editions/:id/groups', guarded, async (req, reply) => {
    const body = formBody(req);
    const result = await attempt(async () => {
      const { groupSize } = parseForm(GroupsForm, body) as { groupSize: number };
      return formEditionGroups({ ctx, actor: actorOf(req), editionId: param(req, 'id'), groupSize });
    });
    if (result.errors) return renderGroups(req, reply, { errors: result.errors, groupSize: textOf(body.groupSize) });
    return reply.redirect(href(req, `/training/manage/editions/${param(req, 'id')}/groups?done=formed`), 303);
  });

  app.post('/:lang/training/manage/editions/:id/groups/move', guarded, async (req, reply) => {
    const result = await attempt(async () => {
      const { applicationId, groupId } = parseForm(MoveForm, formBody(req)) as { applicationId: string; groupId: string };
      return moveGroupMember({ ctx, actor: actorOf(req), editionId: param(req, 'id'), applicationId, groupId });
    });
    if (result.errors) return renderGroups(req, reply, { errors: result.errors });
    return reply.redirect(href(req, `/training/manage/editions/${param(req, 'id')}/groups?before=${result.value.before}&after=${result.value.after}`), 303);
  });
}
