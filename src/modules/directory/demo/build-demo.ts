import type { Insertable } from 'kysely';
import type { TranslatedText, TranslationStatus } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { DirectoryTables, ServiceTable, WorkflowState } from '../data/tables.ts';
import { stableUuid } from '../reference/stable-uuid.ts';
import { CATALOGUE_A } from './demo-catalogue-a.ts';
import { CATALOGUE_B } from './demo-catalogue-b.ts';
import { CATALOGUE_C } from './demo-catalogue-c.ts';
import { DEMO_DOCUMENTS } from './demo-documents.ts';
import { DemoOwners, type AccountOrganisation, type ResolvedTown } from './demo-owners.ts';
import { DEMO_STREETS, DEMO_TOWNS, type DemoTown } from './demo-places.ts';
import { DemoRandom } from './demo-random.ts';
import { ACCESS, ALERTS, demoText, ELIGIBILITY, EXCEPTIONS, hoursOf } from './demo-texts.ts';
import type { ItEn, ServiceTemplate } from './demo-types.ts';

/** Every service template of the demo, one per sub-need. */
export const DEMO_CATALOGUE: ServiceTemplate[] = [...CATALOGUE_A, ...CATALOGUE_B, ...CATALOGUE_C];

/** How many services the demo makes for each sub-need. */
export const SERVICES_PER_NEED = 7;

type Row<K extends keyof DirectoryTables> = Insertable<DirectoryTables[K]> & { id: string };

/** The rows of the demo directory, ready for batch inserts. */
export interface DemoRows {
  organisations: Row<'directory_organisations'>[];
  services: (Insertable<ServiceTable> & { id: string })[];
  locations: Row<'directory_locations'>[];
  addresses: Row<'directory_addresses'>[];
  accessibility: Row<'directory_accessibility'>[];
  serviceAtLocations: Row<'directory_service_at_location'>[];
  phones: Row<'directory_phones'>[];
  schedules: Row<'directory_schedules'>[];
  exceptions: Row<'directory_schedule_exceptions'>[];
  languages: Row<'directory_languages'>[];
  documents: Row<'directory_required_documents'>[];
  attributes: Row<'directory_attributes'>[];
  metadata: Row<'directory_metadata'>[];
}

/** What the generator needs from the database: towns resolved to ISTAT codes, the accounts demo, the needs. */
export interface DemoInput {
  now: Date;
  towns: Map<string, ResolvedTown>;
  accountOrganisations: AccountOrganisation[];
  regionNames: Record<string, string>;
  needs: Map<string, { id: string; name: TranslatedText; description: TranslatedText }>;
  languageNames: Map<string, string>;
}

const OTHER_LOCALES: Locale[] = ['fr', 'ar', 'bn', 'es', 'ur', 'zh', 'sq', 'uk'];
const SPOKEN = ['en', 'fr', 'ar', 'es', 'sq', 'uk', 'bn', 'ur', 'zh', 'ro', 'ru', 'pa', 'ti', 'wo', 'tl'];
const DAY = 24 * 60 * 60 * 1000;

