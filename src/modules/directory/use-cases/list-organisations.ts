import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { organisationRepository, type OrganisationListItem } from '../data/organisation-repository.ts';
import { organisationReachOf } from '../policy.ts';

/** The organisations whose profile the person may open (their own, or their region's), filtered by name, paged. */
export async function listOrganisations(options: { db: Db; actor: Actor; query?: string; page: number; pageSize: number }): Promise<{ items: OrganisationListItem[]; total: number }> {
  return organisationRepository.listProfiles(options.db, {
    reach: organisationReachOf(options.actor),
    query: options.query,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
}
