import { pickText, type TranslatedText } from '../../../kernel/i18n/content.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';
import { exceptionsForSearch, exceptionsOf, multirangeLiteral, openingRangesOf, weeklyMinutes } from './open-now.ts';
import { foldName } from './search-query.ts';

/** A location as the public pages show it (read live: locations are shared, not frozen in the snapshot). */
export interface PublicLocation {
  id: string;
  type: 'physical' | 'postal' | 'virtual';
  name: TranslatedText | null;
  transportation: TranslatedText | null;
  accessibility: TranslatedText | null;
  url: string | null;
  address1: string | null;
  address2: string | null;
  postalCode: string | null;
  city: string | null;
  /** The plate code of the province (e.g. BO). */
  province: string | null;
}

/** The organisation as the public pages show it. */
export interface PublicOrganisation {
  id: string;
  name: TranslatedText;
  website: string | null;
  email: string | null;
}

/** What the projection reads besides the snapshot: live location rows with their municipality. */
export interface LocationSource extends PublicLocation {
  regionCode: string;
  municipalityCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A municipality with its province, from the territory module. */
export interface MunicipalitySource {
  name: string;
  provinceCode: string;
  carCode: string;
}

/** A taxonomy term: its parent and name (for needs and their labels in every language). */
export interface TermSource {
  parentId: string | null;
  name: TranslatedText;
}

/** Text of one search configuration, by weight (A names, B organisation and needs, C the rest). */
export interface WeightedText {
  a: string;
  b: string;
  c: string;
}

/** One row of directory_search, before the database computes its search vectors. */
export interface ProjectionRow {
  serviceId: string;
  locationId: string | null;
  organisationId: string;
  regionCode: string;
  provinceCode: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  latitude: number | null;
  longitude: number | null;
  needIds: string[];
  languageCodes: string[];
  isFree: boolean | null;
  minimumAge: number | null;
  maximumAge: number | null;
  weeklyMinutes: string;
  exceptions: ReturnType<typeof exceptionsForSearch>;
  name: TranslatedText;
  summary: TranslatedText | null;
  organisation: PublicOrganisation;
  location: PublicLocation | null;
  originalLocale: string;
  sortName: string;
  italian: WeightedText;
  other: WeightedText;
  publishedAt: string | null;
}

const valuesOf = (text: TranslatedText | null | undefined) => Object.entries(text ?? {}).map(([locale, entry]) => ({ locale, value: entry?.value ?? '' }));

/** Collects translated texts into the Italian text and the text of every other language. */
function split(texts: (TranslatedText | null | undefined)[]): { italian: string; other: string } {
  const italian: string[] = [];
  const other: string[] = [];
  for (const text of texts) for (const { locale, value } of valuesOf(text)) (locale === 'it' ? italian : other).push(value);
  return { italian: italian.join(' \n'), other: other.join(' \n') };
}

function publicLocationOf(location: LocationSource, municipality: MunicipalitySource | undefined): PublicLocation {
  const { regionCode: _region, municipalityCode: _code, latitude: _latitude, longitude: _longitude, ...shown } = location;
  return { ...shown, city: shown.city ?? municipality?.name ?? null, province: municipality?.carCode ?? shown.province };
}

/** The term ids of a service's needs with all their ancestors (choosing a need finds its sub-needs too). */
export function needsWithAncestors(termIds: readonly string[], terms: ReadonlyMap<string, TermSource>): string[] {
  const out = new Set<string>();
  for (const id of termIds) {
    let current: string | null = id;
    for (let depth = 0; current && depth < 6 && !out.has(current); depth++) {
      out.add(current);
      current = terms.get(current)?.parentId ?? null;
    }
  }
  return [...out].sort();
}

/**
 * Builds the finder's rows of a published service: one per location it is offered at (its hours are the
 * service-at-location's own schedules if it has some, else the service's), or one without a place.
 */
export function projectService(options: {
  snapshot: ServiceSnapshot;
  organisation: PublicOrganisation;
  locations: ReadonlyMap<string, LocationSource>;
  municipalities: ReadonlyMap<string, MunicipalitySource>;
  terms: ReadonlyMap<string, TermSource>;
}): ProjectionRow[] {
  const { snapshot, organisation, terms } = options;
  const service = snapshot.service;
  const needTermIds = snapshot.attributes.filter((a) => a.link_entity === 'service').map((a) => a.taxonomy_term_id);
  const needIds = needsWithAncestors(needTermIds, terms);
  const needNames = needIds.map((id) => terms.get(id)?.name);
  const languageCodes = [...new Set(snapshot.languages.map((l) => l.code).filter((c): c is string => !!c))].sort();
  const names = split([service.name, service.alternate_name]);
  const secondary = split([organisation.name, ...needNames]);
  const body = split([service.description, service.eligibility_description, service.application_process, service.interpretation_services]);
  const serviceSchedules = snapshot.schedules.filter((s) => s.service_id === service.id && !s.service_at_location_id);
  const serviceExceptions = snapshot.scheduleExceptions.filter((e) => !e.service_at_location_id);
  const shownName = pickText(service.name, 'it')?.value ?? '';

  const rowFor = (location: LocationSource | null, salId: string | null): ProjectionRow => {
    const own = salId ? snapshot.schedules.filter((s) => s.service_at_location_id === salId) : [];
    const ranges = openingRangesOf(own.length ? own : serviceSchedules);
    const exceptions = exceptionsOf([...serviceExceptions, ...snapshot.scheduleExceptions.filter((e) => salId && e.service_at_location_id === salId)]);
    const municipality = location?.municipalityCode ? options.municipalities.get(location.municipalityCode) : undefined;
    const place = split([location?.name, location?.transportation]);
    const placeName = municipality?.name ?? location?.city ?? '';
    return {
      serviceId: service.id,
      locationId: location?.id ?? null,
      organisationId: organisation.id,
      regionCode: location?.regionCode ?? service.region_code,
      provinceCode: municipality?.provinceCode ?? null,
      municipalityCode: location?.municipalityCode ?? null,
      municipalityName: municipality?.name ?? location?.city ?? null,
      latitude: location?.latitude ?? null,
      longitude: location?.longitude ?? null,
      needIds,
      languageCodes,
      isFree: service.is_free,
      minimumAge: service.minimum_age,
      maximumAge: service.maximum_age,
      weeklyMinutes: multirangeLiteral(weeklyMinutes(ranges)),
      exceptions: exceptionsForSearch(exceptions),
      name: service.name,
      summary: service.description,
      organisation,
      location: location ? publicLocationOf(location, municipality) : null,
      originalLocale: service.original_locale,
      sortName: foldName(shownName),
      italian: { a: names.italian, b: secondary.italian, c: [body.italian, place.italian, placeName].join(' \n') },
      other: { a: names.other, b: secondary.other, c: [body.other, place.other].join(' \n') },
      publishedAt: snapshot.publishedAt,
    };
  };

  const rows: ProjectionRow[] = [];
  for (const sal of snapshot.serviceAtLocations) {
    const location = options.locations.get(sal.location_id);
    if (location) rows.push(rowFor(location, sal.id));
  }
  return rows.length ? rows : [rowFor(null, null)];
}
