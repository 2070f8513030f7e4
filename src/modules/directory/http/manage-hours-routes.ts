import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickText } from '../../../kernel/i18n/content.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { servicePartsRepository } from '../data/service-parts-repository.ts';
import { parseException, parseWeeklyHours } from '../domain/hours-input.ts';
import { addScheduleException } from '../use-cases/add-schedule-exception.ts';
import { removeScheduleException } from '../use-cases/remove-schedule-exception.ts';
import { loadServiceFor } from '../use-cases/service-access.ts';
import { updateServiceHours } from '../use-cases/update-service-hours.ts';
import { manageCrumbs, servicePath } from '../views/manage-components.ts';
import { hoursValuesOf, hoursView } from '../views/manage-hours.ts';
import { actorOf, attempt, formBody, requireDirectoryStaff } from './guards.ts';

type Params = { id: string };

/** Weekly opening hours and their exceptions (holidays, special hours). */
export function registerHoursPages(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { preHandler: requireDirectoryStaff };

  async function render(req: FastifyRequest<{ Params: Params }>, reply: FastifyReply, forms: { hours?: FormState; exception?: FormState }, status = 200) {
    const { header } = await loadServiceFor(ctx.db, actorOf(req), req.params.id, 'canUpdate');
    const [ranges, exceptions] = await Promise.all([servicePartsRepository.listWeeklyHours(ctx.db, header.id), servicePartsRepository.listExceptions(ctx.db, header.id)]);
    const name = pickText(header.name, req.locale)?.value ?? '';
    const title = req.t('directory.staff.hours.title', { name });
    return sendPage(reply, req, {
      title,
      audience: 'staff',
      status,
      breadcrumbs: manageCrumbs(req, { label: name, path: servicePath(header.id) }),
      body: hoursView(req, {
        serviceId: header.id,
        title,
        hours: forms.hours ?? emptyForm(hoursValuesOf(ranges)),
        exception: forms.exception ?? emptyForm({ kind: 'closed' }),
        exceptions,
      }),
    });
  }

  app.get<{ Params: Params }>('/:lang/directory/manage/services/:id/hours', guarded, async (req, reply) => render(req, reply, {}));

  app.post<{ Params: Params }>('/:lang/directory/manage/services/:id/hours', guarded, async (req, reply) => {
    const body = formBody(req);
    const result = await attempt(async () => updateServiceHours({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id, ranges: parseWeeklyHours(body) }));
    if (result.errors) return render(req, reply, { hours: { values: body, errors: result.errors } }, 422);
    return reply.redirect(`${href(req, servicePath(req.params.id))}?done=${result.value.length ? 'saved' : 'unchanged'}`, 303);
  });

  app.post<{ Params: Params }>('/:lang/directory/manage/services/:id/exceptions', guarded, async (req, reply) => {
    const body = formBody(req);
    const result = await attempt(async () => addScheduleException({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id, input: parseException(body) }));
    if (result.errors) return render(req, reply, { exception: { values: body, errors: result.errors } }, 422);
    return reply.redirect(`${href(req, servicePath(req.params.id, '/hours'))}?done=exceptionAdded`, 303);
  });

  app.post<{ Params: Params & { exceptionId: string } }>('/:lang/directory/manage/services/:id/exceptions/:exceptionId/remove', guarded, async (req, reply) => {
    await removeScheduleException({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id, exceptionId: req.params.exceptionId });
    return reply.redirect(`${href(req, servicePath(req.params.id, '/hours'))}?done=exceptionRemoved`, 303);
  });
}
