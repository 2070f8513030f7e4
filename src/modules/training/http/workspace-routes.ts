import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { territory } from '../../territory/index.ts';
import type { Path } from '../data/records.ts';
import { textIn } from '../domain/content.ts';
import type { PathInput } from '../domain/path-input.ts';
import { canCreatePaths } from '../policy.ts';
import { listWorkspace } from '../use-cases/list-workspace.ts';
import { savePath } from '../use-cases/save-path.ts';
import { listTrainerChoices, showPath } from '../use-cases/show-path.ts';
import { workspaceCrumbs } from '../views/components.ts';
import { PATH_FIELDS, pathFormView, pathPageView } from '../views/path-views.ts';
import { workspaceView } from '../views/workspace.ts';
import { actorOf, formBody, listOf, param, requireWorkspace, textOf } from './guards.ts';
import { PathForm } from './schemas.ts';

function pathValues(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(PATH_FIELDS.map((f) => [f, f === 'regionCodes' || f === 'trainerIds' ? listOf(body[f]) : textOf(body[f])]));
}

function valuesOfPath(path: Path, req: FastifyRequest): Record<string, unknown> {
  return {
    code: path.code,
    title: textIn(path.title, req.locale),
    objectives: textIn(path.objectives, req.locale),
    competences: path.competences.map((c) => textIn(c, req.locale)).join('\n'),
    hours: String(path.hours),
    modality: path.modality,
    regionCodes: path.regionCodes,
    trainerIds: path.trainerIds,
  };
}

/** The workspace home and the path pages. */
export function registerWorkspaceRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireWorkspace };

  async function renderPathForm(req: FastifyRequest, reply: FastifyReply, options: { state: FormState; path?: Path; status?: number }) {
    const title = options.path ? req.t('training.staff.path.editTitle', { code: options.path.code }) : req.t('training.staff.path.newTitle');
    return sendPage(reply, req, {
      title,
      audience: 'staff',
      status: options.status ?? 200,
      breadcrumbs: workspaceCrumbs(req, ...(options.path ? [{ label: options.path.code, path: `/training/manage/paths/${options.path.id}` }] : [])),
      body: pathFormView(req, {
        title,
        action: href(req, options.path ? `/training/manage/paths/${options.path.id}` : '/training/manage/paths'),
        cancel: options.path ? `/training/manage/paths/${options.path.id}` : '/training/manage',
        state: options.state,
        regions: await territory.listRegions(ctx.db),
        trainers: await listTrainerChoices({ ctx }),
      }),
    });
  }

  async function submitPath(req: FastifyRequest, reply: FastifyReply, path?: Path) {
    const body = formBody(req);
    const values = pathValues(body);
    try {
      const form = parseForm(PathForm, body) as Omit<PathInput, 'regionCodes' | 'trainerIds'>;
      const id = await savePath({
        ctx,
        actor: actorOf(req),
        locale: req.locale,
        pathId: path?.id,
        input: { ...form, regionCodes: listOf(body.regionCodes), trainerIds: listOf(body.trainerIds) },
      });
      return reply.redirect(href(req, `/training/manage/paths/${id}?done=pathSaved`), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderPathForm(req, reply, { state: { values, errors: error.fields }, path, status: 422 });
    }
  }

  app.get('/:lang/training/manage', guarded, async (req, reply) => {
    const workspace = await listWorkspace({ ctx, actor: actorOf(req) });
    return sendPage(reply, req, { title: req.t('training.staff.workspace.title'), audience: 'staff', body: workspaceView(req, workspace) });
  });

  app.get('/:lang/training/manage/paths/new', guarded, async (req, reply) => {
    if (!canCreatePaths(actorOf(req))) throw new NotFoundError();
    return renderPathForm(req, reply, { state: emptyForm({ modality: 'in_person', hours: '24' }) });
  });

  app.post('/:lang/training/manage/paths', guarded, async (req, reply) => {
    if (!canCreatePaths(actorOf(req))) throw new NotFoundError();
    return submitPath(req, reply);
  });

  app.get('/:lang/training/manage/paths/:id', guarded, async (req, reply) => {
    const view = await showPath({ ctx, actor: actorOf(req), pathId: param(req, 'id') });
    const regionNames = new Map((await territory.listRegions(ctx.db)).map((r) => [r.code, r.name]));
    return sendPage(reply, req, {
      title: textIn(view.path.title, req.locale),
      audience: 'staff',
      breadcrumbs: workspaceCrumbs(req),
      body: pathPageView(req, { ...view, regionNames }),
    });
  });

  app.get('/:lang/training/manage/paths/:id/edit', guarded, async (req, reply) => {
    const { path } = await showPath({ ctx, actor: actorOf(req), pathId: param(req, 'id') });
    return renderPathForm(req, reply, { state: emptyForm(valuesOfPath(path, req)), path });
  });

  app.post('/:lang/training/manage/paths/:id', guarded, async (req, reply) => {
    const { path } = await showPath({ ctx, actor: actorOf(req), pathId: param(req, 'id') });
    return submitPath(req, reply, path);
  });
}
