import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickText } from '../../../kernel/i18n/content.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { parseOrganisationProfile } from '../domain/organisation-input.ts';
import { findOwnOrganisation } from '../use-cases/find-own-organisation.ts';
import { listOrganisations } from '../use-cases/list-organisations.ts';
import { loadOrganisationFor } from '../use-cases/organisation-access.ts';
import { showOrganisation } from '../use-cases/show-organisation.ts';
import { updateOrganisationProfile } from '../use-cases/update-organisation-profile.ts';
import { MANAGE, manageCrumbs, organisationPath } from '../views/manage-components.ts';
import { organisationFormView, organisationListView, organisationProfileView, organisationValuesOf } from '../views/manage-organisation.ts';
import { actorOf, attempt, formBody, PAGE_SIZE, pageNumber, queryText, requireDirectoryStaff } from './guards.ts';

type Params = { id: string };

/** Organisation profiles (HSDS organization): an operator's own, and the organisations of an editor's region. */
export function registerOrganisationPages(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { preHandler: requireDirectoryStaff };
  const listCrumb = (req: FastifyRequest) => ({ label: req.t('directory.staff.organisation.listTitle'), path: `${MANAGE}/organisations` });

  // "Your organisation": the profile an operator keeps, or the list for people who keep none or several.
  app.get('/:lang/directory/manage/organisation', guarded, async (req, reply) => {
    const id = await findOwnOrganisation({ db: ctx.db, actor: actorOf(req) });
    return reply.redirect(href(req, id ? organisationPath(id) : `${MANAGE}/organisations`), 303);
  });

  app.get('/:lang/directory/manage/organisations', guarded, async (req, reply) => {
    const q = queryText(req, 'q');
    const page = pageNumber(req);
    const { items, total } = await listOrganisations({ db: ctx.db, actor: actorOf(req), query: q, page, pageSize: PAGE_SIZE });
    return sendPage(reply, req, {
      title: req.t('directory.staff.organisation.listTitle'),
      audience: 'staff',
      breadcrumbs: manageCrumbs(req),
      body: organisationListView(req, { items, total, page, perPage: PAGE_SIZE, q }),
    });
  });

  app.get<{ Params: Params }>('/:lang/directory/manage/organisations/:id', guarded, async (req, reply) => {
    const view = await showOrganisation({ db: ctx.db, actor: actorOf(req), organisationId: req.params.id });
    return sendPage(reply, req, {
      title: pickText(view.profile.name, req.locale)?.value ?? '',
      audience: 'staff',
      breadcrumbs: manageCrumbs(req, listCrumb(req)),
      body: organisationProfileView(req, view),
    });
  });

  async function renderEdit(req: FastifyRequest<{ Params: Params }>, reply: FastifyReply, state: FormState | null, status = 200) {
    const { profile } = await loadOrganisationFor(ctx.db, actorOf(req), req.params.id, 'canUpdate');
    const name = pickText(profile.name, req.locale)?.value ?? '';
    const title = req.t('directory.staff.organisation.editTitle', { name });
    return sendPage(reply, req, {
      title,
      audience: 'staff',
      status,
      breadcrumbs: manageCrumbs(req, listCrumb(req), { label: name, path: organisationPath(profile.id) }),
      body: organisationFormView(req, {
        title,
        action: organisationPath(profile.id, '/edit'),
        cancel: organisationPath(profile.id),
        state: state ?? emptyForm(organisationValuesOf(profile)),
        writingLocale: profile.originalLocale,
      }),
    });
  }

  app.get<{ Params: Params }>('/:lang/directory/manage/organisations/:id/edit', guarded, async (req, reply) => renderEdit(req, reply, null));

  app.post<{ Params: Params }>('/:lang/directory/manage/organisations/:id/edit', guarded, async (req, reply) => {
    const body = formBody(req);
    const actor = actorOf(req);
    // Whoever may not edit this profile learns nothing from a validation error: "not found" comes first.
    await loadOrganisationFor(ctx.db, actor, req.params.id, 'canUpdate');
    const result = await attempt(async () => {
      const input = parseOrganisationProfile(body, { currentYear: new Date().getFullYear() });
      return updateOrganisationProfile({ db: ctx.db, actor, organisationId: req.params.id, input });
    });
    if (result.errors) return renderEdit(req, reply, { values: body, errors: result.errors }, 422);
    return reply.redirect(`${href(req, organisationPath(req.params.id))}?done=${result.value.length ? 'saved' : 'unchanged'}`, 303);
  });
}
