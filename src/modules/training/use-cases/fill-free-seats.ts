import type { Config } from '../../../kernel/config.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { groupRepository } from '../data/group-repository.ts';
import type { Application, Edition, Path } from '../data/records.ts';
import { isClassOpen } from '../domain/edition-states.ts';
import { proposeSelection } from '../domain/selection.ts';
import { applicationMail } from '../mail/mail-values.ts';
import type { PendingMail } from '../mail/outbox.ts';

/**
 * The step shared by every change that frees a seat: the waiting list moves up (in order of arrival,
 * within the quotas, the minimum mix first) and each person promoted gets an e-mail. Runs inside the
 * caller's transaction; returns the e-mails to send after it commits.
 */
export async function fillFreeSeats(trx: Db, options: { config: Config; edition: Edition; path: Path; excludeIds?: string[]; now: Date }): Promise<{ promoted: Application[]; mails: PendingMail[] }> {
  const { edition, path } = options;
  if (!isClassOpen(edition.state)) return { promoted: [], mails: [] };
  const admitted = await applicationRepository.listByEdition(trx, edition.id, ['admitted']);
  const waiting = (await applicationRepository.listByEdition(trx, edition.id, ['waiting'])).filter((a) => !options.excludeIds?.includes(a.id));
  const proposal = proposeSelection({ candidates: waiting, admitted, rules: edition });
  const promoted = waiting.filter((a) => proposal.admit.includes(a.id));
  await applicationRepository.setStatus(trx, promoted.map((a) => a.id), 'admitted', options.now);
  return { promoted, mails: promoted.map((application) => applicationMail(options.config, 'promoted', { application, edition, path })) };
}

/** Takes a person out of the class's group when they leave it. */
export async function leaveGroup(trx: Db, applicationId: string): Promise<void> {
  await groupRepository.removeMember(trx, applicationId);
}
