import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { servicePartsRepository } from '../data/service-parts-repository.ts';
import { applyServiceEdit } from './apply-service-edit.ts';
import { loadServiceFor } from './service-access.ts';

/** Removes a closure or special-hours period of a service. */
export async function removeScheduleException(options: { db: Db; actor: Actor; serviceId: string; exceptionId: string; at?: Date }): Promise<void> {
  const at = options.at ?? new Date();
  await options.db.transaction().execute(async (trx) => {
    const { header } = await loadServiceFor(trx, options.actor, options.serviceId, 'canUpdate');
    await applyServiceEdit({
      trx,
      serviceId: header.id,
      actor: options.actor,
      at,
      edit: async () => {
        const isUuid = /^[0-9a-f-]{36}$/i.test(options.exceptionId);
        if (!isUuid || !(await servicePartsRepository.deleteException(trx, header.id, options.exceptionId))) throw new NotFoundError();
      },
    });
  });
}
