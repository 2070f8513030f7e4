import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import { PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { territory } from '../../territory/index.ts';
import { canCreateAnyPerson, canEditPersonProfile, canGrantRole, canSetPlatformAdmin } from '../policy.ts';
import { addMembership } from '../use-cases/add-membership.ts';
import { createPerson } from '../use-cases/create-person.ts';
import { listGrantChoices } from '../use-cases/list-grant-choices.ts';
import { listPeople } from '../use-cases/list-people.ts';
import { loadVisiblePerson } from '../use-cases/load-visible-person.ts';
import { removeMembership } from '../use-cases/remove-membership.ts';
import { updatePerson } from '../use-cases/update-person.ts';
import { adminCrumbs } from '../views/admin-components.ts';
import { peopleListView } from '../views/admin-people.ts';
import { personPageView } from '../views/admin-person.ts';
import { editPersonFormView, newPersonFormView, organisationChoices } from '../views/admin-person-form.ts';
import { actorOf, requireAdministrationPage } from './guards.ts';
import { ADMIN_PAGE_SIZE, pageNumber, textFilter } from './paging.ts';
import { MembershipBody, NewPersonBody } from './schemas.ts';

const PersonEditForm = Type.Object({
  fullName: Type.String({ minLength: 2, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  preferredLocale: Type.Unsafe<string>({ type: 'string', enum: [...PUBLIC_LOCALES] }),
  isActive: Type.Optional(Type.Boolean()),
  isPlatformAdmin: Type.Optional(Type.Boolean()),
});

type FormBody = Record<string, unknown>;

function submitted(body: FormBody, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, typeof body[f] === 'string' ? body[f] : undefined]));
}

