import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { pickText } from '../../../kernel/i18n/content.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { locationRepository } from '../data/location-repository.ts';
import { parseLocation } from '../domain/location-input.ts';
import { linkServiceLocation } from '../use-cases/link-service-location.ts';
import { saveServiceLocation } from '../use-cases/save-service-location.ts';
import { loadServiceFor } from '../use-cases/service-access.ts';
import { unlinkServiceLocation } from '../use-cases/unlink-service-location.ts';
import { manageCrumbs, servicePath } from '../views/manage-components.ts';
import { locationFormView } from '../views/manage-location-form.ts';
import { locationValuesOf } from '../views/manage-service-values.ts';
import { loadRegionMunicipalities } from './form-data.ts';
import { actorOf, attempt, formBody, requireDirectoryStaff } from './guards.ts';

type Params = { id: string; locationId?: string };

/** Where a service is offered: add, edit, link and unlink locations. */
export function registerLocationPages(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { preHandler: requireDirectoryStaff };

  async function render(req: FastifyRequest<{ Params: Params }>, reply: FastifyReply, state: FormState | null, status = 200) {
    const { header } = await loadServiceFor(ctx.db, actorOf(req), req.params.id, 'canUpdate');
    const { regionName, municipalities } = await loadRegionMunicipalities(ctx.db, header.regionCode);
    const locationId = req.params.locationId;
    let form = state;
    if (locationId) {
      const location = /^[0-9a-f-]{36}$/i.test(locationId) ? await locationRepository.find(ctx.db, locationId) : null;
      if (!location || !(await locationRepository.isLinked(ctx.db, header.id, location.id))) throw new NotFoundError();
      form ??= emptyForm(locationValuesOf(location, municipalities));
    }
    const name = pickText(header.name, req.locale)?.value ?? '';
    const title = locationId ? req.t('directory.staff.location.editTitle') : req.t('directory.staff.location.newTitle');
    return sendPage(reply, req, {
      title,
      audience: 'staff',
      status,
      breadcrumbs: manageCrumbs(req, { label: name, path: servicePath(header.id) }),
      body: locationFormView(req, {
        title,
        action: servicePath(header.id, locationId ? `/locations/${locationId}/edit` : '/locations'),
        cancel: servicePath(header.id),
        state: form ?? emptyForm({ locationType: 'physical' }),
        municipalities,
        regionName,
      }),
    });
  }

  async function save(req: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
    const body = formBody(req);
    const actor = actorOf(req);
    const result = await attempt(async () => {
      const { header } = await loadServiceFor(ctx.db, actor, req.params.id, 'canUpdate');
      const { regionName, municipalities } = await loadRegionMunicipalities(ctx.db, header.regionCode);
      const input = parseLocation(body, municipalities);
      return saveServiceLocation({ db: ctx.db, actor, serviceId: header.id, locationId: req.params.locationId, input, regionName });
    });
    if (result.errors) return render(req, reply, { values: body, errors: result.errors }, 422);
    return reply.redirect(`${href(req, servicePath(req.params.id))}?done=locationSaved`, 303);
  }

  app.get<{ Params: Params }>('/:lang/directory/manage/services/:id/locations/new', guarded, async (req, reply) => render(req, reply, null));
  app.post<{ Params: Params }>('/:lang/directory/manage/services/:id/locations', guarded, save);
  app.get<{ Params: Params }>('/:lang/directory/manage/services/:id/locations/:locationId/edit', guarded, async (req, reply) => render(req, reply, null));
  app.post<{ Params: Params }>('/:lang/directory/manage/services/:id/locations/:locationId/edit', guarded, save);

  app.post<{ Params: Params }>('/:lang/directory/manage/services/:id/locations/link', guarded, async (req, reply) => {
    const locationId = formBody(req).locationId;
    await linkServiceLocation({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id, locationId: typeof locationId === 'string' ? locationId : '' });
    return reply.redirect(`${href(req, servicePath(req.params.id))}?done=locationSaved`, 303);
  });

  app.post<{ Params: Params }>('/:lang/directory/manage/services/:id/locations/:locationId/remove', guarded, async (req, reply) => {
    await unlinkServiceLocation({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id, locationId: req.params.locationId ?? '' });
    return reply.redirect(`${href(req, servicePath(req.params.id))}?done=locationRemoved`, 303);
  });
}
