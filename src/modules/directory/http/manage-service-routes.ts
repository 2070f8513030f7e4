import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, reachOf, type Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import { pickText } from '../../../kernel/i18n/content.ts';
import { isLocale } from '../../../kernel/i18n/locales.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { organisationRepository } from '../data/organisation-repository.ts';
import { taxonomyRepository } from '../data/taxonomy-repository.ts';
import { parseServiceDetails } from '../domain/service-input.ts';
import { NEEDS_TAXONOMY_ID } from '../reference/needs-taxonomy.ts';
import { createService, type OwnerChoice } from '../use-cases/create-service.ts';
import { showService } from '../use-cases/show-service.ts';
import { loadServiceFor } from '../use-cases/service-access.ts';
import { updateServiceDetails } from '../use-cases/update-service-details.ts';
import { buildServiceSnapshot } from '../data/snapshot-repository.ts';
import { MANAGE, manageCrumbs, servicePath } from '../views/manage-components.ts';
import { serviceOverviewView } from '../views/manage-service.ts';
import { serviceFormView } from '../views/manage-service-form.ts';
import { detailValuesOf } from '../views/manage-service-values.ts';
import { loadKnownValues, loadServiceFormChoices } from './form-data.ts';
import { actorOf, attempt, formBody, requireDirectoryStaff } from './guards.ts';

type Params = { id: string };

/** The organisations a person may create services for: their own memberships first, then directory organisations in reach. */
async function ownerChoices(ctx: ModuleContext, actor: Actor, locale: string): Promise<{ value: string; label: string }[]> {
  const own = actor.memberships
    .filter((m) => can(actor, 'directory.service.create', { organisationId: m.organisationId, regionCode: m.regionCode }))
    .map((m) => ({ value: `account:${m.organisationId}`, label: m.organisationName }));
  const reach = reachOf(actor, 'directory.service.create');
  const directory = reach.all
    ? await organisationRepository.listWithin(ctx.db, reach)
    : reach.regionCodes.length
      ? await organisationRepository.listWithin(ctx.db, { all: false, regionCodes: reach.regionCodes, organisationIds: [] })
      : [];
  const seen = new Set(actor.memberships.map((m) => m.organisationId));
  const others = directory
    .filter((o) => !o.accountOrganisationId || !seen.has(o.accountOrganisationId))
    .map((o) => ({ value: `directory:${o.id}`, label: pickText(o.name, isLocale(locale) ? locale : 'it')?.value ?? o.id }));
  return [...new Map([...own, ...others].map((c) => [c.value, c])).values()];
}

function ownerOf(value: unknown): OwnerChoice | null {
  const match = typeof value === 'string' ? /^(account|directory):([0-9a-f-]{36})$/i.exec(value) : null;
  return match ? { kind: match[1] === 'account' ? 'account' : 'directory', id: match[2]! } : null;
}

/** The service pages: create, show, edit details. */
export function registerServicePages(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { preHandler: requireDirectoryStaff };

  async function renderCreate(req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) {
    const actor = actorOf(req);
    const [choices, owners] = await Promise.all([loadServiceFormChoices(ctx.db, req.locale), ownerChoices(ctx, actor, req.locale)]);
    if (state.values.owner === undefined && owners.length === 1) state.values.owner = owners[0]!.value;
    return sendPage(reply, req, {
      title: req.t('directory.staff.home.new'),
      audience: 'staff',
      status,
      breadcrumbs: manageCrumbs(req),
      body: serviceFormView(req, { title: req.t('directory.staff.home.new'), action: `${MANAGE}/services`, cancel: MANAGE, state, choices, owners, writingLocale: req.locale }),
    });
  }

  app.get('/:lang/directory/manage/services/new', guarded, async (req, reply) => {
    return renderCreate(req, reply, emptyForm({ originalLocale: 'it', cost: 'free', status: 'active' }));
  });

  app.post('/:lang/directory/manage/services', guarded, async (req, reply) => {
    const actor = actorOf(req);
    const body = formBody(req);
    const result = await attempt(async () => {
      const known = await loadKnownValues(ctx.db);
      const owner = ownerOf(body.owner);
      const ownerErrors = owner ? [] : [{ field: 'owner', messageKey: 'validation.required' }];
      let input;
      try {
        input = parseServiceDetails(body, known);
      } catch (error) {
        if (error instanceof ValidationError) throw new ValidationError([...ownerErrors, ...error.fields]);
        throw error;
      }
      if (!owner) throw new ValidationError(ownerErrors);
      const locale = isLocale(body.originalLocale) ? body.originalLocale : 'it';
      return createService({ db: ctx.db, actor, owner, locale, input, languageNames: known.languageNames });
    });
    if (result.errors) return renderCreate(req, reply, { values: body, errors: result.errors }, 422);
    return reply.redirect(`${href(req, servicePath(result.value))}?done=created`, 303);
  });

  app.get<{ Params: Params }>('/:lang/directory/manage/services/:id', guarded, async (req, reply) => {
    const view = await showService({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id });
    const terms = await taxonomyRepository.listTerms(ctx.db, NEEDS_TAXONOMY_ID);
    const title = pickText(view.header.name, req.locale)?.value ?? '';
    return sendPage(reply, req, { title, audience: 'staff', breadcrumbs: manageCrumbs(req), body: serviceOverviewView(req, view, terms) });
  });

  async function renderEdit(req: FastifyRequest<{ Params: Params }>, reply: FastifyReply, state: FormState | null, status = 200) {
    const { header } = await loadServiceFor(ctx.db, actorOf(req), req.params.id, 'canUpdate');
    const locale = isLocale(header.originalLocale) ? header.originalLocale : 'it';
    const working = await buildServiceSnapshot(ctx.db, header.id, new Date());
    const form = state ?? emptyForm(detailValuesOf(working!, locale));
    const choices = await loadServiceFormChoices(ctx.db, req.locale);
    const name = pickText(header.name, req.locale)?.value ?? '';
    return sendPage(reply, req, {
      title: req.t('directory.staff.service.editTitle', { name }),
      audience: 'staff',
      status,
      breadcrumbs: manageCrumbs(req, { label: name, path: servicePath(header.id) }),
      body: serviceFormView(req, {
        title: req.t('directory.staff.service.editTitle', { name }),
        action: servicePath(header.id, '/edit'),
        cancel: servicePath(header.id),
        state: form,
        choices,
        writingLocale: locale,
      }),
    });
  }

  app.get<{ Params: Params }>('/:lang/directory/manage/services/:id/edit', guarded, async (req, reply) => renderEdit(req, reply, null));

  app.post<{ Params: Params }>('/:lang/directory/manage/services/:id/edit', guarded, async (req, reply) => {
    const body = formBody(req);
    const result = await attempt(async () => {
      const known = await loadKnownValues(ctx.db);
      const input = parseServiceDetails(body, known);
      return updateServiceDetails({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id, input, languageNames: known.languageNames });
    });
    if (result.errors) return renderEdit(req, reply, { values: body, errors: result.errors }, 422);
    return reply.redirect(`${href(req, servicePath(req.params.id))}?done=${result.value.length ? 'saved' : 'unchanged'}`, 303);
  });
}