/** People pages: list, create with invitation, show, edit, add and remove memberships. */
export function registerPeoplePages(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireAdministrationPage };
  const listCrumbs = (req: FastifyRequest) => adminCrumbs(req, { label: req.t('accounts.staff.people.title'), path: '/admin/people' });
  const roleLabel = (req: FastifyRequest) => (key: string) => {
    const role = ctx.roles.find((r) => r.key === key);
    return role ? req.t(role.labelKey) : key;
  };
  async function regionNames(): Promise<(code: string) => string> {
    const regions = await territory.listRegions(ctx.db);
    return (code) => regions.find((r) => r.code === code)?.name ?? code;
  }

  async function renderNewForm(req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) {
    const actor = actorOf(req);
    const choices = await listGrantChoices({ ctx, actor, purpose: 'new-person' });
    if (state.values.organisationId === undefined && choices.organisations.length === 1) state.values.organisationId = choices.organisations[0]!.id;
    const title = req.t('accounts.staff.people.new');
    return sendPage(reply, req, {
      title,
      audience: 'staff',
      status,
      breadcrumbs: listCrumbs(req),
      body: newPersonFormView(req, {
        state,
        organisations: organisationChoices(choices.organisations, await regionNames()),
        roles: choices.roles,
        canSetPlatformAdmin: canSetPlatformAdmin(actor),
      }),
    });
  }

  async function renderPersonPage(req: FastifyRequest, reply: FastifyReply, options: { personId: string; membershipState?: FormState; status?: number }) {
    const actor = actorOf(req);
    const visible = await loadVisiblePerson({ ctx, actor, personId: options.personId });
    const isLast = visible.memberships.length === 1 && !actor.isPlatformAdmin;
    const memberships = visible.visibleMemberships.map((m) => {
      const role = ctx.roles.find((r) => r.key === m.roleKey);
      const org = { id: m.organisationId, type: m.organisationType, regionCode: m.regionCode };
      return { ...m, isRemovable: !isLast && (role ? canGrantRole(actor, role, org) : actor.isPlatformAdmin) };
    });
    const choices = await listGrantChoices({ ctx, actor, purpose: 'membership' });
    const regionName = await regionNames();
    return sendPage(reply, req, {
      title: visible.person.fullName,
      audience: 'staff',
      status: options.status ?? 200,
      breadcrumbs: listCrumbs(req),
      body: personPageView(req, {
        person: visible.person,
        memberships,
        hiddenMembershipCount: visible.memberships.length - visible.visibleMemberships.length,
        isEditable: canEditPersonProfile(actor, visible.ref),
        regionName,
        roleLabel: roleLabel(req),
        membershipForm: choices.organisations.length
          ? { state: options.membershipState ?? emptyForm({ organisationId: choices.organisations.length === 1 ? choices.organisations[0]!.id : undefined }), organisations: organisationChoices(choices.organisations, regionName), roles: choices.roles }
          : null,
      }),
    });
  }

  async function renderEditForm(req: FastifyRequest, reply: FastifyReply, options: { personId: string; fullName: string; state: FormState; status?: number }) {
    const title = req.t('accounts.staff.people.editTitle', { name: options.fullName });
    return sendPage(reply, req, {
      title,
      audience: 'staff',
      status: options.status ?? 200,
      breadcrumbs: [...listCrumbs(req), { label: options.fullName, path: `/admin/people/${options.personId}` }],
      body: editPersonFormView(req, { personId: options.personId, title, state: options.state, canSetPlatformAdmin: canSetPlatformAdmin(actorOf(req)) }),
    });
  }

  async function editablePerson(req: FastifyRequest) {
    const actor = actorOf(req);
    const visible = await loadVisiblePerson({ ctx, actor, personId: (req.params as { id: string }).id });
    if (!canEditPersonProfile(actor, visible.ref)) throw new NotFoundError();
    return visible.person;
  }

  app.get('/:lang/admin/people', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const query = textFilter((req.query as { q?: unknown }).q);
    const page = pageNumber(req);
    const { items, total } = await listPeople({ ctx, actor, filter: { query, page, perPage: ADMIN_PAGE_SIZE } });
    return sendPage(reply, req, {
      title: req.t('accounts.staff.people.title'),
      audience: 'staff',
      breadcrumbs: adminCrumbs(req),
      body: peopleListView(req, { items, total, page, perPage: ADMIN_PAGE_SIZE, query, canCreate: canCreateAnyPerson(actor) }),
    });
  });

  app.get('/:lang/admin/people/new', guarded, async (req, reply) => {
    if (!canCreateAnyPerson(actorOf(req))) throw new NotFoundError();
    const organisationId = (req.query as { organisationId?: unknown }).organisationId;
    return renderNewForm(req, reply, emptyForm({ preferredLocale: req.locale, organisationId: typeof organisationId === 'string' ? organisationId : undefined }));
  });

  app.post('/:lang/admin/people', guarded, async (req, reply) => {
    const actor = actorOf(req);
    if (!canCreateAnyPerson(actor)) throw new NotFoundError();
    const body = (req.body ?? {}) as FormBody;
    try {
      const { person, isInvitationSent } = await createPerson({ ctx, actor, input: parseForm(NewPersonBody, body) });
      return reply.redirect(href(req, `/admin/people/${person.id}?done=${isInvitationSent ? 'invited' : 'invitation-failed'}`), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const values = submitted(body, ['fullName', 'email', 'preferredLocale', 'organisationId', 'roleKey', 'isPlatformAdmin']);
      return renderNewForm(req, reply, { values, errors: error.fields }, 422);
    }
  });

  app.get('/:lang/admin/people/:id', guarded, async (req, reply) => renderPersonPage(req, reply, { personId: (req.params as { id: string }).id }));

  app.get('/:lang/admin/people/:id/edit', guarded, async (req, reply) => {
    const person = await editablePerson(req);
    const values = { ...person, isActive: person.isActive ? 'true' : undefined, isPlatformAdmin: person.isPlatformAdmin ? 'true' : undefined };
    return renderEditForm(req, reply, { personId: person.id, fullName: person.fullName, state: emptyForm(values) });
  });

  app.post('/:lang/admin/people/:id', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const person = await editablePerson(req);
    const body = (req.body ?? {}) as FormBody;
    try {
      const parsed = parseForm(PersonEditForm, body);
      // An unticked box sends nothing: false. The platform box is only on platform administrators' forms.
      const changes = { ...parsed, isActive: parsed.isActive === true, isPlatformAdmin: canSetPlatformAdmin(actor) ? parsed.isPlatformAdmin === true : parsed.isPlatformAdmin };
      await updatePerson({ ctx, actor, personId: person.id, changes });
      return reply.redirect(href(req, `/admin/people/${person.id}?done=saved`), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const values = submitted(body, ['fullName', 'email', 'preferredLocale', 'isActive', 'isPlatformAdmin']);
      return renderEditForm(req, reply, { personId: person.id, fullName: person.fullName, state: { values, errors: error.fields }, status: 422 });
    }
  });

  app.post('/:lang/admin/people/:id/memberships', guarded, async (req, reply) => {
    const personId = (req.params as { id: string }).id;
    const body = (req.body ?? {}) as FormBody;
    try {
      await addMembership({ ctx, actor: actorOf(req), personId, input: parseForm(MembershipBody, body) });
      return reply.redirect(href(req, `/admin/people/${personId}?done=membership-added#memberships`), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const membershipState = { values: submitted(body, ['organisationId', 'roleKey']), errors: error.fields };
      return renderPersonPage(req, reply, { personId, membershipState, status: 422 });
    }
  });

  app.post('/:lang/admin/people/:id/memberships/:membershipId/delete', guarded, async (req, reply) => {
    const { id: personId, membershipId } = req.params as { id: string; membershipId: string };
    try {
      await removeMembership({ ctx, actor: actorOf(req), personId, membershipId });
      return reply.redirect(href(req, `/admin/people/${personId}?done=membership-removed#memberships`), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderPersonPage(req, reply, { personId, membershipState: { values: {}, errors: error.fields }, status: 422 });
    }
  });
}
