import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { servicePartsRepository, type WeeklyRange } from '../data/service-parts-repository.ts';
import type { FieldChange } from '../domain/flatten.ts';
import { applyServiceEdit } from './apply-service-edit.ts';
import { loadServiceFor } from './service-access.ts';

/** Replaces a service's weekly opening hours; returns the fields that changed. */
export async function updateServiceHours(options: { db: Db; actor: Actor; serviceId: string; ranges: WeeklyRange[]; at?: Date }): Promise<FieldChange[]> {
  const at = options.at ?? new Date();
  return options.db.transaction().execute(async (trx) => {
    const { header } = await loadServiceFor(trx, options.actor, options.serviceId, 'canUpdate');
    return applyServiceEdit({ trx, serviceId: header.id, actor: options.actor, at, edit: () => servicePartsRepository.replaceWeeklyHours(trx, header.id, options.ranges) });
  });
}