/** Builds the whole demo directory, deterministically, from its input. */
export function buildDemo(input: DemoInput): DemoRows {
  const random = new DemoRandom(20261126);
  const at = input.now.toISOString();
  const owners = new DemoOwners(input.accountOrganisations, input.regionNames, at, random);
  const rows: Omit<DemoRows, 'organisations'> = {
    services: [], locations: [], addresses: [], accessibility: [], serviceAtLocations: [], phones: [], schedules: [], exceptions: [], languages: [], documents: [], attributes: [], metadata: [],
  };
  const locationsByOwnerTown = new Map<string, string[]>();
  const ownerServiceCount = new Map<string, number>();
  const daysAgo = (days: number) => new Date(input.now.getTime() - days * DAY);
  const townsOf = (regionCode: string) => DEMO_TOWNS.filter((t) => t.regionCode === regionCode && input.towns.has(t.name));
  let serial = 0;

  for (const [templateIndex, template] of DEMO_CATALOGUE.entries()) {
    const need = input.needs.get(template.need);
    if (!need) throw new Error(`demo need ${template.need} is not in the taxonomy`);
    for (let k = 0; k < SERVICES_PER_NEED; k++) {
      serial++;
      const regionCode = (templateIndex + k) % 2 === 0 ? '08' : '19';
      const demoTown: DemoTown = random.weighted(townsOf(regionCode), (t) => t.weight);
      const town = input.towns.get(demoTown.name)!;
      const kind = random.chance(0.6) ? template.owners[0]! : random.pick(template.owners);
      const owner = owners.ownerFor(kind, town);
      const id = stableUuid(`demo/service/${serial}`);
      const [nameIt, nameEn] = (template.names.length > 1 && random.chance(0.4) ? template.names[1]! : template.names[0]!).map((n) => n.replace('{town}', demoTown.name));
      const hasEnglish = random.chance(0.8);
      const enStatus: TranslationStatus = random.chance(0.2) ? 'machine' : 'reviewed';
      const isOutdated = hasEnglish && random.chance(0.12);
      const extraLocales = random.chance(0.45) ? random.sample(OTHER_LOCALES, random.int(1, 3)) : [];
      const text = (pair: ItEn, options: { translate?: boolean; composed?: (l: Locale) => string | undefined; outdated?: boolean } = {}): TranslatedText => {
        const values: Partial<Record<Locale, { value: string; status?: TranslationStatus }>> = { it: { value: pair[0] } };
        if (hasEnglish && options.translate !== false) values.en = { value: pair[1], status: options.outdated ? 'outdated' : enStatus };
        for (const locale of extraLocales) {
          const value = options.composed?.(locale);
          if (value) values[locale] = { value, status: random.chance(0.3) ? 'machine' : 'reviewed' };
        }
        return demoText(values, at);
      };
      const eligibility = template.eligibility ?? random.pick(ELIGIBILITY);
      const created = daysAgo(random.int(200, 720));
      const roll = random.next();
      const state: WorkflowState = roll < 0.84 ? 'published' : roll < 0.9 ? 'draft' : roll < 0.95 ? 'in_review' : 'archived';
      const staleRoll = random.next();
      const verified = staleRoll < 0.12 ? daysAgo(random.int(200, 500)) : staleRoll < 0.15 ? null : daysAgo(random.int(3, 150));
      const updated = new Date(Math.max(created.getTime(), (verified ?? created).getTime() - random.int(0, 20) * DAY));
      rows.services.push({
        id,
        organization_id: owner.id,
        region_code: regionCode,
        name: text([nameIt!, nameEn!], { composed: (l) => `${need.name[l]?.value ?? nameIt} – ${demoTown.name}` }),
        description: text(template.description, { composed: (l) => need.description[l]?.value, outdated: isOutdated }),
        eligibility_description: text(eligibility, { translate: random.chance(0.85) }),
        application_process: text(random.pick(ACCESS)),
        fees_description: template.isFree ? null : text(template.fees!),
        interpretation_services: template.languages ? text(['Mediatori linguistici su richiesta.', 'Language mediators on request.']) : null,
        alert: random.chance(0.05) ? text(random.pick(ALERTS)) : null,
        status: random.chance(0.03) ? 'temporarily closed' : 'active',
        is_free: template.isFree,
        minimum_age: template.ages?.[0] ?? null,
        maximum_age: template.ages?.[1] ?? null,
        url: `https://${owner.slug}.example.org/servizi/${serial}`,
        email: `sportello${serial}@${owner.slug}.example.org`,
        workflow_state: state,
        original_locale: 'it',
        last_verified_at: verified,
        assured_date: verified ? verified.toISOString().slice(0, 10) : null,
        verification_reminded_at: verified && staleRoll < 0.12 && random.chance(0.5) ? daysAgo(random.int(1, 60)) : null,
        created_at: created,
        updated_at: updated,
      });
      ownerServiceCount.set(owner.id, (ownerServiceCount.get(owner.id) ?? 0) + 1);
      rows.attributes.push({ id: stableUuid(`demo/attribute/${serial}`), link_id: id, link_entity: 'service', link_type: 'need', taxonomy_term_id: need.id });

      const docs = template.documents.slice(0, random.int(Math.min(2, template.documents.length), template.documents.length));
      docs.forEach((key, position) =>
        rows.documents.push({ id: stableUuid(`demo/document/${serial}/${position}`), service_id: id, document: text(DEMO_DOCUMENTS[key], { translate: random.chance(0.9) }), position }),
      );
      const spoken = new Set(['it', ...random.sample(template.languages ?? SPOKEN, random.int(1, template.languages ? 5 : 3))]);
      [...spoken].sort().forEach((code) => rows.languages.push({ id: stableUuid(`demo/language/${serial}/${code}`), service_id: id, code, name: input.languageNames.get(code) ?? code }));
      rows.phones.push({
        id: stableUuid(`demo/phone/${serial}`),
        service_id: id,
        number: `+39 ${demoTown.areaCode} 000 ${String(1000 + ((serial * 37) % 9000)).padStart(4, '0')}`,
        type: 'voice',
        description: text(['Segreteria', 'Front desk']),
        position: 0,
      });
      const pattern = random.pick(template.hours);
      hoursOf(pattern).forEach((h, index) =>
        rows.schedules.push({ id: stableUuid(`demo/schedule/${serial}/${index}`), service_id: id, freq: 'WEEKLY', interval: 1, byday: h.day, opens_at: h.opens, closes_at: h.closes }),
      );
      if (pattern !== 'always' && random.chance(0.35)) {
        for (const [index, e] of random.sample(EXCEPTIONS, random.int(1, 3)).entries()) {
          rows.exceptions.push({
            id: stableUuid(`demo/exception/${serial}/${index}`),
            service_id: id,
            starts_on: e.startsOn,
            ends_on: e.endsOn,
            is_closed: e.isClosed,
            opens_at: e.opensAt ?? null,
            closes_at: e.closesAt ?? null,
            reason: text(e.reason),
          });
        }
      }

      const placeKey = `${owner.id}/${town.municipalityCode}`;
      const known = locationsByOwnerTown.get(placeKey) ?? [];
      let locationId = known.length && random.chance(0.55) ? random.pick(known) : null;
      if (!locationId) {
        locationId = stableUuid(`demo/location/${serial}`);
        const street = random.pick(DEMO_STREETS);
        const number = random.int(1, 120);
        rows.locations.push({
          id: locationId,
          location_type: 'physical',
          organization_id: owner.id,
          region_code: regionCode,
          municipality_code: town.municipalityCode,
          name: demoText({ it: { value: `Sede di ${street} ${number}` }, en: { value: `Office at ${street} ${number}` } }, at),
          transportation: random.chance(0.7) ? demoText({ it: { value: 'Autobus urbani, fermata a pochi passi.' }, en: { value: 'City buses, stop a short walk away.' } }, at) : null,
          latitude: Math.round((demoTown.latitude + (random.next() - 0.5) * 0.016) * 1e6) / 1e6,
          longitude: Math.round((demoTown.longitude + (random.next() - 0.5) * 0.02) * 1e6) / 1e6,
          original_locale: 'it',
          created_at: created,
          updated_at: created,
        });
        rows.addresses.push({
          id: stableUuid(`demo/address/${serial}`),
          location_id: locationId,
          address_1: `${street} ${number}`,
          city: demoTown.name,
          region: input.regionNames[regionCode] ?? null,
          state_province: demoTown.carCode,
          postal_code: demoTown.postalCode,
          country: 'IT',
          address_type: 'physical',
        });
        if (random.chance(0.7)) {
          rows.accessibility.push({
            id: stableUuid(`demo/accessibility/${serial}`),
            location_id: locationId,
            description: demoText({ it: { value: 'Ingresso senza gradini e bagno accessibile.' }, en: { value: 'Step-free entrance and accessible toilet.' } }, at),
          });
        }
        locationsByOwnerTown.set(placeKey, [...known, locationId]);
      }
      rows.serviceAtLocations.push({ id: stableUuid(`demo/sal/${serial}`), service_id: id, location_id: locationId });
      const author = { updated_by: 'Redazione demo', last_action_date: created.toISOString().slice(0, 10), recorded_at: created };
      rows.metadata.push({ id: stableUuid(`demo/meta/${serial}/create`), resource_id: id, resource_type: 'service', last_action_type: 'create', field_name: 'name.it', previous_value: '', replacement_value: nameIt!, ...author });
      if (verified) {
        rows.metadata.push({
          id: stableUuid(`demo/meta/${serial}/verify`),
          resource_id: id,
          resource_type: 'service',
          last_action_type: 'verify',
          field_name: 'last_verified_at',
          previous_value: '',
          replacement_value: verified.toISOString(),
          updated_by: 'Redazione demo',
          last_action_date: verified.toISOString().slice(0, 10),
          recorded_at: verified,
        });
      }
    }
  }
  // The organisations whose operators log in to the demo get work to do: one service in review, one draft.
  for (const account of input.accountOrganisations.filter((a) => a.type === 'municipality')) {
    const mine = rows.services.filter((s) => owners.rows.find((o) => o.id === s.organization_id)?.account_organisation_id === account.id);
    if (mine[0]) mine[0].workflow_state = 'in_review';
    if (mine[1]) mine[1].workflow_state = 'draft';
  }
  return { organisations: owners.rows, ...rows };
}
