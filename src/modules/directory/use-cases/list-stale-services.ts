import { reachOf, type Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { serviceRepository, type ServiceHeader } from '../data/service-repository.ts';
import { staleBefore } from '../domain/stale.ts';

/** Services the person may verify that nobody verified for longer than the stale period, oldest first. */
export async function listStaleServices(options: { db: Db; actor: Actor; staleDays: number; page: number; pageSize: number; now?: Date }): Promise<{ items: ServiceHeader[]; total: number }> {
  return serviceRepository.list(options.db, {
    reach: reachOf(options.actor, 'directory.service.verify'),
    staleBefore: staleBefore(options.now ?? new Date(), options.staleDays),
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
}
