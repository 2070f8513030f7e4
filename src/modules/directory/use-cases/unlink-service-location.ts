import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { locationRepository } from '../data/location-repository.ts';
import { applyServiceEdit } from './apply-service-edit.ts';
import { loadServiceFor } from './service-access.ts';

/** Stops offering a service at a location (the location itself stays, for the organisation's other services). */
export async function unlinkServiceLocation(options: { db: Db; actor: Actor; serviceId: string; locationId: string; at?: Date }): Promise<void> {
  const at = options.at ?? new Date();
  await options.db.transaction().execute(async (trx) => {
    const { header } = await loadServiceFor(trx, options.actor, options.serviceId, 'canUpdate');
    await applyServiceEdit({
      trx,
      serviceId: header.id,
      actor: options.actor,
      at,
      edit: async () => {
        const isUuid = /^[0-9a-f-]{36}$/i.test(options.locationId);
        if (!isUuid || !(await locationRepository.unlink(trx, header.id, options.locationId))) throw new NotFoundError();
      },
    });
  });
}
