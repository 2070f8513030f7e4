import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { territory } from '../../territory/index.ts';
import { pathRepository } from '../data/path-repository.ts';
import { peopleRepository } from '../data/people-repository.ts';
import { writeText, writeTextList } from '../domain/content.ts';
import { checkPath, type PathInput } from '../domain/path-input.ts';
import { canCreatePaths, canManagePath, canManagePathIn } from '../policy.ts';
import { isUuid } from './access.ts';

/**
 * Creates a path (no pathId) or changes one, writing its texts in the staff member's language. Every region
 * given must be one the actor manages; a path keeps the regions the actor does not manage.
 */
export async function savePath(options: { ctx: ModuleContext; actor: Actor; locale: Locale; pathId?: string; input: PathInput }): Promise<string> {
  const { ctx, actor, locale, input } = options;
  const existing = options.pathId ? (isUuid(options.pathId) ? await pathRepository.find(ctx.db, options.pathId) : null) : null;
  if (options.pathId && (!existing || !canManagePath(actor, existing))) throw new NotFoundError();
  if (!options.pathId && !canCreatePaths(actor)) throw new NotFoundError();

  const regions = (await territory.listRegions(ctx.db)).map((r) => r.code);
  const trainers = await peopleRepository.listTrainers(ctx.db, null);
  const { value, errors } = checkPath(input, {
    knownRegions: regions,
    isRegionAllowed: (code) => canManagePathIn(actor, code) || (existing?.regionCodes.includes(code) ?? false),
    trainerIds: [...trainers.map((t) => t.id), ...(existing?.trainerIds ?? [])],
  });
  if (errors.length === 0 && (await pathRepository.isCodeTaken(ctx.db, value.code, existing?.id))) {
    errors.push({ field: 'code', messageKey: 'training.staff.errors.codeTaken' });
  }
  if (errors.length) throw new ValidationError(errors);
  const values = {
    code: value.code,
    title: writeText(existing?.title, locale, value.title),
    objectives: writeText(existing?.objectives, locale, value.objectives),
    competences: writeTextList(existing?.competences ?? [], locale, value.competences),
    hours: value.hours,
    modality: value.modality,
    regionCodes: value.regionCodes,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const id = existing ? existing.id : await pathRepository.insert(trx, values, actor.personId);
    if (existing) await pathRepository.update(trx, id, values);
    await pathRepository.setTrainers(trx, id, value.trainerIds);
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: existing ? 'training.path.updated' : 'training.path.created', entity: 'training.path', entityId: id, regionCode: value.regionCodes[0], details: { code: value.code } },
      trx,
    );
    return id;
  });
}
