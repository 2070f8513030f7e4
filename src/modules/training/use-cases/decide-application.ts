import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { isClassOpen } from '../domain/edition-states.ts';
import { fitsQuota } from '../domain/selection.ts';
import type { Profile } from '../domain/vocabulary.ts';
import { applicationMail } from '../mail/mail-values.ts';
import { sendAll, type PendingMail } from '../mail/outbox.ts';
import { isUuid, loadEditionFor } from './access.ts';
import { fillFreeSeats, leaveGroup } from './fill-free-seats.ts';

/** What a manager decides about one application. */
export type Decision = 'admit' | 'wait' | 'reject' | 'withdraw';

const STATUS = { admit: 'admitted', wait: 'waiting', reject: 'rejected', withdraw: 'withdrawn' } as const;
const MAIL = { admit: 'admitted', wait: 'waiting', reject: 'rejected', withdraw: null } as const;

/**
 * Decides one application by hand. Admitting respects the seats and the profile's quota; when an admitted
 * person leaves the class (waiting list, rejection, withdrawal) the waiting list moves up automatically.
 */
export async function decideApplication(options: { ctx: ModuleContext; actor: Actor; applicationId: string; decision: Decision; now?: Date }): Promise<{ promoted: number }> {
  const { ctx, actor, decision } = options;
  const now = options.now ?? new Date();
  const application = isUuid(options.applicationId) ? await applicationRepository.find(ctx.db, options.applicationId) : null;
  if (!application) throw new NotFoundError();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const { edition, path } = await loadEditionFor(trx, actor, application.editionId, 'manage', { forUpdate: true });
    if (!isClassOpen(edition.state)) throw new ValidationError([{ field: 'decision', messageKey: 'training.staff.errors.classClosed' }]);
    const current = (await applicationRepository.find(trx, application.id))!;
    if (current.status === STATUS[decision]) return { promoted: 0, mails: [] as PendingMail[] };
    if (current.status === 'withdrawn') throw new ValidationError([{ field: 'decision', messageKey: 'training.staff.errors.alreadyWithdrawn' }]);
    if (decision === 'admit') {
      const admitted = await applicationRepository.listByEdition(trx, edition.id, ['admitted']);
      if (admitted.length >= edition.seats) throw new ValidationError([{ field: 'decision', messageKey: 'training.staff.errors.classFull', values: { seats: edition.seats } }]);
      const counts = new Map<Profile, number>();
      for (const a of admitted) counts.set(a.profile, (counts.get(a.profile) ?? 0) + 1);
      if (!fitsQuota(edition, counts, current.profile)) {
        throw new ValidationError([{ field: 'decision', messageKey: 'training.staff.errors.quotaReached', values: { quota: edition.quotas[current.profile] ?? 0 } }]);
      }
    }
    await applicationRepository.setStatus(trx, [current.id], STATUS[decision], now);
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: `training.application.${decision}`, entity: 'training.application', entityId: current.id, regionCode: edition.regionCode },
      trx,
    );
    const kind = MAIL[decision];
    const mails: PendingMail[] = kind ? [applicationMail(ctx.config, kind, { application: current, edition, path })] : [];
    if (current.status !== 'admitted') return { promoted: 0, mails };
    await leaveGroup(trx, current.id);
    const filled = await fillFreeSeats(trx, { config: ctx.config, edition, path, excludeIds: [current.id], now });
    return { promoted: filled.promoted.length, mails: [...mails, ...filled.mails] };
  });
  await sendAll(ctx, result.mails);
  return { promoted: result.promoted };
}
