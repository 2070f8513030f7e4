import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { isClassOpen } from '../domain/edition-states.ts';
import { proposeSelection, type SelectionProposal } from '../domain/selection.ts';
import { applicationMail } from '../mail/mail-values.ts';
import { sendAll } from '../mail/outbox.ts';
import { loadEditionFor } from './access.ts';

/**
 * Selects the class from the applications not yet decided and the waiting list: the minimum mix first,
 * then order of arrival within the quotas; the others go on the waiting list. Each person hears by e-mail.
 */
export async function runSelection(options: { ctx: ModuleContext; actor: Actor; editionId: string; now?: Date }): Promise<{ admitted: number; waiting: number; shortfalls: SelectionProposal['shortfalls'] }> {
  const { ctx, actor } = options;
  const now = options.now ?? new Date();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const { edition, path } = await loadEditionFor(trx, actor, options.editionId, 'manage', { forUpdate: true });
    if (!isClassOpen(edition.state)) throw new ValidationError([{ field: 'selection', messageKey: 'training.staff.errors.classClosed' }]);
    const candidates = await applicationRepository.listByEdition(trx, edition.id, ['received', 'waiting']);
    const admitted = await applicationRepository.listByEdition(trx, edition.id, ['admitted']);
    const proposal = proposeSelection({ candidates, admitted, rules: edition });
    const toAdmit = candidates.filter((c) => proposal.admit.includes(c.id));
    const toWait = candidates.filter((c) => c.status === 'received' && proposal.wait.includes(c.id));
    await applicationRepository.setStatus(trx, toAdmit.map((a) => a.id), 'admitted', now);
    await applicationRepository.setStatus(trx, toWait.map((a) => a.id), 'waiting', now);
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: 'training.selection.run', entity: 'training.edition', entityId: edition.id, regionCode: edition.regionCode, details: { admitted: toAdmit.length, waiting: toWait.length } },
      trx,
    );
    const mails = [
      ...toAdmit.map((application) => applicationMail(ctx.config, 'admitted', { application, edition, path })),
      ...toWait.map((application) => applicationMail(ctx.config, 'waiting', { application, edition, path })),
    ];
    return { admitted: toAdmit.length, waiting: toWait.length, shortfalls: proposal.shortfalls, mails };
  });
  await sendAll(ctx, result.mails);
  return { admitted: result.admitted, waiting: result.waiting, shortfalls: result.shortfalls };
}
