import type { JobContext } from '../../../kernel/jobs/queue.ts';
import { isLocale } from '../../../kernel/i18n/locales.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { textIn } from '../domain/content.ts';
import { addDays, instantOf, localOf } from '../domain/rome-time.ts';
import { applicationMail, dayValue } from '../mail/mail-values.ts';
import { sendAll, type PendingMail } from '../mail/outbox.ts';

/** How long before a session its participants are reminded. */
export const REMINDER_HOURS = 24;

/**
 * The scheduled job: reminds the participants of every session starting within the next day, once per
 * session (a session moved to another time is reminded again). Returns how many e-mails it sent.
 */
export async function sendSessionReminders(job: Pick<JobContext, 'db' | 'config' | 'mailer' | 'i18n' | 'logger'> & { now?: Date }): Promise<number> {
  const now = job.now ?? new Date();
  const today = localOf(now).date;
  const horizon = now.getTime() + REMINDER_HOURS * 3600_000;
  let sent = 0;
  for (const session of await sessionRepository.listToRemind(job.db, today, addDays(today, 2))) {
    const starts = instantOf(session.date, session.startsAt).getTime();
    if (starts <= now.getTime() || starts > horizon) continue;
    const edition = await editionRepository.find(job.db, session.editionId);
    const path = edition ? await pathRepository.find(job.db, edition.pathId) : null;
    if (!edition || !path) continue;
    const participants = await applicationRepository.listByEdition(job.db, edition.id, ['admitted']);
    const mails: PendingMail[] = participants.map((application) =>
      applicationMail(job.config, 'reminder', { application, edition, path }, {
        date: dayValue(session.date),
        time: session.startsAt,
        topic: textIn(session.topic, isLocale(application.locale) ? application.locale : 'it'),
        place: session.place ?? session.onlineUrl ?? '',
      }),
    );
    // Marked first: a failing mail server must not make every participant receive the reminder twice.
    await sessionRepository.markReminded(job.db, session.id, now);
    sent += await sendAll(job, mails);
  }
  return sent;
}
