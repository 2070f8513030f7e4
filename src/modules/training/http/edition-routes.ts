import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { territory } from '../../territory/index.ts';
import type { Edition, Path } from '../data/records.ts';
import type { EditionInput } from '../domain/edition-input.ts';
import { textIn } from '../domain/content.ts';
import { DEFAULT_ATTENDANCE_THRESHOLD, PROFILES, type Profile } from '../domain/vocabulary.ts';
import { assignTrainers } from '../use-cases/assign-trainers.ts';
import { changeEditionState } from '../use-cases/change-edition-state.ts';
import { completeEdition } from '../use-cases/complete-edition.ts';
import { saveEdition } from '../use-cases/save-edition.ts';
import { showEdition } from '../use-cases/show-edition.ts';
import { showPath } from '../use-cases/show-path.ts';
import { workspaceCrumbs } from '../views/components.ts';
import { EDITION_FIELDS, editionFormView, editionPageView } from '../views/edition-views.ts';
import { actorOf, attempt, formBody, integerOf, listOf, param, requireWorkspace, textOf } from './guards.ts';
import { EditionForm, StateForm } from './schemas.ts';

function editionInput(body: Record<string, unknown>): EditionInput {
  const errors: FieldError[] = [];
  let form: Omit<EditionInput, 'quotas'> | null = null;
  try {
    form = parseForm(EditionForm, body) as Omit<EditionInput, 'quotas'>;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    errors.push(...error.fields);
  }
  const quotas: Partial<Record<Profile, number>> = {};
  for (const profile of PROFILES) {
    const raw = textOf(body[`quota_${profile}`]);
    if (raw === '') continue;
    const value = integerOf(raw);
    if (value === undefined || value < 0) errors.push({ field: `quota_${profile}`, messageKey: 'validation.type.integer' });
    else quotas[profile] = value;
  }
  if (errors.length || !form) throw new ValidationError(errors);
  return { ...form, places: form.places ?? '', quotas };
}

function valuesOfEdition(edition: Edition): Record<string, unknown> {
  return {
    ...edition,
    seats: String(edition.seats),
    minPerProfile: String(edition.minPerProfile),
    groupSize: String(edition.groupSize),
    attendanceThreshold: String(edition.attendanceThreshold),
    ...Object.fromEntries(PROFILES.map((p) => [`quota_${p}`, edition.quotas[p] === undefined ? '' : String(edition.quotas[p])])),
  };
}

