import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/kernel/db/database.ts';
import type { TranslatedText } from '../../src/kernel/i18n/content.ts';
import { territory } from '../../src/modules/territory/index.ts';
import { directoryDb } from '../../src/modules/directory/data/repository.ts';
import { searchRepository } from '../../src/modules/directory/data/search-repository.ts';
import type { ServiceSnapshot } from '../../src/modules/directory/data/snapshot.ts';
import { projectService, type LocationSource, type MunicipalitySource, type ProjectionRow, type TermSource } from '../../src/modules/directory/domain/search-projection.ts';
import { NEEDS, needTermId } from '../../src/modules/directory/reference/needs-taxonomy.ts';

// A small deterministic generator: the same seed gives the same directory on both engines.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['Sportello', 'Centro', 'Servizio', 'Ufficio', 'Punto di ascolto', 'Corso', 'Progetto', 'Laboratorio'];
const LANGUAGES = ['en', 'fr', 'ar', 'es', 'ur', 'bn', 'zh', 'sq', 'uk', 'ti', 'wo', 'ru', 'pa', 'tl'];
const HOURS = [
  [['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '13:00'],
  [['TU', 'TH'], '14:00', '18:00'],
  [['MO', 'WE', 'FR'], '09:00', '12:30'],
  [['SA'], '10:00', '12:00'],
  [['MO', 'TU', 'WE', 'TH', 'FR'], '08:30', '17:30'],
] as const;
const BODY = [
  'Informazioni e accompagnamento per il rinnovo del permesso di soggiorno, il kit postale e le pratiche in Questura.',
  'Corsi di lingua italiana per adulti stranieri, livelli A1, A2 e B1, con certificazione finale.',
  'Consulenza legale gratuita per richiedenti asilo, ricorsi e ricongiungimento familiare.',
  'Orientamento al lavoro, bilancio delle competenze, aiuto per il curriculum e iscrizione al centro per l’impiego.',
  'Mediazione culturale e interpretariato per le famiglie, a scuola e nei servizi sanitari.',
  'Ascolto e sostegno alle vittime di discriminazione e di violenza, in collaborazione con la rete antiviolenza.',
  'Iscrizione al Servizio sanitario nazionale, scelta del medico di base e codice STP per chi non ha documenti.',
  'Accoglienza e ricerca della casa, sostegno all’affitto e alloggi di emergenza.',
];
const TRANSLATIONS: Record<string, string[]> = {
  en: ['Help with residence permits, Italian courses, legal advice, jobs, health and housing for newcomers.'],
  fr: ['Aide pour le titre de séjour, cours d’italien, conseil juridique, emploi, santé et logement.'],
  ar: ['مساعدة في تصاريح الإقامة ودورات اللغة الإيطالية والاستشارة القانونية والعمل والصحة والسكن.'],
};

const text = (values: Partial<Record<'it' | 'en' | 'fr' | 'ar', string>>, at: string): TranslatedText => {
  const out: TranslatedText = {};
  for (const [locale, value] of Object.entries(values)) out[locale as 'it'] = { value: value!, status: locale === 'it' ? 'original' : 'reviewed', updatedAt: at };
  return out;
};

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * Writes `count` published services straight into the directory's tables (organisations, locations,
 * addresses, services with their published snapshot, places, needs, languages, hours) and their finder rows
 * (built by the same projection code the refresher uses), in a fresh database. Returns the time it took.
 */
export async function seedPublishedServices(db: Db, count: number): Promise<{ ms: number; rows: number; phases: Record<string, number> }> {
  const started = performance.now();
  const next = random(20261126);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const at = '2026-11-01T09:00:00.000Z';
  const { items: towns } = await territory.listMunicipalities(db, { limit: 10_000, offset: 0 });
  const located = towns.filter((t) => t.latitude !== null && t.longitude !== null);
  const plates = new Map((await territory.listProvinces(db)).map((p) => [p.code, p.carCode]));
  const municipalities = new Map<string, MunicipalitySource>(located.map((t) => [t.code, { name: t.name, provinceCode: t.provinceCode, carCode: plates.get(t.provinceCode) ?? '' }]));
  const subNeeds = NEEDS.flatMap((n) => (n.children ?? []).map((c) => ({ parent: n, child: c })));
  const terms = new Map<string, TermSource>();
  for (const need of NEEDS) {
    terms.set(needTermId(need.code), { parentId: null, name: text({ it: need.name.it, en: need.name.en, ar: need.name.ar }, at) });
    for (const child of need.children ?? []) terms.set(needTermId(child.code), { parentId: needTermId(need.code), name: text({ it: child.name.it, en: child.name.en, ar: child.name.ar }, at) });
  }
  const d = directoryDb(db);
  const organisations = Array.from({ length: Math.max(1, Math.ceil(count / 50)) }, (_, i) => ({
    id: randomUUID(),
    region_code: '08',
    name: text({ it: `Ente di prova ${i + 1}` }, at),
    website: `https://ente-${i + 1}.example.org`,
  }));
  await inBatches(organisations, 1000, (batch) => d.insertInto('directory_organisations').values(batch).execute());

  const services: Record<string, unknown>[] = [];
  const locations: Record<string, unknown>[] = [];
  const addresses: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const attributes: Record<string, unknown>[] = [];
  const languages: Record<string, unknown>[] = [];
  const schedules: Record<string, unknown>[] = [];
  const projection: ProjectionRow[] = [];
  for (let i = 0; i < count; i++) {
    const town = pick(located);
    const organisation = organisations[i % organisations.length]!;
    const { child } = pick(subNeeds);
    const serviceId = randomUUID();
    const locationId = randomUUID();
    const salId = randomUUID();
    const it = `${pick(KINDS)} ${child.name.it.toLowerCase()} – ${town.name}`;
    const names: Partial<Record<'it' | 'en' | 'fr' | 'ar', string>> = { it };
    const bodies: Partial<Record<'it' | 'en' | 'fr' | 'ar', string>> = { it: `${child.description.it} ${pick(BODY)}` };
    for (const locale of ['en', 'fr', 'ar'] as const) {
      if (next() < (locale === 'en' ? 0.4 : 0.15)) {
        names[locale] = `${child.name[locale]} – ${town.name}`;
        bodies[locale] = `${child.description[locale]} ${pick(TRANSLATIONS[locale]!)}`;
      }
    }
    const spoken = ['it', ...new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(LANGUAGES)))].sort();
    const [days, opens, closes] = pick(HOURS);
    const latitude = town.latitude! + (next() - 0.5) * 0.02;
    const longitude = town.longitude! + (next() - 0.5) * 0.02;
    const isFree = next() < 0.8;
    const service = {
      id: serviceId, organization_id: organisation.id, program_id: null, region_code: town.regionCode, name: text(names, at), alternate_name: null,
      description: text(bodies, at), url: null, email: `servizio-${i}@example.org`, status: 'active' as const, interpretation_services: null, application_process: null,
      fees_description: null, eligibility_description: null, minimum_age: null, maximum_age: null, assured_date: null, assurer_email: null, alert: null, extra: {},
      is_free: isFree, original_locale: 'it', last_verified_at: at, last_verified_by: null, published_at: at, created_at: at, updated_at: at,
    };
    const schedulesOf = days.map((day) => ({ id: randomUUID(), service_id: serviceId, location_id: null, service_at_location_id: null, valid_from: null, valid_to: null, dtstart: null, timezone: null, until: null, count: null, wkst: null, freq: 'WEEKLY' as const, interval: 1, byday: day, byweekno: null, bymonthday: null, byyearday: null, description: null, opens_at: `${opens}:00`, closes_at: `${closes}:00`, schedule_link: null, attending_type: null, notes: null }));
    const snapshot: ServiceSnapshot = {
      version: 1, publishedAt: at, service, serviceAtLocations: [{ id: salId, service_id: serviceId, location_id: locationId, description: null }],
      phones: [], schedules: schedulesOf, scheduleExceptions: [],
      languages: spoken.map((code) => ({ id: randomUUID(), service_id: serviceId, location_id: null, phone_id: null, name: code, code, note: null })),
      requiredDocuments: [], costOptions: [], serviceAreas: [], contacts: [], funding: [],
      attributes: [{ id: randomUUID(), link_id: serviceId, taxonomy_term_id: needTermId(child.code), link_type: 'need', link_entity: 'service', value: null }],
    };
    services.push({ ...service, workflow_state: 'published', published_snapshot: JSON.stringify(snapshot) });
    locations.push({ id: locationId, location_type: 'physical', organization_id: organisation.id, region_code: town.regionCode, municipality_code: town.code, latitude, longitude, original_locale: 'it' });
    addresses.push({ location_id: locationId, address_1: `Via Roma ${1 + (i % 200)}`, city: town.name, state_province: plates.get(town.provinceCode) ?? '', postal_code: '00000', country: 'IT', address_type: 'physical' });
    links.push({ id: salId, service_id: serviceId, location_id: locationId });
    attributes.push({ link_id: serviceId, link_entity: 'service', link_type: 'need', taxonomy_term_id: needTermId(child.code) });
    for (const language of snapshot.languages) languages.push({ id: language.id, service_id: serviceId, code: language.code, name: language.name });
    for (const schedule of schedulesOf) schedules.push({ id: schedule.id, service_id: serviceId, freq: 'WEEKLY', interval: 1, byday: schedule.byday, opens_at: schedule.opens_at, closes_at: schedule.closes_at });
    const location: LocationSource = {
      id: locationId, type: 'physical', name: null, transportation: null, accessibility: null, url: null, address1: `Via Roma ${1 + (i % 200)}`, address2: null,
      postalCode: '00000', city: town.name, province: null, regionCode: town.regionCode, municipalityCode: town.code, latitude, longitude,
    };
    projection.push(...projectService({ snapshot, organisation: { id: organisation.id, name: organisation.name, website: organisation.website, email: null }, locations: new Map([[locationId, location]]), municipalities, terms }));
  }
  const phases: Record<string, number> = { generate: performance.now() - started };
  const mark = (name: string, from: number) => (phases[name] = performance.now() - from);
  await db.transaction().execute(async (trx) => {
    const t = directoryDb(trx);
    let from = performance.now();
    await inBatches(services, 500, (batch) => t.insertInto('directory_services').values(batch as never).execute());
    await inBatches(locations, 2000, (batch) => t.insertInto('directory_locations').values(batch as never).execute());
    await inBatches(addresses, 2000, (batch) => t.insertInto('directory_addresses').values(batch as never).execute());
    await inBatches(links, 3000, (batch) => t.insertInto('directory_service_at_location').values(batch as never).execute());
    await inBatches(attributes, 3000, (batch) => t.insertInto('directory_attributes').values(batch as never).execute());
    await inBatches(languages, 3000, (batch) => t.insertInto('directory_languages').values(batch as never).execute());
    await inBatches(schedules, 3000, (batch) => t.insertInto('directory_schedules').values(batch as never).execute());
    mark('tables', from);
    from = performance.now();
    await inBatches(projection, 250, (batch) => searchRepository.insertRows(trx, batch));
    mark('projection', from);
    from = performance.now();
    await searchRepository.addWordsOf(trx);
    mark('vocabulary', from);
  });
  const from = performance.now();
  await sql`vacuum analyze`.execute(db);
  mark('vacuum analyze', from);
  return { ms: performance.now() - started, rows: projection.length, phases };
}
