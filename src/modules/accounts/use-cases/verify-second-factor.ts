import type { ModuleContext } from '../../../kernel/module.ts';
import { sessions, type SessionRecord } from '../../../kernel/auth/sessions.ts';
import { hitRateLimit, isRateLimited, resetRateLimit } from '../../../kernel/http/rate-limit.ts';
import { RateLimitedError, ValidationError } from '../../../kernel/http/errors.ts';
import { authRepository } from '../data/auth-repository.ts';
import { AUTH_LIMITS, limitKey } from '../auth-limits.ts';
import { NoPendingSecondFactorError } from '../auth-errors.ts';
import { verifyTotp } from '../totp.ts';

/** Normalises a typed code: authenticator apps often show it as "123 456". */
function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

/**
 * Completes a login waiting for its second factor with a TOTP code. Each code works once; wrong codes are
 * counted per session and per person.
 */
export async function verifySecondFactor(options: { ctx: ModuleContext; session: SessionRecord | null; code: string }): Promise<void> {
  const { ctx, session } = options;
  if (!session?.isSecondFactorPending) throw new NoPendingSecondFactorError();
  const sessionKey = limitKey(ctx.crypto, 'secondFactorPerSession', session.idHash);
  const personKey = limitKey(ctx.crypto, 'secondFactorPerPerson', session.personId);
  const retries = [
    await isRateLimited(ctx.db, sessionKey, AUTH_LIMITS.secondFactorPerSession),
    await isRateLimited(ctx.db, personKey, AUTH_LIMITS.secondFactorPerPerson),
  ];
  const retryAfter = Math.max(...retries.map((r) => r ?? 0));
  if (retryAfter > 0) throw new RateLimitedError(retryAfter);

  const code = normaliseCode(options.code);
  if (!/^\d{6}$/.test(code)) throw new ValidationError([{ field: 'code', messageKey: 'accounts.auth.secondFactor.codeFormat' }]);

  const person = await authRepository.findPersonById(ctx.db, session.personId);
  if (!person || !person.isActive || !person.isTotpEnabled || !person.totpSecretEnc) {
    await sessions.destroy(ctx.db, session.idHash);
    throw new NoPendingSecondFactorError();
  }
  const secret = ctx.crypto.decrypt(person.totpSecretEnc, 'accounts.totp');
  const step = verifyTotp({ secret, code, lastUsedStep: person.totpLastStep });
  // The claim is a conditional update, so two requests racing with the same code cannot both win.
  const isClaimed = step !== null && (await authRepository.claimTotpStep(ctx.db, person.id, step));
  if (!isClaimed) {
    await hitRateLimit(ctx.db, sessionKey, AUTH_LIMITS.secondFactorPerSession);
    await hitRateLimit(ctx.db, personKey, AUTH_LIMITS.secondFactorPerPerson);
    await ctx.audit.record({ actorPersonId: null, action: 'accounts.login.second_factor_failed', entity: 'accounts.person', entityId: person.id });
    throw new ValidationError([{ field: 'code', messageKey: 'accounts.auth.secondFactor.wrongCode' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await sessions.completeSecondFactor(trx, session.idHash);
    await authRepository.recordLogin(trx, person.id);
    await resetRateLimit(trx, personKey);
    await ctx.audit.record({ actorPersonId: person.id, action: 'accounts.login.second_factor', entity: 'accounts.person', entityId: person.id }, trx);
  });
}
