import type { ModuleContext } from '../../../kernel/module.ts';
import { sessions } from '../../../kernel/auth/sessions.ts';
import { hitRateLimit, isRateLimited, resetRateLimit } from '../../../kernel/http/rate-limit.ts';
import { RateLimitedError } from '../../../kernel/http/errors.ts';
import { authRepository } from '../data/auth-repository.ts';
import { verifyDummyPassword, verifyPassword } from '../passwords.ts';
import { AUTH_LIMITS, limitKey } from '../auth-limits.ts';
import { InvalidCredentialsError } from '../auth-errors.ts';

/** A new session after a correct e-mail and password. */
export interface LogInResult {
  token: string;
  personId: string;
  /** True when the person must still give a TOTP code. */
  isSecondFactorPending: boolean;
}

/**
 * Checks an e-mail and password and opens a new session (ending the one the browser had). Failures are
 * counted per e-mail and per client address; over the limit even the right password is refused.
 */
export async function logIn(options: {
  ctx: ModuleContext;
  email: string;
  password: string;
  clientIp: string;
  userAgent?: string;
  previousSessionIdHash?: string | null;
}): Promise<LogInResult> {
  const { ctx, email, password } = options;
  const emailKey = limitKey(ctx.crypto, 'loginPerEmail', email);
  const ipKey = limitKey(ctx.crypto, 'loginPerIp', options.clientIp);
  const retries = [await isRateLimited(ctx.db, emailKey, AUTH_LIMITS.loginPerEmail), await isRateLimited(ctx.db, ipKey, AUTH_LIMITS.loginPerIp)];
  const retryAfter = Math.max(...retries.map((r) => r ?? 0));
  if (retryAfter > 0) throw new RateLimitedError(retryAfter);

  const person = await authRepository.findPersonByEmail(ctx.db, email);
  const isPasswordRight = person?.passwordHash ? await verifyPassword(person.passwordHash, password) : await verifyDummyPassword(password);
  if (!person || !isPasswordRight || !person.isActive) {
    await hitRateLimit(ctx.db, emailKey, AUTH_LIMITS.loginPerEmail);
    await hitRateLimit(ctx.db, ipKey, AUTH_LIMITS.loginPerIp);
    if (person) {
      const reason = !isPasswordRight ? 'password' : 'inactive';
      await ctx.audit.record({ actorPersonId: null, action: 'accounts.login.failed', entity: 'accounts.person', entityId: person.id, details: { reason } });
    }
    throw new InvalidCredentialsError();
  }

  const isSecondFactorPending = person.isTotpEnabled;
  const session = await ctx.db.transaction().execute(async (trx) => {
    // A new session id at every login: a session planted before login is never the one after it.
    if (options.previousSessionIdHash) await sessions.destroy(trx, options.previousSessionIdHash);
    const created = await sessions.create(trx, {
      personId: person.id,
      ttlHours: ctx.config.sessionTtlHours,
      isSecondFactorPending,
      userAgent: options.userAgent,
    });
    if (!isSecondFactorPending) await authRepository.recordLogin(trx, person.id);
    await resetRateLimit(trx, emailKey);
    await ctx.audit.record(
      { actorPersonId: person.id, action: 'accounts.login', entity: 'accounts.person', entityId: person.id, details: { secondFactor: isSecondFactorPending ? 'pending' : 'none' } },
      trx,
    );
    return created;
  });
  return { token: session.token, personId: person.id, isSecondFactorPending };
}
