import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';

/** A municipality the location form may name. */
export interface MunicipalityOption {
  code: string;
  name: string;
  carCode: string;
}

/** Italy's bounding box (with a little margin): Lampedusa to the Alps, Sardinia to Otranto. */
export const ITALY_BOUNDS = { minLatitude: 35.2, maxLatitude: 47.2, minLongitude: 6.5, maxLongitude: 18.6 };

/** The checked location form. */
export interface LocationFormInput {
  locationType: 'physical' | 'virtual';
  name: string | null;
  description: string | null;
  transportation: string | null;
  accessibility: string | null;
  url: string | null;
  address1: string | null;
  address2: string | null;
  postalCode: string | null;
  municipality: MunicipalityOption | null;
  latitude: number | null;
  longitude: number | null;
}

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** How a municipality is written in the form: "Bologna (BO)". */
export const municipalityLabel = (m: MunicipalityOption) => `${m.name} (${m.carCode})`;

/** Finds a municipality by ISTAT code, by name, or by "name (XX)"; null when unknown or ambiguous. */
export function resolveMunicipality(input: string, options: readonly MunicipalityOption[]): MunicipalityOption | null {
  const value = input.trim();
  if (/^\d{6}$/.test(value)) return options.find((m) => m.code === value) ?? null;
  const match = /^(.*?)\s*\(([A-Za-z]{2})\)$/.exec(value);
  const name = fold(match ? match[1]! : value);
  const carCode = match ? match[2]!.toUpperCase() : null;
  const found = options.filter((m) => fold(m.name) === name && (carCode === null || m.carCode === carCode));
  return found.length === 1 ? found[0]! : null;
}

const LENGTHS: Record<string, number> = { name: 200, description: 2000, transportation: 1000, accessibility: 1000, url: 500, address1: 200, address2: 200 };

/** Checks the location form against the municipalities of the service's region. */
export function parseLocation(body: Record<string, unknown>, municipalities: readonly MunicipalityOption[]): LocationFormInput {
  const errors: FieldError[] = [];
  const text = (field: string) => (typeof body[field] === 'string' ? (body[field] as string).trim() : '');
  const orNull = (field: string) => text(field) || null;
  const locationType = text('locationType') || 'physical';
  if (locationType !== 'physical' && locationType !== 'virtual') errors.push({ field: 'locationType', messageKey: 'validation.enum' });
  for (const [field, limit] of Object.entries(LENGTHS)) {
    if (text(field).length > limit) errors.push({ field, messageKey: 'validation.maxLength', values: { limit } });
  }
  const url = text('url');
  if (url && !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url)) errors.push({ field: 'url', messageKey: 'validation.format.uri' });
  let municipality: MunicipalityOption | null = null;
  if (locationType === 'virtual') {
    if (!url) errors.push({ field: 'url', messageKey: 'validation.required' });
  } else {
    if (!text('address1')) errors.push({ field: 'address1', messageKey: 'validation.required' });
    if (!text('postalCode')) errors.push({ field: 'postalCode', messageKey: 'validation.required' });
    else if (!/^\d{5}$/.test(text('postalCode'))) errors.push({ field: 'postalCode', messageKey: 'directory.staff.errors.postalCode' });
    if (!text('municipality')) errors.push({ field: 'municipality', messageKey: 'validation.required' });
    else {
      municipality = resolveMunicipality(text('municipality'), municipalities);
      if (!municipality) errors.push({ field: 'municipality', messageKey: 'directory.staff.errors.municipalityUnknown', values: { value: text('municipality') } });
    }
  }
  const latText = text('latitude').replace(',', '.');
  const lonText = text('longitude').replace(',', '.');
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (latText || lonText) {
    latitude = latText ? Number(latText) : null;
    longitude = lonText ? Number(lonText) : null;
    if (!latText) errors.push({ field: 'latitude', messageKey: 'directory.staff.errors.coordinatesPair' });
    else if (!Number.isFinite(latitude)) errors.push({ field: 'latitude', messageKey: 'validation.type.number' });
    else if (latitude! < ITALY_BOUNDS.minLatitude || latitude! > ITALY_BOUNDS.maxLatitude) {
      errors.push({ field: 'latitude', messageKey: 'directory.staff.errors.latitudeOutside', values: { min: ITALY_BOUNDS.minLatitude, max: ITALY_BOUNDS.maxLatitude } });
    }
    if (!lonText) errors.push({ field: 'longitude', messageKey: 'directory.staff.errors.coordinatesPair' });
    else if (!Number.isFinite(longitude)) errors.push({ field: 'longitude', messageKey: 'validation.type.number' });
    else if (longitude! < ITALY_BOUNDS.minLongitude || longitude! > ITALY_BOUNDS.maxLongitude) {
      errors.push({ field: 'longitude', messageKey: 'directory.staff.errors.longitudeOutside', values: { min: ITALY_BOUNDS.minLongitude, max: ITALY_BOUNDS.maxLongitude } });
    }
  }
  if (errors.length) throw new ValidationError(errors);
  const isPhysical = locationType === 'physical';
  return {
    locationType: isPhysical ? 'physical' : 'virtual',
    name: orNull('name'),
    description: orNull('description'),
    transportation: isPhysical ? orNull('transportation') : null,
    accessibility: isPhysical ? orNull('accessibility') : null,
    url: url || null,
    address1: isPhysical ? orNull('address1') : null,
    address2: isPhysical ? orNull('address2') : null,
    postalCode: isPhysical ? orNull('postalCode') : null,
    municipality,
    latitude,
    longitude,
  };
}
