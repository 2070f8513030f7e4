import type { ModuleContext } from '../../../kernel/module.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { hashToken, newToken } from '../../../kernel/auth/sessions.ts';
import { enforceRateLimit } from '../../../kernel/http/rate-limit.ts';
import { authRepository } from '../data/auth-repository.ts';
import { AUTH_LIMITS, limitKey } from '../auth-limits.ts';

/** How long a reset link works. */
export const RESET_VALID_MINUTES = 60;

/**
 * Sends a single-use reset link to an active account's address, in the page's language. The caller
 * answers the same whether or not the account exists; only the token's hash is stored.
 */
export async function requestPasswordReset(options: { ctx: ModuleContext; email: string; locale: Locale; clientIp: string }): Promise<void> {
  const { ctx, email, locale } = options;
  await enforceRateLimit(ctx.db, limitKey(ctx.crypto, 'resetPerIp', options.clientIp), AUTH_LIMITS.resetPerIp);
  await enforceRateLimit(ctx.db, limitKey(ctx.crypto, 'resetPerEmail', email), AUTH_LIMITS.resetPerEmail);

  const person = await authRepository.findPersonByEmail(ctx.db, email);
  if (!person || !person.isActive) return;
  const token = newToken();
  await ctx.db.transaction().execute(async (trx) => {
    await authRepository.insertPasswordReset(trx, { tokenHash: hashToken(token), personId: person.id, validMinutes: RESET_VALID_MINUTES });
    await ctx.audit.record({ actorPersonId: null, action: 'accounts.password.reset_requested', entity: 'accounts.person', entityId: person.id }, trx);
  });

  // Sent after the commit: the local mail capture writes to the same database.
  const values = { platform: ctx.config.platformName, name: person.fullName, minutes: RESET_VALID_MINUTES };
  const link = `${ctx.config.baseUrl}/${locale}/password/reset/${token}`;
  const t = (key: string) => ctx.i18n.t(locale, `accounts.auth.mail.reset.${key}`, values);
  try {
    await ctx.mailer.send({
      to: person.email,
      subject: t('subject'),
      text: [t('greeting'), '', t('intro'), '', link, '', t('validity'), t('ignore'), '', t('signature')].join('\n'),
    });
  } catch (error) {
    // The answer stays the same so that it does not reveal the account; operators see the failure.
    ctx.logger.error({ err: error }, 'password reset mail could not be sent');
  }
}
