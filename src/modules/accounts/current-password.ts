import type { ModuleContext } from '../../kernel/module.ts';
import type { FieldError } from '../../kernel/http/errors.ts';
import { RateLimitedError } from '../../kernel/http/errors.ts';
import { hitRateLimit, isRateLimited, resetRateLimit } from '../../kernel/http/rate-limit.ts';
import type { SignInPerson } from './data/auth-repository.ts';
import { verifyPassword } from './passwords.ts';
import { AUTH_LIMITS, limitKey } from './auth-limits.ts';

/**
 * Checks the current password a signed-in person typed to confirm a sensitive change. Wrong attempts
 * are counted per person; returns the field error to show, or null when the password is right.
 */
export async function checkCurrentPassword(options: { ctx: ModuleContext; person: SignInPerson; password: string; field: string }): Promise<FieldError | null> {
  const { ctx, person } = options;
  const key = limitKey(ctx.crypto, 'currentPasswordPerPerson', person.id);
  const retryAfter = await isRateLimited(ctx.db, key, AUTH_LIMITS.currentPasswordPerPerson);
  if (retryAfter !== null) throw new RateLimitedError(retryAfter);
  const isRight = person.passwordHash !== null && (await verifyPassword(person.passwordHash, options.password));
  if (isRight) {
    await resetRateLimit(ctx.db, key);
    return null;
  }
  await hitRateLimit(ctx.db, key, AUTH_LIMITS.currentPasswordPerPerson);
  return { field: options.field, messageKey: 'accounts.auth.staff.currentPasswordWrong' };
}
