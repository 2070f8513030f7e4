import type { ModuleContext } from '../../../kernel/module.ts';
import { sessions } from '../../../kernel/auth/sessions.ts';
import { UnauthenticatedError, ValidationError } from '../../../kernel/http/errors.ts';
import { authRepository } from '../data/auth-repository.ts';
import { hashPassword, newPasswordErrors } from '../passwords.ts';
import { checkCurrentPassword } from '../current-password.ts';

/** Changes the signed-in person's password after checking the current one; every other session ends. */
export async function changePassword(options: {
  ctx: ModuleContext;
  personId: string;
  sessionIdHash: string;
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}): Promise<void> {
  const { ctx } = options;
  const person = await authRepository.findPersonById(ctx.db, options.personId);
  if (!person) throw new UnauthenticatedError();
  const currentError = await checkCurrentPassword({ ctx, person, password: options.currentPassword, field: 'currentPassword' });
  const errors = [
    ...(currentError ? [currentError] : []),
    ...newPasswordErrors({
      password: options.newPassword,
      email: person.email,
      field: 'newPassword',
      confirmation: { value: options.confirmation, field: 'confirmation' },
    }),
  ];
  if (errors.length > 0) throw new ValidationError(errors);
  const passwordHash = await hashPassword(options.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await authRepository.setPasswordHash(trx, person.id, passwordHash);
    await authRepository.retirePasswordResets(trx, person.id);
    await sessions.destroyAllOf(trx, person.id, options.sessionIdHash);
    await ctx.audit.record({ actorPersonId: person.id, action: 'accounts.password.changed', entity: 'accounts.person', entityId: person.id }, trx);
  });
}
