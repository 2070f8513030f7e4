import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { reachOf, type Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { territory } from '../../territory/index.ts';
import type { Organisation } from '../data/admin-repository.ts';
import { ORGANISATION_TYPES } from '../permissions.ts';
import { canCreateAnyOrganisation, canCreateOrganisation, canCreatePersonIn, canUpdateOrganisation, creatableOrganisationTypes } from '../policy.ts';
import { createOrganisation } from '../use-cases/create-organisation.ts';
import { listOrganisations } from '../use-cases/list-organisations.ts';
import { showOrganisation } from '../use-cases/show-organisation.ts';
import { updateOrganisation } from '../use-cases/update-organisation.ts';
import { adminCrumbs } from '../views/admin-components.ts';
import { organisationFormView, ORGANISATION_FORM_FIELDS, type OrganisationFormChoices } from '../views/admin-organisation-form.ts';
import { organisationListView, organisationPageView } from '../views/admin-organisations.ts';
import { actorOf, requireAdministrationPage } from './guards.ts';
import { ADMIN_PAGE_SIZE, pageNumber, textFilter } from './paging.ts';
import { NewOrganisationBody } from './schemas.ts';

type FormBody = Record<string, unknown>;

// What the form sends back, kept as typed so a failed submission shows it again.
function submittedValues(body: FormBody): Record<string, unknown> {
  return Object.fromEntries(ORGANISATION_FORM_FIELDS.map((f) => [f, typeof body[f] === 'string' ? body[f] : undefined]));
}

function valuesOf(org: Organisation): Record<string, unknown> {
  return { ...org, isActive: org.isActive ? 'true' : undefined };
}

// The form sends every field: an empty optional field clears it; an unticked box means false.
function inputFromForm(body: FormBody) {
  const parsed = parseForm(NewOrganisationBody, body);
  return {
    ...parsed,
    provinceCode: parsed.provinceCode ?? null,
    municipalityCode: parsed.municipalityCode ?? null,
    taxCode: parsed.taxCode ?? null,
    ipaCode: parsed.ipaCode ?? null,
    email: parsed.email ?? null,
    website: parsed.website ?? null,
    isActive: parsed.isActive === true,
  };
}

/** The choices of the organisation form, narrowed to the region and province currently chosen. */
async function formChoices(ctx: ModuleContext, actor: Actor, state: FormState, current?: Organisation): Promise<OrganisationFormChoices> {
  const allRegions = await territory.listRegions(ctx.db);
  const regions = allRegions.filter((r) => canCreateOrganisation(actor, { type: 'other', regionCode: r.code }) || r.code === current?.regionCode);
  const types: string[] = creatableOrganisationTypes(actor);
  if (current && !types.includes(current.type)) types.unshift(current.type);
  if (state.values.regionCode === undefined && regions.length === 1) state.values.regionCode = regions[0]!.code;
  const regionCode = regions.some((r) => r.code === state.values.regionCode) ? String(state.values.regionCode) : undefined;
  const provinces = regionCode ? await territory.listProvinces(ctx.db, regionCode) : [];
  const provinceCode = provinces.some((p) => p.code === state.values.provinceCode) ? String(state.values.provinceCode) : undefined;
  const municipalities = regionCode
    ? (await territory.listMunicipalities(ctx.db, { regionCode, provinceCode, limit: 5000, offset: 0 })).items
    : [];
  return { types: ORGANISATION_TYPES.filter((t) => types.includes(t)), regions, provinces, municipalities };
}

/** Organisation pages: list, create, show, edit. */
export function registerOrganisationPages(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireAdministrationPage };
  const listCrumbs = (req: FastifyRequest) => adminCrumbs(req, { label: req.t('accounts.staff.organisations.title'), path: '/admin/organisations' });

  async function renderForm(req: FastifyRequest, reply: FastifyReply, options: { state: FormState; current?: Organisation; status?: number }) {
    const { state, current } = options;
    const choices = await formChoices(ctx, actorOf(req), state, current);
    const title = current ? req.t('accounts.staff.organisations.editTitle', { name: current.name }) : req.t('accounts.staff.organisations.new');
    const crumbs = current ? [...listCrumbs(req), { label: current.name, path: `/admin/organisations/${current.id}` }] : listCrumbs(req);
    return sendPage(reply, req, {
      title,
      audience: 'staff',
      status: options.status ?? 200,
      breadcrumbs: crumbs,
      body: organisationFormView(req, {
        title,
        action: href(req, current ? `/admin/organisations/${current.id}` : '/admin/organisations'),
        cancel: current ? `/admin/organisations/${current.id}` : '/admin/organisations',
        state,
        choices,
      }),
    });
  }

  async function editable(req: FastifyRequest): Promise<Organisation> {
    const { organisation } = await showOrganisation({ ctx, actor: actorOf(req), organisationId: (req.params as { id: string }).id });
    if (!canUpdateOrganisation(actorOf(req), organisation)) throw new NotFoundError();
    return organisation;
  }

  app.get('/:lang/admin/organisations', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const query = req.query as Record<string, unknown>;
    const reach = reachOf(actor, 'accounts.organisation.read');
    const regions = await territory.listRegions(ctx.db);
    const filter = {
      region: regions.some((r) => r.code === query.region) ? String(query.region) : undefined,
      type: (ORGANISATION_TYPES as readonly unknown[]).includes(query.type) ? String(query.type) : undefined,
      q: textFilter(query.q),
    };
    const page = pageNumber(req);
    const { items, total } = await listOrganisations({
      ctx,
      actor,
      filter: { regionCode: filter.region, type: filter.type, query: filter.q, page, perPage: ADMIN_PAGE_SIZE },
    });
    const isRegionFilterShown = reach.all || reach.regionCodes.length > 1;
    return sendPage(reply, req, {
      title: req.t('accounts.staff.organisations.title'),
      audience: 'staff',
      breadcrumbs: adminCrumbs(req),
      body: organisationListView(req, { items, total, page, perPage: ADMIN_PAGE_SIZE, filter, regions, isRegionFilterShown, canCreate: canCreateAnyOrganisation(actor) }),
    });
  });

  app.get('/:lang/admin/organisations/new', guarded, async (req, reply) => {
    if (!canCreateAnyOrganisation(actorOf(req))) throw new NotFoundError();
    return renderForm(req, reply, { state: emptyForm({ isActive: 'true' }) });
  });

  app.post('/:lang/admin/organisations', guarded, async (req, reply) => {
    const actor = actorOf(req);
    if (!canCreateAnyOrganisation(actor)) throw new NotFoundError();
    const body = (req.body ?? {}) as FormBody;
    const values = submittedValues(body);
    if (body._refresh) return renderForm(req, reply, { state: emptyForm(values) });
    try {
      const created = await createOrganisation({ ctx, actor, input: inputFromForm(body) });
      return reply.redirect(href(req, `/admin/organisations/${created.id}?done=created`), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderForm(req, reply, { state: { values, errors: error.fields }, status: 422 });
    }
  });

  app.get('/:lang/admin/organisations/:id', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const { organisation, members } = await showOrganisation({ ctx, actor, organisationId: (req.params as { id: string }).id });
    const [region, province, municipality] = await Promise.all([
      territory.findRegion(ctx.db, organisation.regionCode),
      organisation.provinceCode ? territory.findProvince(ctx.db, organisation.provinceCode) : null,
      organisation.municipalityCode ? territory.findMunicipality(ctx.db, organisation.municipalityCode) : null,
    ]);
    return sendPage(reply, req, {
      title: organisation.name,
      audience: 'staff',
      breadcrumbs: listCrumbs(req),
      body: organisationPageView(req, {
        organisation,
        members,
        regionName: region?.name ?? organisation.regionCode,
        provinceName: province?.name ?? null,
        municipalityName: municipality?.name ?? null,
        canUpdate: canUpdateOrganisation(actor, organisation),
        canAddPerson: organisation.isActive && canCreatePersonIn(actor, organisation),
        roleLabel: (key) => {
          const role = ctx.roles.find((r) => r.key === key);
          return role ? req.t(role.labelKey) : key;
        },
      }),
    });
  });

  app.get('/:lang/admin/organisations/:id/edit', guarded, async (req, reply) => {
    const current = await editable(req);
    return renderForm(req, reply, { state: emptyForm(valuesOf(current)), current });
  });

  app.post('/:lang/admin/organisations/:id', guarded, async (req, reply) => {
    const current = await editable(req);
    const body = (req.body ?? {}) as FormBody;
    const values = submittedValues(body);
    if (body._refresh) return renderForm(req, reply, { state: emptyForm(values), current });
    try {
      await updateOrganisation({ ctx, actor: actorOf(req), organisationId: current.id, input: inputFromForm(body) });
      return reply.redirect(href(req, `/admin/organisations/${current.id}?done=saved`), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderForm(req, reply, { state: { values, errors: error.fields }, current, status: 422 });
    }
  });
}
