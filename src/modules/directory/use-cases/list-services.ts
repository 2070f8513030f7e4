import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import type { WorkflowState } from '../data/tables.ts';
import { serviceRepository, type ServiceHeader } from '../data/service-repository.ts';
import { readReachOf } from '../policy.ts';

/** Services the person may see, filtered by state and name, paged. */
export async function listServices(options: { db: Db; actor: Actor; states?: WorkflowState[]; query?: string; page: number; pageSize: number }): Promise<{ items: ServiceHeader[]; total: number }> {
  return serviceRepository.list(options.db, {
    reach: readReachOf(options.actor),
    states: options.states,
    query: options.query,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
}