/** An edition's overview, its form, state changes and trainer assignment. */
export function registerEditionRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireWorkspace };

  async function renderForm(req: FastifyRequest, reply: FastifyReply, options: { path: Path; edition?: Edition; state: FormState; status?: number }) {
    const { path, edition } = options;
    const title = edition ? req.t('training.staff.edition.editTitle', { number: edition.number }) : req.t('training.staff.edition.newTitle', { code: path.code });
    const regions = (await territory.listRegions(ctx.db)).filter((r) => path.regionCodes.includes(r.code));
    return sendPage(reply, req, {
      title,
      audience: 'staff',
      status: options.status ?? 200,
      breadcrumbs: workspaceCrumbs(req, { label: path.code, path: `/training/manage/paths/${path.id}` }),
      body: editionFormView(req, {
        title,
        action: href(req, edition ? `/training/manage/editions/${edition.id}` : `/training/manage/paths/${path.id}/editions`),
        cancel: edition ? `/training/manage/editions/${edition.id}` : `/training/manage/paths/${path.id}`,
        state: options.state,
        regions,
      }),
    });
  }

  async function renderPage(req: FastifyRequest, reply: FastifyReply, errors?: FieldError[]) {
    const view = await showEdition({ ctx, actor: actorOf(req), editionId: param(req, 'id') });
    const region = await territory.findRegion(ctx.db, view.edition.regionCode);
    const title = `${textIn(view.path.title, req.locale)} · ${req.t('training.edition.name', { number: view.edition.number })}`;
    return sendPage(reply, req, {
      title,
      audience: 'staff',
      status: errors ? 422 : 200,
      breadcrumbs: workspaceCrumbs(req, ...(view.abilities.canManage ? [{ label: view.path.code, path: `/training/manage/paths/${view.path.id}` }] : [])),
      body: editionPageView(req, { ...view, regionName: region?.name ?? view.edition.regionCode, errors }),
    });
  }

  app.get('/:lang/training/manage/paths/:id/editions/new', guarded, async (req, reply) => {
    const { path } = await showPath({ ctx, actor: actorOf(req), pathId: param(req, 'id') });
    const defaults = { regionCode: path.regionCodes[0], seats: '24', minPerProfile: '3', groupSize: '5', attendanceThreshold: String(DEFAULT_ATTENDANCE_THRESHOLD) };
    return renderForm(req, reply, { path, state: emptyForm(defaults) });
  });

  app.post('/:lang/training/manage/paths/:id/editions', guarded, async (req, reply) => {
    const { path } = await showPath({ ctx, actor: actorOf(req), pathId: param(req, 'id') });
    const body = formBody(req);
    const result = await attempt(() => saveEdition({ ctx, actor: actorOf(req), pathId: path.id, input: editionInput(body) }));
    if (result.errors) return renderForm(req, reply, { path, state: { values: pickFields(body), errors: result.errors }, status: 422 });
    return reply.redirect(href(req, `/training/manage/editions/${result.value}?done=editionSaved`), 303);
  });

  app.get('/:lang/training/manage/editions/:id', guarded, async (req, reply) => renderPage(req, reply));

  app.get('/:lang/training/manage/editions/:id/edit', guarded, async (req, reply) => {
    const view = await showEdition({ ctx, actor: actorOf(req), editionId: param(req, 'id') });
    if (!view.abilities.canManage) return renderPage(req, reply);
    return renderForm(req, reply, { path: view.path, edition: view.edition, state: emptyForm(valuesOfEdition(view.edition)) });
  });

  app.post('/:lang/training/manage/editions/:id', guarded, async (req, reply) => {
    const view = await showEdition({ ctx, actor: actorOf(req), editionId: param(req, 'id') });
    const body = formBody(req);
    const result = await attempt(() => saveEdition({ ctx, actor: actorOf(req), editionId: view.edition.id, input: editionInput(body) }));
    if (result.errors) return renderForm(req, reply, { path: view.path, edition: view.edition, state: { values: pickFields(body), errors: result.errors }, status: 422 });
    return reply.redirect(href(req, `/training/manage/editions/${view.edition.id}?done=editionSaved`), 303);
  });

  app.post('/:lang/training/manage/editions/:id/state', guarded, async (req, reply) => {
    const result = await attempt(async () => {
      const { action } = parseForm(StateForm, formBody(req)) as { action: 'open_call' | 'close_call' | 'start' | 'complete' };
      if (action === 'complete') await completeEdition({ ctx, actor: actorOf(req), editionId: param(req, 'id') });
      else await changeEditionState({ ctx, actor: actorOf(req), editionId: param(req, 'id'), action });
    });
    if (result.errors) return renderPage(req, reply, result.errors);
    return reply.redirect(href(req, `/training/manage/editions/${param(req, 'id')}?done=stateChanged`), 303);
  });

  app.post('/:lang/training/manage/editions/:id/trainers', guarded, async (req, reply) => {
    const result = await attempt(() => assignTrainers({ ctx, actor: actorOf(req), editionId: param(req, 'id'), personIds: listOf(formBody(req).trainerIds) }));
    if (result.errors) return renderPage(req, reply, result.errors);
    return reply.redirect(href(req, `/training/manage/editions/${param(req, 'id')}?done=trainersSaved`), 303);
  });
}

function pickFields(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(EDITION_FIELDS.map((f) => [f, textOf(body[f])]));
}
