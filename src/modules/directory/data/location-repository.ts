import type { Db } from '../../../kernel/db/database.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import { directoryDb } from './repository.ts';

/** A location with its (first) address and accessibility note, as the staff pages show and edit it. */
export interface LocationRecord {
  id: string;
  organizationId: string | null;
  regionCode: string;
  locationType: 'physical' | 'postal' | 'virtual';
  name: TranslatedText | null;
  description: TranslatedText | null;
  transportation: TranslatedText | null;
  accessibility: TranslatedText | null;
  url: string | null;
  municipalityCode: string | null;
  latitude: number | null;
  longitude: number | null;
  address1: string | null;
  address2: string | null;
  postalCode: string | null;
  city: string | null;
  stateProvince: string | null;
  originalLocale: string;
}

/** What saving a location writes. */
export interface LocationValues {
  organizationId: string;
  regionCode: string;
  locationType: 'physical' | 'virtual';
  name: TranslatedText | null;
  description: TranslatedText | null;
  transportation: TranslatedText | null;
  accessibility: TranslatedText | null;
  url: string | null;
  municipalityCode: string | null;
  latitude: number | null;
  longitude: number | null;
  address: { address1: string; address2: string | null; postalCode: string; city: string; stateProvince: string; regionName: string } | null;
  originalLocale: string;
}

function select(db: Db) {
  return directoryDb(db)
    .selectFrom('directory_locations as l')
    .leftJoinLateral(
      (eb) => eb.selectFrom('directory_addresses').selectAll().whereRef('location_id', '=', 'l.id').orderBy('id').limit(1).as('a'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) => eb.selectFrom('directory_accessibility').select(['description']).whereRef('location_id', '=', 'l.id').orderBy('id').limit(1).as('x'),
      (join) => join.onTrue(),
    )
    .select([
      'l.id',
      'l.organization_id as organizationId',
      'l.region_code as regionCode',
      'l.location_type as locationType',
      'l.name',
      'l.description',
      'l.transportation',
      'x.description as accessibility',
      'l.url',
      'l.municipality_code as municipalityCode',
      'l.latitude',
      'l.longitude',
      'a.address_1 as address1',
      'a.address_2 as address2',
      'a.postal_code as postalCode',
      'a.city',
      'a.state_province as stateProvince',
      'l.original_locale as originalLocale',
    ]);
}

/** Locations, their address and accessibility, and their links to services. */
export const locationRepository = {
  async find(db: Db, id: string): Promise<LocationRecord | null> {
    return ((await select(db).where('l.id', '=', id).executeTakeFirst()) as LocationRecord | undefined) ?? null;
  },

  /** The locations where a service is offered. */
  async listForService(db: Db, serviceId: string): Promise<LocationRecord[]> {
    return (await select(db)
      .innerJoin('directory_service_at_location as sal', 'sal.location_id', 'l.id')
      .where('sal.service_id', '=', serviceId)
      .orderBy('l.created_at')
      .orderBy('l.id')
      .execute()) as LocationRecord[];
  },

  /** The locations of an organisation (to offer them for another of its services). */
  async listForOrganisation(db: Db, organisationId: string): Promise<LocationRecord[]> {
    return (await select(db).where('l.organization_id', '=', organisationId).orderBy('l.created_at').orderBy('l.id').limit(500).execute()) as LocationRecord[];
  },

  async insert(db: Db, values: LocationValues): Promise<string> {
    const row = await directoryDb(db)
      .insertInto('directory_locations')
      .values({
        organization_id: values.organizationId,
        region_code: values.regionCode,
        location_type: values.locationType,
        name: values.name,
        description: values.description,
        transportation: values.transportation,
        url: values.url,
        municipality_code: values.municipalityCode,
        latitude: values.latitude,
        longitude: values.longitude,
        original_locale: values.originalLocale,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.writeParts(db, row.id, values);
    return row.id;
  },

  async update(db: Db, id: string, values: LocationValues): Promise<void> {
    await directoryDb(db)
      .updateTable('directory_locations')
      .set({
        location_type: values.locationType,
        name: values.name,
        description: values.description,
        transportation: values.transportation,
        url: values.url,
        municipality_code: values.municipalityCode,
        latitude: values.latitude,
        longitude: values.longitude,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await this.writeParts(db, id, values);
  },

  /** Writes the first address and accessibility note of a location (keeping their identifiers). */
  async writeParts(db: Db, locationId: string, values: LocationValues): Promise<void> {
    const d = directoryDb(db);
    const address = await d.selectFrom('directory_addresses').select('id').where('location_id', '=', locationId).orderBy('id').limit(1).executeTakeFirst();
    if (values.address) {
      const row = {
        address_1: values.address.address1,
        address_2: values.address.address2,
        city: values.address.city,
        region: values.address.regionName,
        state_province: values.address.stateProvince,
        postal_code: values.address.postalCode,
        country: 'IT',
        address_type: 'physical' as const,
      };
      if (address) await d.updateTable('directory_addresses').set(row).where('id', '=', address.id).execute();
      else await d.insertInto('directory_addresses').values({ ...row, location_id: locationId }).execute();
    } else if (address) {
      await d.deleteFrom('directory_addresses').where('id', '=', address.id).execute();
    }
    const access = await d.selectFrom('directory_accessibility').select('id').where('location_id', '=', locationId).orderBy('id').limit(1).executeTakeFirst();
    if (values.accessibility) {
      if (access) await d.updateTable('directory_accessibility').set({ description: values.accessibility }).where('id', '=', access.id).execute();
      else await d.insertInto('directory_accessibility').values({ location_id: locationId, description: values.accessibility }).execute();
    } else if (access) {
      await d.deleteFrom('directory_accessibility').where('id', '=', access.id).execute();
    }
  },

  /** Offers a service at a location (once). */
  async link(db: Db, serviceId: string, locationId: string): Promise<void> {
    const d = directoryDb(db);
    const found = await d.selectFrom('directory_service_at_location').select('id').where('service_id', '=', serviceId).where('location_id', '=', locationId).executeTakeFirst();
    if (!found) await d.insertInto('directory_service_at_location').values({ service_id: serviceId, location_id: locationId }).execute();
  },

  /** Stops offering a service at a location; false when it was not offered there. */
  async unlink(db: Db, serviceId: string, locationId: string): Promise<boolean> {
    const result = await directoryDb(db).deleteFrom('directory_service_at_location').where('service_id', '=', serviceId).where('location_id', '=', locationId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  async isLinked(db: Db, serviceId: string, locationId: string): Promise<boolean> {
    const row = await directoryDb(db).selectFrom('directory_service_at_location').select('id').where('service_id', '=', serviceId).where('location_id', '=', locationId).executeTakeFirst();
    return row !== undefined;
  },

  /** Public services offered at a location (to refresh the public side after it changes). */
  async listPublicServiceIdsAt(db: Db, locationId: string): Promise<string[]> {
    const rows = await directoryDb(db)
      .selectFrom('directory_service_at_location as sal')
      .innerJoin('directory_services as s', 's.id', 'sal.service_id')
      .select('s.id')
      .distinct()
      .where('sal.location_id', '=', locationId)
      .where('s.is_public', '=', true)
      .execute();
    return rows.map((r) => r.id);
  },
};
