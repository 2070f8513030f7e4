import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { locationRepository } from '../data/location-repository.ts';
import { applyServiceEdit } from './apply-service-edit.ts';
import { loadServiceFor } from './service-access.ts';

/** Offers a service at another location of its organisation. */
export async function linkServiceLocation(options: { db: Db; actor: Actor; serviceId: string; locationId: string; at?: Date }): Promise<void> {
  const at = options.at ?? new Date();
  await options.db.transaction().execute(async (trx) => {
    const { header } = await loadServiceFor(trx, options.actor, options.serviceId, 'canUpdate');
    const location = /^[0-9a-f-]{36}$/i.test(options.locationId) ? await locationRepository.find(trx, options.locationId) : null;
    if (!location || location.organizationId !== header.organisationId) throw new NotFoundError();
    await applyServiceEdit({ trx, serviceId: header.id, actor: options.actor, at, edit: () => locationRepository.link(trx, header.id, location.id) });
  });
}
