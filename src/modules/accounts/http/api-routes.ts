import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { NotFoundError, UnauthenticatedError } from '../../../kernel/http/errors.ts';
import { problemResponses } from '../../../kernel/http/problem.ts';
import { ORGANISATION_TYPES } from '../permissions.ts';
import { canReadRoles } from '../policy.ts';
import { listOrganisations } from '../use-cases/list-organisations.ts';
import { showOrganisation } from '../use-cases/show-organisation.ts';
import { createOrganisation } from '../use-cases/create-organisation.ts';
import { updateOrganisation } from '../use-cases/update-organisation.ts';
import { actorOf, requireAdministrationApi } from './guards.ts';
import { presentMe, presentOrganisation, presentRole } from './presenters.ts';
import { MeSchema, NewOrganisationBody, OrganisationChangesBody, OrganisationSchema, RoleSchema, pageOf, paging } from './schemas.ts';
import { registerPeopleApi } from './api-people-routes.ts';

const tags = ['accounts'];
const IdParams = Type.Object({ id: Type.String() });

/** The accounts API under /api/v1/accounts: session-cookie authenticated, scoped to the caller's reach. */
export function registerAccountsApi(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireAdministrationApi };

  app.get(
    '/api/v1/accounts/me',
    { schema: { tags, summary: 'The signed-in person, their memberships and permissions', response: { 200: MeSchema, ...problemResponses } } },
    async (req) => {
      if (!req.actor) throw new UnauthenticatedError();
      return presentMe(req.actor);
    },
  );

  app.get(
    '/api/v1/accounts/roles',
    { ...guarded, schema: { tags, summary: 'Every role with its scope and permissions', response: { 200: Type.Object({ items: Type.Array(RoleSchema) }), ...problemResponses } } },
    async (req) => {
      if (!canReadRoles(actorOf(req))) throw new NotFoundError();
      return { items: ctx.roles.map((role) => presentRole(req.t, role, ctx.permissions)) };
    },
  );

  app.get(
    '/api/v1/accounts/organisations',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Organisations within the caller’s reach, by name',
        querystring: Type.Object({
          region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
          type: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: [...ORGANISATION_TYPES] })),
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          ...paging,
        }),
        response: { 200: pageOf(OrganisationSchema), ...problemResponses },
      },
    },
    async (req) => {
      const q = req.query as { region?: string; type?: string; q?: string; page: number; per_page: number };
      const filter = { regionCode: q.region, type: q.type, query: q.q, page: q.page, perPage: q.per_page };
      const { items, total } = await listOrganisations({ ctx, actor: actorOf(req), filter });
      return { items: items.map(presentOrganisation), total, page: q.page, per_page: q.per_page };
    },
  );

  app.get(
    '/api/v1/accounts/organisations/:id',
    { ...guarded, schema: { tags, summary: 'One organisation', params: IdParams, response: { 200: OrganisationSchema, ...problemResponses } } },
    async (req) => {
      const { organisation } = await showOrganisation({ ctx, actor: actorOf(req), organisationId: (req.params as { id: string }).id });
      return presentOrganisation(organisation);
    },
  );

  app.post(
    '/api/v1/accounts/organisations',
    { ...guarded, schema: { tags, summary: 'Create an organisation in a region the caller administers', body: NewOrganisationBody, response: { 201: OrganisationSchema, ...problemResponses } } },
    async (req, reply) => {
      const created = await createOrganisation({ ctx, actor: actorOf(req), input: req.body as typeof NewOrganisationBody.static });
      return reply.code(201).send(presentOrganisation(created));
    },
  );

  app.patch(
    '/api/v1/accounts/organisations/:id',
    { ...guarded, schema: { tags, summary: 'Change an organisation', params: IdParams, body: OrganisationChangesBody, response: { 200: OrganisationSchema, ...problemResponses } } },
    async (req) => {
      const updated = await updateOrganisation({
        ctx,
        actor: actorOf(req),
        organisationId: (req.params as { id: string }).id,
        input: req.body as typeof OrganisationChangesBody.static,
      });
      return presentOrganisation(updated);
    },
  );

  registerPeopleApi(app, ctx);
}
