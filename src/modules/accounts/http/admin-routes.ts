import type { FastifyInstance } from 'fastify';
import { can } from '../../../kernel/auth/actor.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { sendPage } from '../../../kernel/web/layout.ts';
import { territory } from '../../territory/index.ts';
import { canReadAudit, canReadRoles } from '../policy.ts';
import { listAuditEntries } from '../use-cases/list-audit-entries.ts';
import { adminCrumbs } from '../views/admin-components.ts';
import { adminIndexView, type AdminSection } from '../views/admin-index.ts';
import { rolesView } from '../views/admin-roles.ts';
import { auditView } from '../views/admin-audit.ts';
import { actorOf, requireAdministrationPage } from './guards.ts';
import { registerOrganisationPages } from './admin-organisation-routes.ts';
import { registerPeoplePages } from './admin-people-routes.ts';
import { ADMIN_PAGE_SIZE, pageNumber } from './paging.ts';

/** Administration pages: organisations, people, memberships, roles, audit log. */
export function registerAdminRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireAdministrationPage };

  app.get('/:lang/admin', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const sections: AdminSection[] = [];
    if (can(actor, 'accounts.organisation.read')) sections.push({ key: 'organisations', path: '/admin/organisations' });
    sections.push({ key: 'people', path: '/admin/people' });
    if (canReadRoles(actor)) sections.push({ key: 'roles', path: '/admin/roles' });
    if (canReadAudit(actor)) sections.push({ key: 'audit', path: '/admin/audit' });
    return sendPage(reply, req, { title: req.t('accounts.staff.admin.title'), audience: 'staff', body: adminIndexView(req, sections) });
  });

  app.get('/:lang/admin/roles', guarded, async (req, reply) => {
    if (!canReadRoles(actorOf(req))) throw new NotFoundError();
    return sendPage(reply, req, {
      title: req.t('accounts.staff.roles.title'),
      audience: 'staff',
      breadcrumbs: adminCrumbs(req),
      body: rolesView(req, ctx.roles, ctx.permissions),
    });
  });

  app.get('/:lang/admin/audit', guarded, async (req, reply) => {
    const page = pageNumber(req);
    const { items, total } = await listAuditEntries({ ctx, actor: actorOf(req), page, perPage: ADMIN_PAGE_SIZE });
    const regions = await territory.listRegions(ctx.db);
    const regionName = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
    return sendPage(reply, req, {
      title: req.t('accounts.staff.audit.title'),
      audience: 'staff',
      breadcrumbs: adminCrumbs(req),
      body: auditView(req, { items, total, page, perPage: ADMIN_PAGE_SIZE, regionName }),
    });
  });

  registerOrganisationPages(app, ctx);
  registerPeoplePages(app, ctx);
}
