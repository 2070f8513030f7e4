import type { Selectable } from 'kysely';
import type { DirectoryTables, ServiceTable } from './tables.ts';

/** A row as it reads back from JSON: instants become ISO strings. */
export type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

type Row<K extends keyof DirectoryTables> = Jsonified<Selectable<DirectoryTables[K]>>;

/** The service's own fields as published (no workflow or snapshot columns). */
export type SnapshotService = Jsonified<
  Omit<Selectable<ServiceTable>, 'published_snapshot' | 'is_public' | 'workflow_state' | 'review_note' | 'verification_reminded_at' | 'created_by' | 'updated_by'>
>;

/**
 * What `directory_services.published_snapshot` holds: the service and every record it owns, as last
 * published. Organisations and locations are shared by several services and are not frozen here: the
 * public side reads them live, and their changes call notifyPublicationChange for each public service.
 */
export interface ServiceSnapshot {
  version: 1;
  publishedAt: string;
  service: SnapshotService;
  serviceAtLocations: Row<'directory_service_at_location'>[];
  /** Phones of the service or of its service-at-locations. */
  phones: Row<'directory_phones'>[];
  /** Schedules of the service or of its service-at-locations (weekly hours: freq WEEKLY, one byday, opens_at/closes_at). */
  schedules: Row<'directory_schedules'>[];
  scheduleExceptions: Row<'directory_schedule_exceptions'>[];
  /** Languages spoken at the service (ISO 639 codes). */
  languages: Row<'directory_languages'>[];
  requiredDocuments: Row<'directory_required_documents'>[];
  costOptions: Row<'directory_cost_options'>[];
  serviceAreas: Row<'directory_service_areas'>[];
  contacts: Row<'directory_contacts'>[];
  funding: Row<'directory_funding'>[];
  /** Taxonomy links of the service (its needs: link_entity 'service'). */
  attributes: Row<'directory_attributes'>[];
}
