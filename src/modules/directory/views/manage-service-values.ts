import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';
import { COMMON_LANGUAGES } from '../domain/languages.ts';
import type { LocationRecord } from '../data/location-repository.ts';
import { municipalityLabel, type MunicipalityOption } from '../domain/location-input.ts';

const valueIn = (text: TranslatedText | null | undefined, locale: Locale) => text?.[locale]?.value ?? '';

/** The phones of the service itself (not those of its locations or contacts). */
export function servicePhones(working: ServiceSnapshot): ServiceSnapshot['phones'] {
  return working.phones.filter((p) => p.service_id === working.service.id && p.location_id === null && p.contact_id === null);
}

/** The details form filled from a service's working copy, texts in its original language. */
export function detailValuesOf(working: ServiceSnapshot, locale: Locale): Record<string, unknown> {
  const s = working.service;
  const codes = working.languages.map((l) => l.code ?? '').filter(Boolean);
  const phones = servicePhones(working);
  return {
    name: valueIn(s.name, locale),
    alternateName: valueIn(s.alternate_name, locale),
    description: valueIn(s.description, locale),
    eligibility: valueIn(s.eligibility_description, locale),
    applicationProcess: valueIn(s.application_process, locale),
    interpretationServices: valueIn(s.interpretation_services, locale),
    alert: valueIn(s.alert, locale),
    feesDescription: valueIn(s.fees_description, locale),
    status: s.status,
    url: s.url ?? '',
    email: s.email ?? '',
    cost: s.is_free === false ? 'paid' : 'free',
    minimumAge: s.minimum_age ?? '',
    maximumAge: s.maximum_age ?? '',
    documents: working.requiredDocuments.map((d) => valueIn(d.document, locale)).filter(Boolean).join('\n'),
    needs: working.attributes.map((a) => a.taxonomy_term_id),
    languages: codes.filter((c) => COMMON_LANGUAGES.includes(c)),
    otherLanguages: codes.filter((c) => !COMMON_LANGUAGES.includes(c)).join(', '),
    phone1Number: phones[0]?.number ?? '',
    phone1Description: valueIn(phones[0]?.description, locale),
    phone2Number: phones[1]?.number ?? '',
    phone2Description: valueIn(phones[1]?.description, locale),
  };
}

/** The location form filled from a location, texts in its original language. */
export function locationValuesOf(location: LocationRecord, municipalities: readonly MunicipalityOption[]): Record<string, unknown> {
  const locale = location.originalLocale as Locale;
  const municipality = municipalities.find((m) => m.code === location.municipalityCode);
  return {
    locationType: location.locationType === 'virtual' ? 'virtual' : 'physical',
    name: valueIn(location.name, locale),
    description: valueIn(location.description, locale),
    transportation: valueIn(location.transportation, locale),
    accessibility: valueIn(location.accessibility, locale),
    url: location.url ?? '',
    address1: location.address1 ?? '',
    address2: location.address2 ?? '',
    postalCode: location.postalCode ?? '',
    municipality: municipality ? municipalityLabel(municipality) : (location.municipalityCode ?? ''),
    latitude: location.latitude ?? '',
    longitude: location.longitude ?? '',
  };
}
