import type { Db } from '../../../kernel/db/database.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { hsdsRepository as repo, type AnyRow } from '../data/hsds-repository.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';
import type { DatasetTable } from './catalogue.ts';
import { Dataset } from './dataset.ts';
import { toHsds } from './db-mapping.ts';

/** The rows a service owns: its working copy, or its published snapshot. */
interface Owned {
  services: AnyRow[];
  sals: AnyRow[];
  phones: AnyRow[];
  schedules: AnyRow[];
  exceptions: AnyRow[];
  languages: AnyRow[];
  documents: AnyRow[];
  costs: AnyRow[];
  areas: AnyRow[];
  contacts: AnyRow[];
  funding: AnyRow[];
  attributes: AnyRow[];
}

const ids = (rows: AnyRow[], column = 'id'): string[] => [...new Set(rows.map((r) => r[column]).filter((v): v is string => typeof v === 'string'))];

async function ownedByWorkingCopies(db: Db, serviceIds: string[]): Promise<Owned> {
  const sals = await repo.rowsWhereAny(db, 'directory_service_at_location', { service_id: serviceIds });
  const ofService = { service_id: serviceIds, service_at_location_id: ids(sals) };
  const [services, phones, schedules, exceptions, languages, documents, costs, areas, contacts, funding, attributes] = await Promise.all([
    repo.rowsByIds(db, 'directory_services', serviceIds),
    repo.rowsWhereAny(db, 'directory_phones', ofService),
    repo.rowsWhereAny(db, 'directory_schedules', ofService),
    repo.rowsWhereAny(db, 'directory_schedule_exceptions', ofService),
    repo.rowsWhereAny(db, 'directory_languages', { service_id: serviceIds }),
    repo.rowsWhereAny(db, 'directory_required_documents', { service_id: serviceIds }),
    repo.rowsWhereAny(db, 'directory_cost_options', { service_id: serviceIds }),
    repo.rowsWhereAny(db, 'directory_service_areas', { service_id: serviceIds }),
    repo.rowsWhereAny(db, 'directory_contacts', ofService),
    repo.rowsWhereAny(db, 'directory_funding', { service_id: serviceIds }),
    repo.rowsWhereAny(db, 'directory_attributes', { link_id: serviceIds }),
  ]);
  return { services, sals, phones, schedules, exceptions, languages, documents, costs, areas, contacts, funding, attributes };
}

function ownedBySnapshots(snapshots: { snapshot: unknown; publishedAt: Date; modifiedAt: Date }[]): Owned {
  const owned: Owned = { services: [], sals: [], phones: [], schedules: [], exceptions: [], languages: [], documents: [], costs: [], areas: [], contacts: [], funding: [], attributes: [] };
  for (const { snapshot: raw, publishedAt, modifiedAt } of snapshots) {
    const s = raw as ServiceSnapshot;
    // The public version changed when it was published, or when its organisation or a location changed.
    owned.services.push({ ...s.service, published_at: publishedAt, updated_at: modifiedAt });
    owned.sals.push(...s.serviceAtLocations);
    owned.phones.push(...s.phones);
    owned.schedules.push(...s.schedules);
    owned.exceptions.push(...s.scheduleExceptions);
    owned.languages.push(...s.languages);
    owned.documents.push(...s.requiredDocuments);
    owned.costs.push(...s.costOptions);
    owned.areas.push(...s.serviceAreas);
    owned.contacts.push(...s.contacts);
    owned.funding.push(...s.funding);
    owned.attributes.push(...s.attributes);
  }
  return owned;
}

class Collector {
  readonly dataset = new Dataset();
  constructor(private readonly displayLocale: Locale | undefined) {}

  add(table: DatasetTable, rows: AnyRow[]): void {
    for (const row of rows) this.dataset.add(table, toHsds(table, row, { displayLocale: this.displayLocale }), `${table} ${String(row.id)}`, 'keep-first');
  }
}

/**
 * Collects services and everything their nested HSDS form shows. Service-owned rows come from `owned`
 * (working copies, or published snapshots); organisations, locations, taxonomies and the rows hanging
 * from them are read live. `isPublic` keeps unpublished work out: only the locations of the services'
 * published service-at-locations, only the snapshots' own attributes and phones, only the change log up
 * to each publication.
 */
