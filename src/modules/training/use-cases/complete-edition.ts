import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { nextState } from '../domain/edition-states.ts';
import { EDITION_COMPLETED, type EditionCompletedPayload } from '../events.ts';
import { loadEditionFor } from './access.ts';

/**
 * Completes a running edition: attendance closes, certificates can be issued, and the kernel event
 * `training.edition.completed` is emitted inside the same transaction, so that a reaction of another module
 * (the networks module opening a community space to the participants) commits or fails with it.
 */
export async function completeEdition(options: { ctx: ModuleContext; actor: Actor; editionId: string; now?: Date }): Promise<EditionCompletedPayload> {
  const { ctx, actor } = options;
  const now = options.now ?? new Date();
  return ctx.db.transaction().execute(async (trx) => {
    const { edition } = await loadEditionFor(trx, actor, options.editionId, 'manage', { forUpdate: true });
    if (!nextState(edition.state, 'complete')) throw new ValidationError([{ field: 'state', messageKey: 'training.staff.errors.transitionNotAllowed' }]);
    await editionRepository.setState(trx, edition.id, 'completed', now);
    const participants = await applicationRepository.listByEdition(trx, edition.id, ['admitted']);
    const payload: EditionCompletedPayload = {
      editionId: edition.id,
      pathId: edition.pathId,
      regionCode: edition.regionCode,
      completedAt: now.toISOString(),
      participantPersonIds: participants.map((p) => p.personId),
      trainerPersonIds: edition.trainerIds,
    };
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: 'training.edition.complete', entity: 'training.edition', entityId: edition.id, regionCode: edition.regionCode, details: { participants: participants.length } },
      trx,
    );
    await ctx.events.emit(EDITION_COMPLETED, payload, trx);
    return payload;
  });
}
