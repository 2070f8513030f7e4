import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { nextState, type EditionAction } from '../domain/edition-states.ts';
import { loadEditionFor } from './access.ts';

/**
 * Opens or closes an edition's call, or starts it (which needs a calendar and an admitted class).
 * Completing is `completeEdition`, which also tells the other modules.
 */
export async function changeEditionState(options: { ctx: ModuleContext; actor: Actor; editionId: string; action: Exclude<EditionAction, 'complete'>; now?: Date }): Promise<void> {
  const { ctx, actor, action } = options;
  const now = options.now ?? new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const { edition } = await loadEditionFor(trx, actor, options.editionId, 'manage', { forUpdate: true });
    const to = nextState(edition.state, action);
    if (!to) throw new ValidationError([{ field: 'state', messageKey: 'training.staff.errors.transitionNotAllowed' }]);
    if (action === 'open_call' && (await sessionRepository.listByEdition(trx, edition.id)).length === 0) {
      throw new ValidationError([{ field: 'state', messageKey: 'training.staff.errors.noSessions' }]);
    }
    if (action === 'start') {
      if ((await sessionRepository.listByEdition(trx, edition.id)).length === 0) throw new ValidationError([{ field: 'state', messageKey: 'training.staff.errors.noSessions' }]);
      if ((await applicationRepository.listByEdition(trx, edition.id, ['admitted'])).length === 0) {
        throw new ValidationError([{ field: 'state', messageKey: 'training.staff.errors.noParticipants' }]);
      }
    }
    await editionRepository.setState(trx, edition.id, to, now);
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: `training.edition.${action}`, entity: 'training.edition', entityId: edition.id, regionCode: edition.regionCode, details: { from: edition.state, to } },
      trx,
    );
  });
}
