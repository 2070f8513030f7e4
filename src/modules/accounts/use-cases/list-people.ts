import { reachOf } from '../../../kernel/auth/actor.ts';
import { adminRepository, type Person } from '../data/admin-repository.ts';
import type { AdminCall } from './inputs.ts';

/** The people the actor may see (a membership within reach), searched by name or e-mail and paged. */
export async function listPeople(options: AdminCall & { filter: { query?: string; page: number; perPage: number } }): Promise<{ items: Person[]; total: number }> {
  const { ctx, actor, filter } = options;
  return adminRepository.listPeople(ctx.db, {
    reach: reachOf(actor, 'accounts.person.read'),
    query: filter.query,
    limit: filter.perPage,
    offset: (filter.page - 1) * filter.perPage,
  });
}
