import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { pickText } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { Translate } from '../../../kernel/i18n/messages.ts';
import { directoryPlanning } from '../../directory/index.ts';
import { loadProvinceBoundaries, territory as territories } from '../../territory/index.ts';
import { renderChoroplethSvg } from '../dashboards/choropleth.ts';
import { labelIn, sourcesOf, type Panel, type Source } from '../dashboards/panels.ts';
import { formatValue, type DataTable } from '../dashboards/tables.ts';
import { findIndicator } from '../indicators/definitions.ts';
import type { IndicatorRow } from '../indicators/formulas.ts';
import { languagesOf } from '../planning/citizenship-languages.ts';
import { coverLanguages, rateServices } from '../planning/coverage.ts';
import { computeIndicator, type DatasetCache } from './compute-indicator.ts';

/** How many citizenships of a province count as its main ones. */
export const MAIN_CITIZENSHIPS = 5;

/** The panel keys of the planning view (their tables and charts are exported like every other). */
export const PLANNING_PANELS = { services: 'planning-services', needs: 'planning-needs', languages: 'planning-languages' } as const;

/** A citizenship among a province's main ones, and whether a service there speaks one of its languages. */
export interface MainCitizenship {
  code: string;
  name: string;
  people: number;
  languages: string[];
  isCovered: boolean;
}

/** What the planning view says about one province. */
export interface ProvincePlan {
  code: string;
  name: string;
  residents: number | null;
  services: number;
  perTenThousand: number | null;
  /** Names of the needs no published service of the province answers. */
  missingNeeds: string[];
  citizenships: MainCitizenship[];
  languageShare: number | null;
}

/** The planning view of a region: where services are missing for the people who live there. */
export interface Planning {
  regionCode: string;
  regionName: string;
  residentsYear: string | null;
  inflowsYear: string | null;
  directoryUpdatedAt: Date | null;
  regionPerTenThousand: number | null;
  provinces: ProvincePlan[];
  panels: (Panel & { mapSvg?: string })[];
}

function latestOf(rows: IndicatorRow[]): string | null {
  return rows.filter((r) => r.value !== null).map((r) => r.time).sort().pop() ?? null;
}

/**
 * Joins the latest foreign residents (ISTAT) and the main citizenships of the province's inflows for
 * international protection (the only citizenship figures by province the shipped files hold) with the
 * region's published directory: services per 10,000 foreign residents by province and need, the needs
 * without any service, and which main citizenships no service speaks a language of.
 */
