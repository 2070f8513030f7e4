import type { Db } from '../../../kernel/db/database.ts';
import { textFrom, type TranslatedText } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { directoryDb, notifyPublicationChange } from '../data/repository.ts';
import { buildServiceSnapshot } from '../data/snapshot-repository.ts';
import { needTermId } from '../reference/needs-taxonomy.ts';

type Texts = Partial<Record<Locale, string>>;

/** A place where a factory service is offered. */
export interface PlaceSpec {
  municipalityCode: string;
  regionCode?: string;
  latitude?: number | null;
  longitude?: number | null;
  address1?: string;
  postalCode?: string;
  city?: string;
  province?: string;
  name?: Texts;
  transportation?: Texts;
}

/** A service the finder tests publish (or leave unpublished). */
export interface ServiceSpec {
  name: Texts;
  /** The name as stored, for translation statuses other than original and reviewed. */
  nameText?: TranslatedText;
  description?: Texts;
  eligibility?: Texts;
  regionCode?: string;
  organisationName?: string;
  needs?: string[];
  languages?: string[];
  isFree?: boolean | null;
  feesDescription?: Texts;
  minimumAge?: number | null;
  maximumAge?: number | null;
  documents?: Texts[];
  phones?: string[];
  email?: string | null;
  url?: string | null;
  places?: PlaceSpec[];
  hours?: { day: string; opens: string; closes: string }[];
  exceptions?: { startsOn: string; endsOn: string; isClosed?: boolean; opensAt?: string; closesAt?: string; reason?: Texts }[];
  /** 'published' (default) publishes it; the others leave it in that state (archived: published, then archived). */
  state?: 'published' | 'draft' | 'in_review' | 'archived';
  lastVerifiedAt?: Date | null;
}

/** Bologna, the municipality most tests use, and a second one in the same province and one elsewhere. */
export const PLACES = {
  bologna: { municipalityCode: '037006', latitude: 44.4939, longitude: 11.3428, address1: 'Piazza Maggiore 6', postalCode: '40124', city: 'Bologna', province: 'BO' },
  imola: { municipalityCode: '037032', latitude: 44.3533, longitude: 11.7141, address1: 'Via Emilia 1', postalCode: '40026', city: 'Imola', province: 'BO' },
  modena: { municipalityCode: '036023', latitude: 44.6471, longitude: 10.9252, address1: 'Piazza Grande 16', postalCode: '41121', city: 'Modena', province: 'MO' },
} satisfies Record<string, PlaceSpec>;

const text = (values: Texts | undefined): TranslatedText | null => (values ? textFrom(values) : null);

/** Creates a directory organisation (no account organisation behind it). */
export async function createDirectoryOrganisation(db: Db, options: { name?: string; regionCode?: string } = {}): Promise<string> {
  const row = await directoryDb(db)
    .insertInto('directory_organisations')
    .values({ region_code: options.regionCode ?? '08', name: textFrom({ it: options.name ?? 'Associazione di prova' }), website: 'https://example.org', email: 'info@example.org' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Publishes the working copy as publishing does: snapshot, state, and the public side told in the same transaction. */
export async function publishDirectly(db: Db, serviceId: string, at = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const snapshot = await buildServiceSnapshot(trx, serviceId, at);
    await directoryDb(trx).updateTable('directory_services').set({ workflow_state: 'published', published_at: at, published_snapshot: snapshot }).where('id', '=', serviceId).execute();
    await notifyPublicationChange(trx, serviceId);
  });
}

/** Archives a service as archiving does. */
export async function archiveDirectly(db: Db, serviceId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await directoryDb(trx).updateTable('directory_services').set({ workflow_state: 'archived' }).where('id', '=', serviceId).execute();
    await notifyPublicationChange(trx, serviceId);
  });
}

/** Edits the working copy's name after publication, as staff editing does (the snapshot stays). */
export async function renameWorkingCopy(db: Db, serviceId: string, name: Texts): Promise<void> {
  await directoryDb(db).updateTable('directory_services').set({ name: textFrom(name), workflow_state: 'draft' }).where('id', '=', serviceId).execute();
}

