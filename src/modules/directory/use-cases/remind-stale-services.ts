import type { JobContext } from '../../../kernel/jobs/queue.ts';
import { pickText } from '../../../kernel/i18n/content.ts';
import { isLocale, type Locale } from '../../../kernel/i18n/locales.ts';
import { reminderRepository, type StaleService } from '../data/reminder-repository.ts';
import { staleBefore } from '../domain/stale.ts';

const BATCH = 500;

function mailFor(ctx: JobContext, locale: Locale, services: StaleService[], staleDays: number): { subject: string; text: string } {
  const t = ctx.i18n.translator(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Rome' });
  const lines = services.map((s) => {
    const name = pickText(s.name, locale)?.value ?? s.id;
    const when = s.lastVerifiedAt ? t('directory.staff.reminder.verifiedOn', { date: dateFormat.format(s.lastVerifiedAt) }) : t('directory.staff.reminder.neverVerified');
    return `- ${name} (${when})\n  ${ctx.config.baseUrl}/${locale}/directory/manage/services/${s.id}`;
  });
  return {
    subject: t('directory.staff.reminder.subject', { count: services.length, platform: ctx.config.platformName }),
    text: [t('directory.staff.reminder.intro', { count: services.length, days: staleDays }), '', ...lines, '', t('directory.staff.reminder.outro')].join('\n'),
  };
}

/**
 * Reminds each owning organisation of its services nobody verified for longer than the stale period:
 * one e-mail per operator (or to the organisation's address when it has no operator), at most once per
 * period for each service.
 */
export async function remindStaleServices(ctx: JobContext, options: { staleDays: number; now?: Date }): Promise<{ mails: number; services: number }> {
  const now = options.now ?? new Date();
  const cutOff = staleBefore(now, options.staleDays);
  let mails = 0;
  let reminded = 0;
  for (;;) {
    const due = await reminderRepository.listDue(ctx.db, cutOff, BATCH);
    if (due.length === 0) break;
    const accountIds = [...new Set(due.map((s) => s.accountOrganisationId).filter((id): id is string => id !== null))];
    const { operators, organisationEmails } = await reminderRepository.listRecipients(ctx.db, accountIds);
    const byOrganisation = new Map<string, StaleService[]>();
    for (const service of due) byOrganisation.set(service.organisationId, [...(byOrganisation.get(service.organisationId) ?? []), service]);
    const handled: string[] = [];
    for (const services of byOrganisation.values()) {
      const first = services[0]!;
      const people = operators.filter((o) => o.accountOrganisationId === first.accountOrganisationId);
      const fallback = first.organisationEmail ?? (first.accountOrganisationId ? organisationEmails.get(first.accountOrganisationId) : undefined);
      const recipients = people.length ? people.map((p) => ({ email: p.email, locale: p.preferredLocale })) : fallback ? [{ email: fallback, locale: 'it' }] : [];
      // Without anybody to tell, leave the services due: the reminder goes out once someone can receive it.
      if (recipients.length === 0) {
        ctx.logger.warn({ organisationId: first.organisationId, services: services.length }, 'stale services without anybody to remind');
        continue;
      }
      for (const recipient of recipients) {
        const locale: Locale = isLocale(recipient.locale) ? recipient.locale : 'it';
        await ctx.mailer.send({ to: recipient.email, ...mailFor(ctx, locale, services, options.staleDays) });
        mails++;
      }
      handled.push(...services.map((s) => s.id));
    }
    await reminderRepository.markReminded(ctx.db, handled, now);
    reminded += handled.length;
    if (due.length < BATCH || handled.length === 0) break;
  }
  ctx.logger.info({ mails, services: reminded }, 'stale services reminders sent');
  return { mails, services: reminded };
}
