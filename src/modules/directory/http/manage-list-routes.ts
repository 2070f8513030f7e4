import type { FastifyInstance } from 'fastify';
import { can, reachOf, type Actor } from '../../../kernel/auth/actor.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { sendPage } from '../../../kernel/web/layout.ts';
import type { WorkflowState } from '../data/tables.ts';
import { listServices } from '../use-cases/list-services.ts';
import { listStaleServices } from '../use-cases/list-stale-services.ts';
import { manageCrumbs } from '../views/manage-components.ts';
import { serviceListView, staleListView } from '../views/manage-lists.ts';
import { actorOf, PAGE_SIZE, pageNumber, queryText, requireDirectoryStaff } from './guards.ts';

const STATES: WorkflowState[] = ['draft', 'in_review', 'published', 'archived'];

/** Which organisation profiles the home page links to: an operator's own, a list of several, or none. */
function organisationLinkOf(actor: Actor): 'own' | 'list' | null {
  const reach = reachOf(actor, 'directory.organisation.update');
  if (reach.all || reach.regionCodes.length > 0 || reach.organisationIds.length > 1) return 'list';
  return reach.organisationIds.length === 1 ? 'own' : null;
}

/** The directory's staff home (services within reach) and the stale-records list. */
export function registerListPages(app: FastifyInstance, ctx: ModuleContext, staleDays: number): void {
  const guarded = { preHandler: requireDirectoryStaff };

  app.get('/:lang/directory/manage', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const stateText = queryText(req, 'state');
    const state = STATES.find((s) => s === stateText);
    const q = queryText(req, 'q');
    const page = pageNumber(req);
    const { items, total } = await listServices({ db: ctx.db, actor, states: state ? [state] : undefined, query: q, page, pageSize: PAGE_SIZE });
    return sendPage(reply, req, {
      title: req.t('directory.staff.home.title'),
      audience: 'staff',
      body: serviceListView(req, {
        items,
        total,
        page,
        perPage: PAGE_SIZE,
        filter: { state, q },
        canCreate: can(actor, 'directory.service.create'),
        canSeeStale: can(actor, 'directory.service.verify'),
        canTranslate: can(actor, 'directory.translation.update'),
        organisationLink: organisationLinkOf(actor),
      }),
    });
  });

  app.get('/:lang/directory/manage/stale', guarded, async (req, reply) => {
    const page = pageNumber(req);
    const { items, total } = await listStaleServices({ db: ctx.db, actor: actorOf(req), staleDays, page, pageSize: PAGE_SIZE });
    return sendPage(reply, req, {
      title: req.t('directory.staff.stale.title'),
      audience: 'staff',
      breadcrumbs: manageCrumbs(req),
      body: staleListView(req, { items, total, page, perPage: PAGE_SIZE, staleDays }),
    });
  });
}