/** Creates a service with its parts and places; publishes it unless told otherwise. Returns its id. */
export async function createFinderService(db: Db, spec: ServiceSpec): Promise<string> {
  const d = directoryDb(db);
  const regionCode = spec.regionCode ?? '08';
  const organisationId = await createDirectoryOrganisation(db, { name: spec.organisationName, regionCode });
  const originalLocale = Object.keys(spec.name)[0] ?? 'it';
  const { id } = await d
    .insertInto('directory_services')
    .values({
      organization_id: organisationId,
      region_code: regionCode,
      name: spec.nameText ?? textFrom(spec.name),
      description: text(spec.description),
      eligibility_description: text(spec.eligibility),
      fees_description: text(spec.feesDescription),
      is_free: spec.isFree === undefined ? true : spec.isFree,
      minimum_age: spec.minimumAge ?? null,
      maximum_age: spec.maximumAge ?? null,
      email: spec.email ?? null,
      url: spec.url ?? null,
      original_locale: originalLocale,
      last_verified_at: spec.lastVerifiedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const place of spec.places ?? []) {
    const location = await d
      .insertInto('directory_locations')
      .values({
        location_type: 'physical',
        organization_id: organisationId,
        region_code: place.regionCode ?? regionCode,
        municipality_code: place.municipalityCode,
        latitude: place.latitude ?? null,
        longitude: place.longitude ?? null,
        name: text(place.name),
        transportation: text(place.transportation),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (place.address1) {
      await d
        .insertInto('directory_addresses')
        .values({ location_id: location.id, address_1: place.address1, city: place.city ?? '', state_province: place.province ?? '', postal_code: place.postalCode ?? '', country: 'IT', address_type: 'physical' })
        .execute();
    }
    await d.insertInto('directory_service_at_location').values({ service_id: id, location_id: location.id }).execute();
  }
  const needs = spec.needs ?? ['asylum.legal-advice'];
  if (needs.length) await d.insertInto('directory_attributes').values(needs.map((code) => ({ link_id: id, link_entity: 'service', link_type: 'need', taxonomy_term_id: needTermId(code) }))).execute();
  const languages = spec.languages ?? ['it'];
  if (languages.length) await d.insertInto('directory_languages').values(languages.map((code) => ({ service_id: id, code, name: code }))).execute();
  for (const [position, document] of (spec.documents ?? []).entries()) await d.insertInto('directory_required_documents').values({ service_id: id, document: textFrom(document), position }).execute();
  for (const [position, number] of (spec.phones ?? []).entries()) await d.insertInto('directory_phones').values({ service_id: id, number, type: 'voice', position }).execute();
  const hours = spec.hours ?? ['MO', 'TU', 'WE', 'TH', 'FR'].map((day) => ({ day, opens: '09:00', closes: '13:00' }));
  if (hours.length) {
    await d
      .insertInto('directory_schedules')
      .values(hours.map((h) => ({ service_id: id, freq: 'WEEKLY' as const, interval: 1, byday: h.day, opens_at: h.opens, closes_at: h.closes })))
      .execute();
  }
  for (const e of spec.exceptions ?? []) {
    const isClosed = e.isClosed ?? true;
    await d
      .insertInto('directory_schedule_exceptions')
      .values({ service_id: id, starts_on: e.startsOn, ends_on: e.endsOn, is_closed: isClosed, opens_at: isClosed ? null : e.opensAt, closes_at: isClosed ? null : e.closesAt, reason: text(e.reason) })
      .execute();
  }
  const state = spec.state ?? 'published';
  if (state === 'published' || state === 'archived') await publishDirectly(db, id);
  if (state === 'archived') await archiveDirectly(db, id);
  if (state === 'in_review') await d.updateTable('directory_services').set({ workflow_state: 'in_review' }).where('id', '=', id).execute();
  return id;
}
