import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { metadataRepository, type MetadataEntry } from '../data/metadata-repository.ts';
import { serviceRepository, type ServiceHeader } from '../data/service-repository.ts';
import { readReachOf } from '../policy.ts';
import { loadOrganisationFor, type VisibleOrganisation } from './organisation-access.ts';

/** The staff page of an organisation: its profile, the services the person may see, and the profile's recent changes. */
export interface OrganisationOverview extends VisibleOrganisation {
  services: { items: ServiceHeader[]; total: number };
  history: MetadataEntry[];
}

/** Loads an organisation's staff page; "not found" when the person may not see it. */
export async function showOrganisation(options: { db: Db; actor: Actor; organisationId: string }): Promise<OrganisationOverview> {
  const visible = await loadOrganisationFor(options.db, options.actor, options.organisationId, 'canRead');
  const [services, history] = await Promise.all([
    serviceRepository.list(options.db, { reach: readReachOf(options.actor), organisationId: visible.profile.id, limit: 50, offset: 0 }),
    metadataRepository.listFor(options.db, [visible.profile.id], { limit: 30 }),
  ]);
  return { ...visible, services, history };
}
