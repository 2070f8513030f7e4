import type { Logger } from 'pino';
import type { I18n, MessageValues } from '../../../kernel/i18n/messages.ts';
import { isLocale, type Locale } from '../../../kernel/i18n/locales.ts';
import type { Mailer, OutgoingMail } from '../../../kernel/mail/mailer.ts';

/** The kinds of training e-mail, each with subject and body keys under `training.mail.<kind>`. */
export type TrainingMailKind = 'received' | 'admitted' | 'waiting' | 'rejected' | 'promoted' | 'reminder' | 'certificate';

/** A training e-mail to send once the transaction that caused it has committed. */
export interface PendingMail {
  kind: TrainingMailKind;
  to: string;
  locale: string;
  values: MessageValues;
}

/** Writes an e-mail in the recipient's language. */
export function composeMail(i18n: I18n, mail: PendingMail): OutgoingMail {
  const locale: Locale = isLocale(mail.locale) ? mail.locale : 'it';
  const t = (part: string) => i18n.t(locale, `training.mail.${mail.kind}.${part}`, mail.values);
  return { to: mail.to, subject: t('subject'), text: `${t('body')}\n\n${i18n.t(locale, 'training.mail.signature', mail.values)}` };
}

/**
 * Sends e-mails after their cause committed (the local capture server writes to the same database). A
 * failure is logged, never thrown: the step is done even when a message could not leave.
 */
export async function sendAll(services: { mailer: Mailer; i18n: I18n; logger: Logger }, mails: PendingMail[]): Promise<number> {
  let sent = 0;
  for (const mail of mails) {
    try {
      await services.mailer.send(composeMail(services.i18n, mail));
      sent++;
    } catch (error) {
      services.logger.error({ err: error, kind: mail.kind }, 'training mail could not be sent');
    }
  }
  return sent;
}
