import type { ModuleContext } from '../../../kernel/module.ts';
import { ConflictError, UnauthenticatedError, ValidationError } from '../../../kernel/http/errors.ts';
import { authRepository } from '../data/auth-repository.ts';
import { verifyTotp } from '../totp.ts';

/** Enables the pending TOTP secret once a code made from it is right; that code cannot be used again. */
export async function confirmTotp(options: { ctx: ModuleContext; personId: string; code: string }): Promise<void> {
  const { ctx, personId } = options;
  const person = await authRepository.findPersonById(ctx.db, personId);
  if (!person) throw new UnauthenticatedError();
  if (person.isTotpEnabled || !person.totpSecretEnc) throw new ConflictError([], 'accounts.auth.staff.totp.notPending');
  const code = options.code.replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(code)) throw new ValidationError([{ field: 'code', messageKey: 'accounts.auth.secondFactor.codeFormat' }]);
  const step = verifyTotp({ secret: ctx.crypto.decrypt(person.totpSecretEnc, 'accounts.totp'), code });
  if (step === null) throw new ValidationError([{ field: 'code', messageKey: 'accounts.auth.secondFactor.wrongCode' }]);
  await ctx.db.transaction().execute(async (trx) => {
    const isEnabled = await authRepository.enableTotp(trx, personId, step);
    if (!isEnabled) throw new ConflictError([], 'accounts.auth.staff.totp.notPending');
    await ctx.audit.record({ actorPersonId: personId, action: 'accounts.totp.enabled', entity: 'accounts.person', entityId: personId }, trx);
  });
}
