import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { checkEdition, type EditionInput } from '../domain/edition-input.ts';
import { canManagePathIn } from '../policy.ts';
import { isUuid, loadEditionFor } from './access.ts';

/**
 * Creates an edition of a path (with pathId) or changes an edition (with editionId). The region must be one
 * of the path's that the actor manages; changed dates must still hold every session.
 */
export async function saveEdition(options: { ctx: ModuleContext; actor: Actor; pathId?: string; editionId?: string; input: EditionInput }): Promise<string> {
  const { ctx, actor, input } = options;
  const access = options.editionId ? await loadEditionFor(ctx.db, actor, options.editionId, 'manage') : null;
  const path = access ? access.path : options.pathId && isUuid(options.pathId) ? await pathRepository.find(ctx.db, options.pathId) : null;
  if (!path) throw new NotFoundError();
  if (!access && !path.regionCodes.some((r) => canManagePathIn(actor, r))) throw new NotFoundError();
  const sessions = access ? await sessionRepository.listByEdition(ctx.db, access.edition.id) : [];
  const errors = checkEdition(input, {
    pathRegions: path.regionCodes,
    isRegionAllowed: (code) => canManagePathIn(actor, code),
    sessionDates: sessions.map((s) => s.date),
  });
  if (errors.length) throw new ValidationError(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const id = access ? access.edition.id : await editionRepository.insert(trx, path.id, input);
    if (access) await editionRepository.update(trx, id, input);
    else await editionRepository.setTrainers(trx, id, path.trainerIds);
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: access ? 'training.edition.updated' : 'training.edition.created', entity: 'training.edition', entityId: id, regionCode: input.regionCode },
      trx,
    );
    return id;
  });
}
