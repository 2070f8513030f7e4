import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import { directoryDb } from './repository.ts';
import type { Jsonified, ServiceSnapshot } from './snapshot.ts';

const jsonify = <T extends object>(row: T): Jsonified<T> => JSON.parse(JSON.stringify(row)) as Jsonified<T>;

function groupBy<T>(rows: T[], ownersOf: (row: T) => (string | null | undefined)[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    for (const owner of new Set(ownersOf(row))) if (owner) out.set(owner, [...(out.get(owner) ?? []), row]);
  }
  return out;
}

/**
 * Reads the current working copies of many services and everything they own, in the shape that gets
 * published: one query per table whatever the number of services.
 */
export async function buildServiceSnapshots(db: Db, serviceIds: string[], publishedAt: (serviceId: string) => Date): Promise<Map<string, ServiceSnapshot>> {
  const result = new Map<string, ServiceSnapshot>();
  if (serviceIds.length === 0) return result;
  const d = directoryDb(db);
  const services = await d.selectFrom('directory_services').selectAll().where('id', 'in', serviceIds).execute();
  const sals = await d.selectFrom('directory_service_at_location').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute();
  const salService = new Map(sals.map((s) => [s.id, s.service_id]));
  const salIds = [...salService.keys()];
  const ofServices = sql<boolean>`(service_id = any(${serviceIds}::uuid[]) or service_at_location_id = any(${salIds}::uuid[]))`;
  const [phones, schedules, exceptions, languages, documents, costs, areas, contacts, funding, attributes] = await Promise.all([
    d.selectFrom('directory_phones').selectAll().where(ofServices).orderBy('position').orderBy('id').execute(),
    d.selectFrom('directory_schedules').selectAll().where(ofServices).orderBy('byday').orderBy('opens_at').orderBy('id').execute(),
    d.selectFrom('directory_schedule_exceptions').selectAll().where(ofServices).orderBy('starts_on').orderBy('id').execute(),
    d.selectFrom('directory_languages').selectAll().where('service_id', 'in', serviceIds).orderBy('code').orderBy('id').execute(),
    d.selectFrom('directory_required_documents').selectAll().where('service_id', 'in', serviceIds).orderBy('position').orderBy('id').execute(),
    d.selectFrom('directory_cost_options').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute(),
    d.selectFrom('directory_service_areas').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute(),
    d.selectFrom('directory_contacts').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute(),
    d.selectFrom('directory_funding').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute(),
    d.selectFrom('directory_attributes').selectAll().where('link_id', 'in', serviceIds).where('link_entity', '=', 'service').orderBy('id').execute(),
  ]);
  const viaService = (row: { service_id: string | null; service_at_location_id: string | null }) => [row.service_id, row.service_at_location_id ? salService.get(row.service_at_location_id) : null];
  const own = (row: { service_id: string | null }) => [row.service_id];
  const by = {
    sals: groupBy(sals, own),
    phones: groupBy(phones, viaService),
    schedules: groupBy(schedules, viaService),
    exceptions: groupBy(exceptions, viaService),
    languages: groupBy(languages, own),
    documents: groupBy(documents, own),
    costs: groupBy(costs, own),
    areas: groupBy(areas, own),
    contacts: groupBy(contacts, own),
    funding: groupBy(funding, own),
    attributes: groupBy(attributes, (a) => [a.link_id]),
  };
  for (const service of services) {
    const {
      published_snapshot: _snapshot,
      is_public: _isPublic,
      workflow_state: _state,
      review_note: _note,
      verification_reminded_at: _reminded,
      created_by: _createdBy,
      updated_by: _updatedBy,
      ...ownColumns
    } = service;
    const id = service.id;
    result.set(id, {
      version: 1,
      publishedAt: publishedAt(id).toISOString(),
      service: jsonify(ownColumns),
      serviceAtLocations: (by.sals.get(id) ?? []).map(jsonify),
      phones: (by.phones.get(id) ?? []).map(jsonify),
      schedules: (by.schedules.get(id) ?? []).map(jsonify),
      scheduleExceptions: (by.exceptions.get(id) ?? []).map(jsonify),
      languages: (by.languages.get(id) ?? []).map(jsonify),
      requiredDocuments: (by.documents.get(id) ?? []).map(jsonify),
      costOptions: (by.costs.get(id) ?? []).map(jsonify),
      serviceAreas: (by.areas.get(id) ?? []).map(jsonify),
      contacts: (by.contacts.get(id) ?? []).map(jsonify),
      funding: (by.funding.get(id) ?? []).map(jsonify),
      attributes: (by.attributes.get(id) ?? []).map(jsonify),
    });
  }
  return result;
}

/** Reads the current working copy of a service and everything it owns, in the shape that gets published. */
export async function buildServiceSnapshot(db: Db, serviceId: string, publishedAt: Date): Promise<ServiceSnapshot | null> {
  return (await buildServiceSnapshots(db, [serviceId], () => publishedAt)).get(serviceId) ?? null;
}
