import { PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';

/** A record reduced to named text values: `description.it`, `minimum_age`, `schedules`… */
export type FlatRecord = Record<string, string>;

/** One field that differs between two flat records. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** The translated free-text fields of a service, in the order pages show them. */
export const SERVICE_TEXT_FIELDS = [
  'name',
  'alternate_name',
  'description',
  'eligibility_description',
  'application_process',
  'fees_description',
  'interpretation_services',
  'alert',
] as const;

export type ServiceTextField = (typeof SERVICE_TEXT_FIELDS)[number];

const SCALAR_FIELDS = ['status', 'url', 'email', 'is_free', 'minimum_age', 'maximum_age', 'assured_date', 'assurer_email', 'last_verified_at'] as const;

/** Adds one key per language of a translated field. */
export function flattenText(out: FlatRecord, field: string, text: TranslatedText | null | undefined): void {
  for (const locale of PUBLIC_LOCALES) {
    const value = text?.[locale]?.value;
    if (value !== undefined && value !== '') out[`${field}.${locale}`] = value;
  }
}

const originalOf = (text: TranslatedText | null | undefined): string => {
  if (!text) return '';
  const entry = Object.values(text).find((e) => e?.status === 'original') ?? Object.values(text)[0];
  return entry?.value ?? '';
};

const hhmm = (time: string | null) => (time ?? '').slice(0, 5);

/** Reduces a service snapshot to named text values, so two versions can be compared field by field. */
export function flattenSnapshot(snapshot: ServiceSnapshot | null, describeTerm: (id: string) => string = (id) => id): FlatRecord {
  const out: FlatRecord = {};
  if (!snapshot) return out;
  const s = snapshot.service;
  for (const field of SERVICE_TEXT_FIELDS) flattenText(out, field, s[field]);
  for (const field of SCALAR_FIELDS) {
    const value = s[field];
    if (value !== null && value !== undefined && value !== '') out[field] = String(value);
  }
  snapshot.requiredDocuments.forEach((doc, index) => flattenText(out, `required_documents[${index + 1}]`, doc.document));
  const phones = snapshot.phones.map((p) => [p.number, originalOf(p.description)].filter(Boolean).join(' — '));
  if (phones.length) out.phones = phones.join('; ');
  const languages = snapshot.languages.map((l) => l.code ?? l.name ?? '').filter(Boolean).sort();
  if (languages.length) out.languages = languages.join(', ');
  const needs = snapshot.attributes.map((a) => describeTerm(a.taxonomy_term_id)).sort();
  if (needs.length) out.needs = needs.join(', ');
  const hours = snapshot.schedules
    .filter((h) => h.freq === 'WEEKLY' && h.byday)
    .map((h) => `${h.byday} ${hhmm(h.opens_at)}–${hhmm(h.closes_at)}`)
    .sort(byWeekday);
  if (hours.length) out.schedules = hours.join('; ');
  const exceptions = snapshot.scheduleExceptions.map((e) => {
    const days = e.starts_on === e.ends_on ? e.starts_on : `${e.starts_on}/${e.ends_on}`;
    const hoursText = e.is_closed ? 'closed' : `${hhmm(e.opens_at)}–${hhmm(e.closes_at)}`;
    return [days, hoursText, originalOf(e.reason)].filter(Boolean).join(' ');
  });
  if (exceptions.length) out.schedule_exceptions = exceptions.join('; ');
  const locations = snapshot.serviceAtLocations.map((l) => l.location_id).sort();
  if (locations.length) out.locations = locations.join(', ');
  return out;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function byWeekday(a: string, b: string): number {
  const day = (s: string) => WEEKDAYS.indexOf(s.slice(0, 2));
  return day(a) - day(b) || a.localeCompare(b);
}

/** The fields that differ, in the order of the newer record's keys then the removed ones. */
export function diffFlat(before: FlatRecord, after: FlatRecord): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
  for (const field of keys) {
    const a = before[field] ?? '';
    const b = after[field] ?? '';
    if (a !== b) changes.push({ field, before: a, after: b });
  }
  return changes;
}

/** The fields of a location that staff edit, as named text values. */
export interface LocationLike {
  locationType: string;
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
}

/** Reduces a location to named text values, for its change log. */
export function flattenLocation(location: LocationLike | null): FlatRecord {
  const out: FlatRecord = {};
  if (!location) return out;
  out.location_type = location.locationType;
  for (const field of ['name', 'description', 'transportation', 'accessibility'] as const) flattenText(out, field, location[field]);
  const scalars: [string, string | number | null][] = [
    ['url', location.url],
    ['municipality_code', location.municipalityCode],
    ['latitude', location.latitude],
    ['longitude', location.longitude],
    ['address_1', location.address1],
    ['address_2', location.address2],
    ['postal_code', location.postalCode],
  ];
  for (const [key, value] of scalars) if (value !== null && value !== '') out[key] = String(value);
  return out;
}

/** The fields of an organisation's profile that staff edit. */
export interface OrganisationLike {
  name: TranslatedText | null;
  alternateName: TranslatedText | null;
  description: TranslatedText | null;
  email: string | null;
  website: string | null;
  taxId: string | null;
  yearIncorporated: number | null;
  legalStatus: string | null;
  phones: { number: string; description: TranslatedText | null }[];
}

/** Reduces an organisation's profile to named text values (HSDS field names), for its change log. */
export function flattenOrganisation(organisation: OrganisationLike | null): FlatRecord {
  const out: FlatRecord = {};
  if (!organisation) return out;
  flattenText(out, 'name', organisation.name);
  flattenText(out, 'alternate_name', organisation.alternateName);
  flattenText(out, 'description', organisation.description);
  const scalars: [string, string | number | null][] = [
    ['email', organisation.email],
    ['website', organisation.website],
    ['tax_id', organisation.taxId],
    ['year_incorporated', organisation.yearIncorporated],
    ['legal_status', organisation.legalStatus],
  ];
  for (const [key, value] of scalars) if (value !== null && value !== '') out[key] = String(value);
  const phones = organisation.phones.map((p) => [p.number, originalOf(p.description)].filter(Boolean).join(' — '));
  if (phones.length) out.phones = phones.join('; ');
  return out;
}