export async function buildPlanning(options: { db: Db; actor: Actor | null; region: { code: string; name: string }; locale: Locale; t: Translate; suppressBelow: number }): Promise<Planning> {
  const { db, actor, region, locale, t, suppressBelow } = options;
  const regionCode = region.code;
  const cache: DatasetCache = new Map();
  const places = { kind: 'provinces' as const, regionCode };
  const [provinceList, residentsResult, inflowsResult, perNeed, perProvince, spoken, directoryUpdatedAt] = await Promise.all([
    territories.listProvinces(db, regionCode),
    computeIndicator({ db, actor, definition: findIndicator('foreign-residents')!, places, suppressBelow, cache }),
    computeIndicator({ db, actor, definition: findIndicator('protection-inflows-by-citizenship')!, places, suppressBelow, cache }),
    directoryPlanning.countPublishedServicesByProvinceAndNeed(db, { regionCode }),
    directoryPlanning.countPublishedServicesByProvince(db, { regionCode }),
    directoryPlanning.listLanguagesSpokenByProvince(db, { regionCode }),
    directoryPlanning.lastPublishedAt(db, { regionCode }),
  ]);
  const provinces = [...provinceList].sort((a, b) => a.name.localeCompare(b.name, locale));
  const needs = directoryPlanning.listTopNeeds().map((n) => ({ code: n.code, name: pickText(n.name, locale)?.value ?? n.code }));

  const residentsYear = residentsResult ? latestOf(residentsResult.rows) : null;
  const residents = new Map<string, number | null>(provinces.map((p) => [p.code, null]));
  for (const r of residentsResult?.rows ?? []) if (r.time === residentsYear && r.group === null && residents.has(r.place)) residents.set(r.place, r.isSuppressed ? null : r.value);

  // The main citizenships: the largest inflows of the latest year, small (suppressed) counts left out.
  const inflowsYear = inflowsResult ? latestOf(inflowsResult.rows) : null;
  const main = new Map<string, Map<string, number>>(provinces.map((p) => [p.code, new Map()]));
  for (const p of provinces) {
    const rows = (inflowsResult?.rows ?? [])
      .filter((r) => r.place === p.code && r.time === inflowsYear && r.group !== null && !r.isSuppressed && (r.value ?? 0) > 0)
      .sort((a, b) => b.value! - a.value! || a.group!.localeCompare(b.group!))
      .slice(0, MAIN_CITIZENSHIPS);
    for (const r of rows) main.get(p.code)!.set(r.group!, r.value!);
  }

  const rates = rateServices(perNeed, residents, needs.map((n) => n.code));
  const coverage = new Map(coverLanguages(main, spoken).map((c) => [c.provinceCode, c]));
  const totals = new Map(perProvince.map((p) => [p.provinceCode, p.services]));
  const spokenHere = (code: string) => new Set(spoken.filter((s) => s.provinceCode === code).map((s) => s.languageCode));
  const languageName = new Intl.DisplayNames([locale], { type: 'language' });
  const nameOfLanguage = (code: string) => {
    try {
      return languageName.of(code) ?? code;
    } catch {
      return code;
    }
  };

  const plans: ProvincePlan[] = provinces.map((p) => {
    const people = residents.get(p.code) ?? null;
    const services = totals.get(p.code) ?? 0;
    const here = spokenHere(p.code);
    return {
      code: p.code,
      name: p.name,
      residents: people,
      services,
      perTenThousand: people ? (services / people) * 10_000 : null,
      missingNeeds: rates.filter((r) => r.provinceCode === p.code && r.services === 0).map((r) => needs.find((n) => n.code === r.needCode)!.name),
      citizenships: [...(main.get(p.code) ?? new Map<string, number>())].map(([code, n]) => ({
        code,
        name: labelIn(inflowsResult?.groupLabels.get(code), locale, code),
        people: n,
        languages: languagesOf(code).map(nameOfLanguage),
        isCovered: languagesOf(code).some((l) => here.has(l)),
      })),
      languageShare: coverage.get(p.code)?.share ?? null,
    };
  });
  const knownResidents = plans.filter((p) => p.residents !== null);
  const residentsSum = knownResidents.reduce((s, p) => s + p.residents!, 0);
  const regionPerTenThousand = residentsSum > 0 ? (knownResidents.reduce((s, p) => s + p.services, 0) / residentsSum) * 10_000 : null;

  const directorySource: Source = { title: t('observatory.public.planning.directorySource'), attribution: 'Crocevia', licence: '', licenceUrl: null };
  const residentSources = residentsResult ? sourcesOf(residentsResult.datasets, locale) : [];
  const heading = t('observatory.public.table.province');
  const year = residentsYear ?? '';

  const servicesTitle = t('observatory.public.planning.services.title', { year });
  const servicesTable: DataTable = {
    caption: servicesTitle,
    rowHeading: heading,
    unit: 'per_10000',
    columns: [
      { key: 'residents', label: t('observatory.public.planning.services.residents', { year }), unit: 'persons' },
      { key: 'services', label: t('observatory.public.planning.services.count'), unit: 'services' },
      { key: 'per_10000', label: t('observatory.public.planning.services.rate') },
    ],
    rows: plans.map((p) => ({
      key: p.code,
      label: p.name,
      cells: [
        { value: p.residents, isSuppressed: false },
        { value: p.services, isSuppressed: false },
        { value: p.perTenThousand, isSuppressed: false },
      ],
    })),
  };
  const mapSvg = renderChoroplethSvg({
    title: servicesTitle,
    features: loadProvinceBoundaries().features.filter((f) => f.properties.regionCode === regionCode),
    values: new Map(plans.map((p) => [p.code, p.perTenThousand])),
    format: (v) => formatValue(v, 'per_10000', locale),
    missingLabel: t('observatory.public.map.missing'),
  });

  const needsTitle = t('observatory.public.planning.needs.title', { year });
  const needsTable: DataTable = {
    caption: needsTitle,
    rowHeading: heading,
    unit: 'per_10000',
    columns: needs.map((n) => ({ key: n.code, label: n.name })),
    rows: plans.map((p) => ({
      key: p.code,
      label: p.name,
      cells: needs.map((n) => ({ value: rates.find((r) => r.provinceCode === p.code && r.needCode === n.code)?.perTenThousand ?? null, isSuppressed: false })),
    })),
  };

  const languagesTitle = t('observatory.public.planning.languages.title', { year: inflowsYear ?? '' });
  const languagesTable: DataTable = {
    caption: languagesTitle,
    rowHeading: heading,
    unit: 'percent',
    columns: [
      { key: 'share', label: t('observatory.public.planning.languages.share') },
      { key: 'people', label: t('observatory.public.planning.languages.people'), unit: 'persons' },
      { key: 'reached', label: t('observatory.public.planning.languages.reached'), unit: 'persons' },
    ],
    rows: plans.map((p) => ({
      key: p.code,
      label: p.name,
      cells: [
        { value: p.languageShare, isSuppressed: false },
        { value: p.citizenships.length ? p.citizenships.reduce((s, c) => s + c.people, 0) : null, isSuppressed: false },
        { value: p.citizenships.length ? p.citizenships.filter((c) => c.isCovered).reduce((s, c) => s + c.people, 0) : null, isSuppressed: false },
      ],
    })),
  };

  const panels: Planning['panels'] = [
    { key: PLANNING_PANELS.services, title: servicesTitle, table: servicesTable, chart: null, mapSvg, sources: [...residentSources, directorySource], hasSuppressed: false },
    { key: PLANNING_PANELS.needs, title: needsTitle, table: needsTable, chart: null, sources: [...residentSources, directorySource], hasSuppressed: false },
    {
      key: PLANNING_PANELS.languages,
      title: languagesTitle,
      table: languagesTable,
      chart: { title: languagesTitle, locale, kind: 'bar', categories: plans.map((p) => p.name), series: [{ name: t('observatory.public.planning.languages.share'), values: plans.map((p) => p.languageShare) }] },
      sources: [...(inflowsResult ? sourcesOf(inflowsResult.datasets, locale) : []), directorySource],
      hasSuppressed: false,
    },
  ];
  return { regionCode, regionName: region.name, residentsYear, inflowsYear, directoryUpdatedAt, regionPerTenThousand, provinces: plans, panels };
}
