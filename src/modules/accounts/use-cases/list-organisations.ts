import { reachOf } from '../../../kernel/auth/actor.ts';
import { adminRepository, type Organisation } from '../data/admin-repository.ts';
import type { AdminCall } from './inputs.ts';

/** Filters of the organisations list. */
export interface OrganisationFilter {
  regionCode?: string;
  type?: string;
  query?: string;
  page: number;
  perPage: number;
}

/** The organisations the actor may see, filtered and paged. */
export async function listOrganisations(options: AdminCall & { filter: OrganisationFilter }): Promise<{ items: Organisation[]; total: number }> {
  const { ctx, actor, filter } = options;
  return adminRepository.listOrganisations(ctx.db, {
    reach: reachOf(actor, 'accounts.organisation.read'),
    regionCode: filter.regionCode,
    type: filter.type,
    query: filter.query,
    limit: filter.perPage,
    offset: (filter.page - 1) * filter.perPage,
  });
}
