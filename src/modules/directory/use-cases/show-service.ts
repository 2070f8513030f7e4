import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { locationRepository, type LocationRecord } from '../data/location-repository.ts';
import { metadataRepository, type MetadataEntry } from '../data/metadata-repository.ts';
import { serviceRepository } from '../data/service-repository.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';
import { buildServiceSnapshot } from '../data/snapshot-repository.ts';
import { loadVisibleService, type VisibleService } from './service-access.ts';

/** Everything the staff page of a service shows. */
export interface ServiceOverview extends VisibleService {
  working: ServiceSnapshot;
  published: ServiceSnapshot | null;
  locations: LocationRecord[];
  /** Locations of the same organisation where the service is not offered yet. */
  otherLocations: LocationRecord[];
  verifiedBy: string | null;
  history: MetadataEntry[];
}

/** Loads a service's staff page: the working copy, the published version, its locations and recent changes. */
export async function showService(options: { db: Db; actor: Actor; serviceId: string }): Promise<ServiceOverview> {
  const { db } = options;
  const visible = await loadVisibleService(db, options.actor, options.serviceId);
  const id = visible.header.id;
  const [working, row, locations, organisationLocations, verifiedBy] = await Promise.all([
    buildServiceSnapshot(db, id, new Date()),
    serviceRepository.findRow(db, id),
    locationRepository.listForService(db, id),
    locationRepository.listForOrganisation(db, visible.header.organisationId),
    visible.header.lastVerifiedAt ? metadataRepository.lastAuthorOf(db, id, 'last_verified_at') : Promise.resolve(null),
  ]);
  const linked = new Set(locations.map((l) => l.id));
  const history = await metadataRepository.listFor(db, [id, ...locations.map((l) => l.id)], { limit: 15 });
  return {
    ...visible,
    working: working!,
    published: (row?.published_snapshot as ServiceSnapshot | null) ?? null,
    locations,
    otherLocations: organisationLocations.filter((l) => !linked.has(l.id)),
    verifiedBy,
    history,
  };
}
