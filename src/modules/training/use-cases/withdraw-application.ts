import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import { isClassOpen } from '../domain/edition-states.ts';
import { sendAll } from '../mail/outbox.ts';
import { loadOwnApplication } from './access.ts';
import { fillFreeSeats, leaveGroup } from './fill-free-seats.ts';

/** A participant or applicant withdraws; a seat they free goes to the waiting list at once. */
export async function withdrawApplication(options: { ctx: ModuleContext; actor: Actor; applicationId: string; now?: Date }): Promise<{ promoted: number }> {
  const { ctx, actor } = options;
  const now = options.now ?? new Date();
  const own = await loadOwnApplication(ctx.db, actor, options.applicationId);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const edition = await editionRepository.find(trx, own.editionId, { forUpdate: true });
    const path = edition ? await pathRepository.find(trx, edition.pathId) : null;
    if (!edition || !path) throw new NotFoundError();
    const current = (await applicationRepository.find(trx, own.id))!;
    if (!isClassOpen(edition.state) || current.status === 'withdrawn' || current.status === 'rejected') {
      throw new ValidationError([{ field: 'withdraw', messageKey: 'training.my.errors.cannotWithdraw' }]);
    }
    await applicationRepository.setStatus(trx, [current.id], 'withdrawn', now);
    await ctx.audit.record({ actorPersonId: actor.personId, action: 'training.application.withdrawn', entity: 'training.application', entityId: current.id, regionCode: edition.regionCode }, trx);
    if (current.status !== 'admitted') return { promoted: 0, mails: [] };
    await leaveGroup(trx, current.id);
    const filled = await fillFreeSeats(trx, { config: ctx.config, edition, path, now });
    return { promoted: filled.promoted.length, mails: filled.mails };
  });
  await sendAll(ctx, result.mails);
  return { promoted: result.promoted };
}
