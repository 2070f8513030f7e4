import type { ModuleContext } from '../../../kernel/module.ts';
import { UnauthenticatedError, ValidationError } from '../../../kernel/http/errors.ts';
import { authRepository } from '../data/auth-repository.ts';
import { checkCurrentPassword } from '../current-password.ts';

/** Turns the second factor off (or abandons a set-up in progress) after checking the current password. */
export async function disableTotp(options: { ctx: ModuleContext; personId: string; password: string }): Promise<void> {
  const { ctx, personId } = options;
  const person = await authRepository.findPersonById(ctx.db, personId);
  if (!person) throw new UnauthenticatedError();
  const error = await checkCurrentPassword({ ctx, person, password: options.password, field: 'password' });
  if (error) throw new ValidationError([error]);
  await ctx.db.transaction().execute(async (trx) => {
    await authRepository.disableTotp(trx, personId);
    await ctx.audit.record({ actorPersonId: personId, action: 'accounts.totp.disabled', entity: 'accounts.person', entityId: personId }, trx);
  });
}