async function collect(db: Db, owned: Owned, options: { isPublic: boolean; displayLocale?: Locale }): Promise<Dataset> {
  const c = new Collector(options.displayLocale);
  const serviceIds = ids(owned.services);
  const orgIds = ids(owned.services, 'organization_id');
  const [orgs, identifiers, programs, orgFunding] = await Promise.all([
    repo.rowsByIds(db, 'directory_organisations', orgIds),
    repo.rowsWhereAny(db, 'directory_organization_identifiers', { organization_id: orgIds }),
    repo.rowsWhereAny(db, 'directory_programs', { organization_id: orgIds, id: ids(owned.services, 'program_id') }),
    repo.rowsWhereAny(db, 'directory_funding', { organization_id: orgIds }),
  ]);
  const locations = await repo.rowsWhereAny(db, 'directory_locations', { id: ids(owned.sals, 'location_id'), ...(options.isPublic ? {} : { organization_id: orgIds }) });
  const locationIds = ids(locations);
  const atPlaces = { organization_id: orgIds, location_id: locationIds };
  const [addresses, accessibility, liveContacts, placeSchedules, placeExceptions] = await Promise.all([
    repo.rowsWhereAny(db, 'directory_addresses', { location_id: locationIds }),
    repo.rowsWhereAny(db, 'directory_accessibility', { location_id: locationIds }),
    repo.rowsWhereAny(db, 'directory_contacts', atPlaces),
    repo.rowsWhereAny(db, 'directory_schedules', { location_id: locationIds }),
    repo.rowsWhereAny(db, 'directory_schedule_exceptions', { location_id: locationIds }),
  ]);
  const contactIds = ids(options.isPublic ? liveContacts : [...liveContacts, ...owned.contacts]);
  const livePhones = await repo.rowsWhereAny(db, 'directory_phones', { ...atPlaces, contact_id: contactIds });
  const phoneIds = ids(options.isPublic ? livePhones : [...livePhones, ...owned.phones]);
  const liveLanguages = await repo.rowsWhereAny(db, 'directory_languages', { location_id: locationIds, phone_id: phoneIds });

  c.add('service', owned.services);
  c.add('service_at_location', owned.sals);
  c.add('phone', owned.phones);
  c.add('schedule', owned.schedules);
  c.add('x_crocevia_schedule_exception', owned.exceptions);
  c.add('language', owned.languages);
  c.add('required_document', owned.documents);
  c.add('cost_option', owned.costs);
  c.add('service_area', owned.areas);
  c.add('contact', owned.contacts);
  c.add('funding', owned.funding);
  c.add('organization', orgs);
  c.add('organization_identifier', identifiers);
  c.add('program', programs);
  c.add('funding', orgFunding);
  c.add('location', locations);
  c.add('address', addresses);
  c.add('accessibility', accessibility);
  c.add('contact', liveContacts);
  c.add('phone', livePhones);
  c.add('schedule', placeSchedules);
  c.add('x_crocevia_schedule_exception', placeExceptions);
  c.add('language', liveLanguages);

  const everyId = (['organization', 'program', 'location', 'service_at_location', 'contact', 'phone', 'schedule', 'address', 'accessibility', 'language'] as const).flatMap((t) => c.dataset.ids(t));
  const attributes = options.isPublic ? owned.attributes : [...owned.attributes, ...(await repo.rowsWhereAny(db, 'directory_attributes', { link_id: everyId }))];
  c.add('attribute', attributes);
  const terms = await repo.rowsByIds(db, 'directory_taxonomy_terms', ids(attributes, 'taxonomy_term_id'));
  c.add('taxonomy_term', terms);
  c.add('taxonomy', await repo.rowsByIds(db, 'directory_taxonomies', ids(terms, 'taxonomy_id')));
  const metadata = options.isPublic ? await repo.publicMetadata(db, serviceIds) : await repo.rowsWhereAny(db, 'directory_metadata', { resource_id: [...serviceIds, ...everyId] });
  c.add('metadata', metadata);
  return c.dataset;
}

/** Services as their working copies stand (drafts included), for a full export. */
export async function buildWorkingDataset(db: Db, serviceIds: string[], options: { displayLocale?: Locale } = {}): Promise<Dataset> {
  return collect(db, await ownedByWorkingCopies(db, serviceIds), { isPublic: false, ...options });
}

/** Public services as published (their snapshots), with their organisations and locations as they are now. */
export async function buildPublicDataset(db: Db, serviceIds: string[], options: { displayLocale?: Locale } = {}): Promise<Dataset> {
  return collect(db, ownedBySnapshots(await repo.publicSnapshots(db, serviceIds)), { isPublic: true, ...options });
}
