import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { certificateRepository } from '../data/certificate-repository.ts';
import { isUuid, loadEditionFor } from './access.ts';

/** Revokes a certificate with a reason shown on its public verification page (which then stops naming the holder). */
export async function revokeCertificate(options: { ctx: ModuleContext; actor: Actor; certificateId: string; reason: string; now?: Date }): Promise<string> {
  const { ctx, actor } = options;
  const certificate = isUuid(options.certificateId) ? await certificateRepository.find(ctx.db, options.certificateId) : null;
  if (!certificate) throw new NotFoundError();
  const { edition } = await loadEditionFor(ctx.db, actor, certificate.editionId, 'manage');
  const reason = options.reason.trim();
  if (reason.length < 5 || reason.length > 500) throw new ValidationError([{ field: 'reason', messageKey: 'training.staff.errors.reasonLength' }]);
  if (certificate.revokedAt) throw new ValidationError([{ field: 'reason', messageKey: 'training.staff.errors.alreadyRevoked' }]);
  await ctx.db.transaction().execute(async (trx) => {
    await certificateRepository.revoke(trx, certificate.id, { reason, by: actor.personId, at: options.now ?? new Date() });
    await ctx.audit.record({ actorPersonId: actor.personId, action: 'training.certificate.revoked', entity: 'training.certificate', entityId: certificate.id, regionCode: edition.regionCode }, trx);
  });
  return edition.id;
}
