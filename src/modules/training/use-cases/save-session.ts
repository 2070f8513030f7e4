import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { writeText } from '../domain/content.ts';
import { checkSession, parseMaterials, type SessionInput } from '../domain/session-input.ts';
import { loadEditionFor } from './access.ts';

/** Adds a session to an edition's calendar (no sessionId) or changes one; a session outside the edition's dates is refused. */
export async function saveSession(options: { ctx: ModuleContext; actor: Actor; locale: Locale; editionId: string; sessionId?: string; input: SessionInput }): Promise<string> {
  const { ctx, actor, input } = options;
  const { edition, path } = await loadEditionFor(ctx.db, actor, options.editionId, 'manage');
  const existing = options.sessionId ? await sessionRepository.find(ctx.db, options.sessionId) : null;
  if (options.sessionId && (!existing || existing.editionId !== edition.id)) throw new NotFoundError();
  if (edition.state === 'completed') throw new ValidationError([{ field: 'date', messageKey: 'training.staff.errors.editionCompleted' }]);
  const errors = checkSession(input, edition, path.modality);
  if (errors.length) throw new ValidationError(errors);
  const values = {
    date: input.date,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: input.place?.trim() || null,
    onlineUrl: input.onlineUrl?.trim() || null,
    trainerPersonId: input.trainerPersonId || null,
    topic: writeText(existing?.topic, options.locale, input.topic),
    materials: parseMaterials(input.materials).materials,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const id = existing ? existing.id : await sessionRepository.insert(trx, edition.id, values);
    if (existing) await sessionRepository.update(trx, id, values);
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: existing ? 'training.session.updated' : 'training.session.created', entity: 'training.session', entityId: id, regionCode: edition.regionCode },
      trx,
    );
    return id;
  });
}
