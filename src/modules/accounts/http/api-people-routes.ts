import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { problemResponses } from '../../../kernel/http/problem.ts';
import { listPeople } from '../use-cases/list-people.ts';
import { loadVisiblePerson } from '../use-cases/load-visible-person.ts';
import { createPerson } from '../use-cases/create-person.ts';
import { updatePerson } from '../use-cases/update-person.ts';
import { addMembership } from '../use-cases/add-membership.ts';
import { removeMembership } from '../use-cases/remove-membership.ts';
import { actorOf, requireAdministrationApi } from './guards.ts';
import { presentMembership, presentPerson, presentPersonSummary } from './presenters.ts';
import { MembershipBody, MembershipSchema, NewPersonBody, PersonChangesBody, PersonSchema, PersonSummarySchema, pageOf, paging } from './schemas.ts';

const tags = ['accounts'];
const IdParams = Type.Object({ id: Type.String() });

/** People and memberships in the accounts API. */
export function registerPeopleApi(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireAdministrationApi };

  app.get(
    '/api/v1/accounts/people',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'People with a membership within the caller’s reach, searched by name or e-mail',
        querystring: Type.Object({ q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), ...paging }),
        response: { 200: pageOf(PersonSummarySchema), ...problemResponses },
      },
    },
    async (req) => {
      const q = req.query as { q?: string; page: number; per_page: number };
      const { items, total } = await listPeople({ ctx, actor: actorOf(req), filter: { query: q.q, page: q.page, perPage: q.per_page } });
      return { items: items.map(presentPersonSummary), total, page: q.page, per_page: q.per_page };
    },
  );

  app.get(
    '/api/v1/accounts/people/:id',
    { ...guarded, schema: { tags, summary: 'One person with the memberships the caller may see', params: IdParams, response: { 200: PersonSchema, ...problemResponses } } },
    async (req) => {
      const actor = actorOf(req);
      return presentPerson(actor, await loadVisiblePerson({ ctx, actor, personId: (req.params as { id: string }).id }));
    },
  );

  app.post(
    '/api/v1/accounts/people',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Create a person with a first membership; they receive an e-mail invitation to choose their password',
        body: NewPersonBody,
        response: { 201: PersonSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { person } = await createPerson({ ctx, actor, input: req.body as typeof NewPersonBody.static });
      return reply.code(201).send(presentPerson(actor, await loadVisiblePerson({ ctx, actor, personId: person.id })));
    },
  );

  app.patch(
    '/api/v1/accounts/people/:id',
    { ...guarded, schema: { tags, summary: 'Change a person; disabling ends their sessions', params: IdParams, body: PersonChangesBody, response: { 200: PersonSchema, ...problemResponses } } },
    async (req) => {
      const actor = actorOf(req);
      const personId = (req.params as { id: string }).id;
      await updatePerson({ ctx, actor, personId, changes: req.body as typeof PersonChangesBody.static });
      return presentPerson(actor, await loadVisiblePerson({ ctx, actor, personId }));
    },
  );

  app.post(
    '/api/v1/accounts/people/:id/memberships',
    { ...guarded, schema: { tags, summary: 'Give a person a role in an organisation', params: IdParams, body: MembershipBody, response: { 201: MembershipSchema, ...problemResponses } } },
    async (req, reply) => {
      const added = await addMembership({ ctx, actor: actorOf(req), personId: (req.params as { id: string }).id, input: req.body as typeof MembershipBody.static });
      return reply.code(201).send(presentMembership(added));
    },
  );

  app.delete(
    '/api/v1/accounts/people/:id/memberships/:membershipId',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Take a role away from a person',
        params: Type.Object({ id: Type.String(), membershipId: Type.String() }),
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      const { id, membershipId } = req.params as { id: string; membershipId: string };
      await removeMembership({ ctx, actor: actorOf(req), personId: id, membershipId });
      return reply.code(204).send();
    },
  );
}
