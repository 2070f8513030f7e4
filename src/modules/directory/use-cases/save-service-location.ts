import { can, type Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { isLocale, type Locale } from '../../../kernel/i18n/locales.ts';
import { locationRepository, type LocationRecord, type LocationValues } from '../data/location-repository.ts';
import { metadataRepository } from '../data/metadata-repository.ts';
import { notifyPublicationChange } from '../data/repository.ts';
import { diffFlat, flattenLocation } from '../domain/flatten.ts';
import type { LocationFormInput } from '../domain/location-input.ts';
import type { ServiceHeader } from '../data/service-repository.ts';
import { applyServiceEdit } from './apply-service-edit.ts';
import { loadServiceFor } from './service-access.ts';
import { mergeOriginal } from './write-service-details.ts';

function valuesFrom(input: LocationFormInput, header: ServiceHeader, locale: Locale, current: LocationRecord | null, regionName: string, at: Date): LocationValues {
  const m = input.municipality;
  return {
    organizationId: current?.organizationId ?? header.organisationId,
    regionCode: header.regionCode,
    locationType: input.locationType,
    name: mergeOriginal(current?.name, locale, input.name, at),
    description: mergeOriginal(current?.description, locale, input.description, at),
    transportation: mergeOriginal(current?.transportation, locale, input.transportation, at),
    accessibility: mergeOriginal(current?.accessibility, locale, input.accessibility, at),
    url: input.url,
    municipalityCode: m?.code ?? null,
    latitude: input.latitude,
    longitude: input.longitude,
    address:
      input.locationType === 'physical' && m && input.address1 && input.postalCode
        ? { address1: input.address1, address2: input.address2, postalCode: input.postalCode, city: m.name, stateProvince: m.carCode, regionName }
        : null,
    originalLocale: locale,
  };
}

/**
 * Adds a new location to a service, or edits one where the service is offered. A location is shared by
 * the services offered there: editing it is logged on the location and refreshes every public service there.
 */
export async function saveServiceLocation(options: {
  db: Db;
  actor: Actor;
  serviceId: string;
  locationId?: string;
  input: LocationFormInput;
  regionName: string;
  at?: Date;
}): Promise<string> {
  const at = options.at ?? new Date();
  const { actor } = options;
  return options.db.transaction().execute(async (trx) => {
    const { header } = await loadServiceFor(trx, actor, options.serviceId, 'canUpdate');
    const serviceLocale: Locale = isLocale(header.originalLocale) ? header.originalLocale : 'it';
    if (!options.locationId) {
      let locationId = '';
      await applyServiceEdit({
        trx,
        serviceId: header.id,
        actor,
        at,
        edit: async () => {
          locationId = await locationRepository.insert(trx, valuesFrom(options.input, header, serviceLocale, null, options.regionName, at));
          await locationRepository.link(trx, header.id, locationId);
        },
      });
      const created = await locationRepository.find(trx, locationId);
      const author = { personId: actor.personId, name: actor.name };
      await metadataRepository.record(trx, { resourceId: locationId, resourceType: 'location', actionType: 'create', changes: diffFlat({}, flattenLocation(created)), author, at });
      return locationId;
    }
    const isUuid = /^[0-9a-f-]{36}$/i.test(options.locationId);
    const current = isUuid ? await locationRepository.find(trx, options.locationId) : null;
    if (!current || !(await locationRepository.isLinked(trx, header.id, current.id))) throw new NotFoundError();
    // A location shared with another organisation's services is edited by the region's editors only.
    const isOwn = current.organizationId === header.organisationId && current.regionCode === header.regionCode;
    if (!isOwn && !can(actor, 'directory.service.update', { regionCode: current.regionCode })) throw new NotFoundError();
    const locale: Locale = isLocale(current.originalLocale) ? current.originalLocale : serviceLocale;
    await locationRepository.update(trx, current.id, valuesFrom(options.input, header, locale, current, options.regionName, at));
    const changes = diffFlat(flattenLocation(current), flattenLocation(await locationRepository.find(trx, current.id)));
    await metadataRepository.record(trx, { resourceId: current.id, resourceType: 'location', actionType: 'update', changes, author: { personId: actor.personId, name: actor.name }, at });
    if (changes.length) for (const serviceId of await locationRepository.listPublicServiceIdsAt(trx, current.id)) await notifyPublicationChange(trx, serviceId);
    return current.id;
  });
}
