import type { ModuleContext } from '../../../kernel/module.ts';
import { ConflictError, UnauthenticatedError } from '../../../kernel/http/errors.ts';
import { authRepository } from '../data/auth-repository.ts';
import { generateTotpSecret } from '../totp.ts';

/**
 * Starts setting up the TOTP second factor: a new secret is stored encrypted, not yet enabled, until a
 * code from the authenticator app confirms it.
 */
export async function setUpTotp(options: { ctx: ModuleContext; personId: string }): Promise<void> {
  const { ctx, personId } = options;
  const person = await authRepository.findPersonById(ctx.db, personId);
  if (!person) throw new UnauthenticatedError();
  if (person.isTotpEnabled) throw new ConflictError([], 'accounts.auth.staff.totp.alreadyEnabled');
  const secretEnc = ctx.crypto.encrypt(generateTotpSecret(), 'accounts.totp');
  await ctx.db.transaction().execute(async (trx) => {
    const isSaved = await authRepository.savePendingTotpSecret(trx, personId, secretEnc);
    if (!isSaved) throw new ConflictError([], 'accounts.auth.staff.totp.alreadyEnabled');
    await ctx.audit.record({ actorPersonId: personId, action: 'accounts.totp.setup_started', entity: 'accounts.person', entityId: personId }, trx);
  });
}
