import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { metadataRepository } from '../data/metadata-repository.ts';
import { notifyPublicationChange } from '../data/repository.ts';
import { serviceRepository } from '../data/service-repository.ts';
import { loadServiceFor } from './service-access.ts';

/**
 * Marks a service as checked and still right today (HSDS assured_date). It is not an edit: the workflow
 * state stays, and a public service shows the new date at once.
 */
export async function verifyService(options: { db: Db; actor: Actor; serviceId: string; at?: Date }): Promise<void> {
  const at = options.at ?? new Date();
  const { actor } = options;
  await options.db.transaction().execute(async (trx) => {
    await serviceRepository.lock(trx, options.serviceId);
    const { header } = await loadServiceFor(trx, actor, options.serviceId, 'canVerify');
    await serviceRepository.markVerified(trx, header.id, { at, personId: actor.personId });
    await metadataRepository.record(trx, {
      resourceId: header.id,
      resourceType: 'service',
      actionType: 'verify',
      changes: [{ field: 'last_verified_at', before: header.lastVerifiedAt?.toISOString() ?? '', after: at.toISOString() }],
      author: { personId: actor.personId, name: actor.name },
      at,
    });
    if (header.isPublic) await notifyPublicationChange(trx, header.id);
  });
}
