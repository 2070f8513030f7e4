import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickText } from '../../../kernel/i18n/content.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { archiveService } from '../use-cases/archive-service.ts';
import { publishService } from '../use-cases/publish-service.ts';
import { restoreService } from '../use-cases/restore-service.ts';
import { sendBackService } from '../use-cases/send-back-service.ts';
import { showService } from '../use-cases/show-service.ts';
import { showServiceChanges } from '../use-cases/show-service-changes.ts';
import { submitService } from '../use-cases/submit-service.ts';
import { verifyService } from '../use-cases/verify-service.ts';
import { taxonomyRepository } from '../data/taxonomy-repository.ts';
import { NEEDS_TAXONOMY_ID } from '../reference/needs-taxonomy.ts';
import { changesView } from '../views/manage-changes.ts';
import { manageCrumbs, servicePath } from '../views/manage-components.ts';
import { serviceOverviewView } from '../views/manage-service.ts';
import { actorOf, attempt, formBody, requireDirectoryStaff } from './guards.ts';

type Params = { id: string };
type Step = (options: { db: ModuleContext['db']; actor: ReturnType<typeof actorOf>; serviceId: string }) => Promise<void>;

/** Workflow actions (submit, publish, archive, restore, verify, send back) and the editor's view of changes. */
export function registerWorkflowPages(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { preHandler: requireDirectoryStaff };
  const back = (req: FastifyRequest<{ Params: Params }>, reply: FastifyReply, done: string) => reply.redirect(`${href(req, servicePath(req.params.id))}?done=${done}`, 303);

  const steps: [string, Step, string][] = [
    ['submit', submitService, 'submitted'],
    ['publish', publishService, 'published'],
    ['archive', archiveService, 'archived'],
    ['restore', restoreService, 'restored'],
    ['verify', verifyService, 'verified'],
  ];
  for (const [path, step, done] of steps) {
    app.post<{ Params: Params }>(`/:lang/directory/manage/services/:id/${path}`, guarded, async (req, reply) => {
      await step({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id });
      return back(req, reply, done);
    });
  }

  app.post<{ Params: Params }>('/:lang/directory/manage/services/:id/send-back', guarded, async (req, reply) => {
    const note = formBody(req).note;
    const result = await attempt(() => sendBackService({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id, note: typeof note === 'string' ? note : '' }));
    if (!result.errors) return back(req, reply, 'sentBack');
    // Without a note the service page comes back with the problem stated next to the actions.
    const view = await showService({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id });
    const terms = await taxonomyRepository.listTerms(ctx.db, NEEDS_TAXONOMY_ID);
    const title = pickText(view.header.name, req.locale)?.value ?? '';
    return sendPage(reply, req, {
      title,
      audience: 'staff',
      status: 422,
      breadcrumbs: manageCrumbs(req),
      body: serviceOverviewView(req, view, terms, req.t('directory.staff.errors.noteRequired')),
    });
  });

  app.get<{ Params: Params }>('/:lang/directory/manage/services/:id/changes', guarded, async (req, reply) => {
    const view = await showServiceChanges({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id });
    const name = pickText(view.header.name, req.locale)?.value ?? '';
    return sendPage(reply, req, {
      title: req.t('directory.staff.changes.title'),
      audience: 'staff',
      breadcrumbs: manageCrumbs(req, { label: name, path: servicePath(view.header.id) }),
      body: changesView(req, view),
    });
  });
}
