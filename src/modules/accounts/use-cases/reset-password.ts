import type { ModuleContext } from '../../../kernel/module.ts';
import { hashToken, sessions } from '../../../kernel/auth/sessions.ts';
import { resetRateLimit } from '../../../kernel/http/rate-limit.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import { authRepository } from '../data/auth-repository.ts';
import { hashPassword, newPasswordErrors } from '../passwords.ts';
import { limitKey } from '../auth-limits.ts';
import { InvalidResetTokenError } from '../auth-errors.ts';

/**
 * Sets a new password with a reset link's token: the token is used up, every session of the person ends
 * and every other outstanding link stops working.
 */
export async function resetPassword(options: { ctx: ModuleContext; token: string; password: string; confirmation: string }): Promise<void> {
  const { ctx } = options;
  const tokenHash = hashToken(options.token);
  const reset = await authRepository.findUsablePasswordReset(ctx.db, tokenHash);
  if (!reset) throw new InvalidResetTokenError();
  const errors = newPasswordErrors({
    password: options.password,
    email: reset.email,
    field: 'password',
    confirmation: { value: options.confirmation, field: 'confirmation' },
  });
  if (errors.length > 0) throw new ValidationError(errors);
  const passwordHash = await hashPassword(options.password);
  await ctx.db.transaction().execute(async (trx) => {
    const personId = await authRepository.consumePasswordReset(trx, tokenHash);
    if (personId !== reset.personId) throw new InvalidResetTokenError();
    await authRepository.setPasswordHash(trx, personId, passwordHash);
    await authRepository.retirePasswordResets(trx, personId);
    await sessions.destroyAllOf(trx, personId);
    // Whoever proved they own the address may try to log in again at once.
    await resetRateLimit(trx, limitKey(ctx.crypto, 'loginPerEmail', reset.email));
    await ctx.audit.record({ actorPersonId: personId, action: 'accounts.password.reset', entity: 'accounts.person', entityId: personId }, trx);
  });
}
