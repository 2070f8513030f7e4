import type { Config } from '../../../kernel/config.ts';
import type { MessageValues } from '../../../kernel/i18n/messages.ts';
import { isLocale } from '../../../kernel/i18n/locales.ts';
import type { Application, Edition, Path } from '../data/records.ts';
import { textIn } from '../domain/content.ts';
import type { PendingMail, TrainingMailKind } from './outbox.ts';

/** A calendar day as a Date at noon UTC, so that ICU date formats show the same day everywhere. */
export function dayValue(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** An e-mail about an application, with the values every training message may use. */
export function applicationMail(config: Config, kind: TrainingMailKind, context: { application: Application; edition: Edition; path: Path }, extra: MessageValues = {}): PendingMail {
  const { application, edition, path } = context;
  const locale = isLocale(application.locale) ? application.locale : 'it';
  return {
    kind,
    to: application.email,
    locale,
    values: {
      platform: config.platformName,
      name: application.fullName,
      path: textIn(path.title, locale),
      edition: edition.number,
      startsOn: dayValue(edition.startsOn),
      endsOn: dayValue(edition.endsOn),
      myTrainingUrl: `${config.baseUrl}/${locale}/training/my`,
      passwordUrl: `${config.baseUrl}/${locale}/password/forgot`,
      editionUrl: `${config.baseUrl}/${locale}/training/editions/${edition.id}`,
      catalogueUrl: `${config.baseUrl}/${locale}/training`,
      ...extra,
    },
  };
}
