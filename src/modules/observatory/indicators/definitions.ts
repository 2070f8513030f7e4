// Built-in indicator definitions: data, not code. A definition names the measures it reads (a dataset and the
// codes that select its observations), the dimension it keeps besides place and time, and one formula from a
// small closed set (formulas.ts computes them). Bump `version` whenever a definition's meaning changes.

/** The observations one measure sums: a dataset (by key) and the codes selecting them. */
export interface MeasureDefinition {
  dataset: string;
  filters: Record<string, string[]>;
}

/** How an indicator is computed from its measures (per place, period and kept group). */
export type Formula =
  /** The measure's sum. */
  | { kind: 'sum'; measure: string }
  /** Percentage change of the measure from the previous period. */
  | { kind: 'change'; measure: string }
  /** numerator / denominator × per (e.g. per 1,000 residents). */
  | { kind: 'rate'; numerator: string; denominator: string; per: number }
  /** Each group's percentage of the sum of the groups. */
  | { kind: 'share'; measure: string }
  /** Share (%) of the top `top` groups in `total`, and the Herfindahl index (0-10,000) of the groups' shares of `total`. */
  | { kind: 'concentration'; measure: string; total: string; top: number };

/** Where an indicator can be computed. */
export type Coverage = 'all' | 'national' | 'regions';

/** An indicator: stable key, version, titles, unit, measures, kept dimension, formula. */
export interface IndicatorDefinition {
  key: string;
  version: number;
  title: { it: string; en: string };
  unit: 'persons' | 'percent' | 'per_1000' | 'index';
  measures: Record<string, MeasureDefinition>;
  /** The dimension kept as groups (e.g. SEX, the citizenship), besides place and time; null for none. */
  keep: string | null;
  /** Keep only groups whose code is a country (for citizenship dimensions). */
  isCountriesOnly?: boolean;
  formula: Formula;
  coverage: Coverage;
  /** Whether small counts must be suppressed below province level (data about few people). */
  isSuppressedInProvinces: boolean;
}

const POP = 'istat-popstrbil1';
const INFLOWS = 'istat-inflows-protection';
const PERMITS = 'istat-permsogg1';
const RECEPTION = 'reception-centres';
const residents = { dataset: POP, filters: { DATA_TYPE: ['FJAN'], SEX: ['9'] } };
const inflowsByCountry = { dataset: INFLOWS, filters: { SEXISTAT1: ['9'] } };
const inflowsTotal = { dataset: INFLOWS, filters: { SEXISTAT1: ['9'], ISO: ['WORLD'] } };

/** The built-in indicators, in the order dashboards show them. */
export const INDICATORS: IndicatorDefinition[] = [
  {
    key: 'foreign-residents', version: 1, unit: 'persons', coverage: 'all', isSuppressedInProvinces: false,
    title: { it: 'Stranieri residenti al 1° gennaio', en: 'Foreign residents on 1 January' },
    measures: { residents }, keep: null, formula: { kind: 'sum', measure: 'residents' },
  },
  {
    key: 'foreign-residents-change', version: 1, unit: 'percent', coverage: 'all', isSuppressedInProvinces: false,
    title: { it: 'Variazione annua degli stranieri residenti', en: 'Year-on-year change in foreign residents' },
    measures: { residents }, keep: null, formula: { kind: 'change', measure: 'residents' },
  },
  {
    key: 'net-migration-rate', version: 1, unit: 'per_1000', coverage: 'all', isSuppressedInProvinces: false,
    title: { it: 'Saldo migratorio con l\u2019estero per 1.000 stranieri residenti', en: 'Net international migration per 1,000 foreign residents' },
    measures: { net: { dataset: POP, filters: { DATA_TYPE: ['FINTNMIG'], SEX: ['9'] } }, residents },
    keep: null, formula: { kind: 'rate', numerator: 'net', denominator: 'residents', per: 1000 },
  },
  {
    key: 'citizenship-acquisition-rate', version: 1, unit: 'per_1000', coverage: 'all', isSuppressedInProvinces: false,
    title: { it: 'Acquisizioni di cittadinanza per 1.000 stranieri residenti', en: 'Acquisitions of citizenship per 1,000 foreign residents' },
    measures: { acquisitions: { dataset: POP, filters: { DATA_TYPE: ['ACQCITIZ'], SEX: ['9'] } }, residents },
    keep: null, formula: { kind: 'rate', numerator: 'acquisitions', denominator: 'residents', per: 1000 },
  },
  {
    key: 'residents-by-sex', version: 1, unit: 'percent', coverage: 'all', isSuppressedInProvinces: false,
    title: { it: 'Stranieri residenti per sesso (%)', en: 'Foreign residents by sex (%)' },
    measures: { residents: { dataset: POP, filters: { DATA_TYPE: ['FJAN'], SEX: ['1', '2'] } } },
    keep: 'SEX', formula: { kind: 'share', measure: 'residents' },
  },
  {
    key: 'protection-inflows', version: 1, unit: 'persons', coverage: 'all', isSuppressedInProvinces: true,
    title: { it: 'Ingressi di cittadini non Ue per protezione internazionale', en: 'Inflows of non-EU citizens for international protection' },
    measures: { inflows: inflowsTotal }, keep: null, formula: { kind: 'sum', measure: 'inflows' },
  },
  {
    key: 'protection-inflows-by-citizenship', version: 1, unit: 'persons', coverage: 'all', isSuppressedInProvinces: true,
    title: { it: 'Principali cittadinanze degli ingressi per protezione internazionale', en: 'Main citizenships of inflows for international protection' },
    measures: { inflows: inflowsByCountry }, keep: 'ISO', isCountriesOnly: true, formula: { kind: 'sum', measure: 'inflows' },
  },
  {
    key: 'citizenship-concentration', version: 1, unit: 'index', coverage: 'all', isSuppressedInProvinces: false,
    title: { it: 'Concentrazione delle cittadinanze degli ingressi (quota delle prime 5, indice di Herfindahl)', en: 'Concentration of inflow citizenships (share of the top 5, Herfindahl index)' },
    measures: { inflows: inflowsByCountry, total: inflowsTotal }, keep: 'ISO', isCountriesOnly: true,
    formula: { kind: 'concentration', measure: 'inflows', total: 'total', top: 5 },
  },
  {
    key: 'permits-by-type', version: 1, unit: 'persons', coverage: 'national', isSuppressedInProvinces: false,
    title: { it: 'Permessi di soggiorno validi per tipo', en: 'Valid residence permits by type' },
    measures: { permits: { dataset: PERMITS, filters: { SEX: ['9'], MOSTREL_CCITENSHIP: ['WORLD'], TYPE_RES_PERMIT: ['LONGT', 'NLONGT'] } } },
    keep: 'TYPE_RES_PERMIT', formula: { kind: 'sum', measure: 'permits' },
  },
  {
    key: 'reception', version: 1, unit: 'persons', coverage: 'regions', isSuppressedInProvinces: false,
    title: { it: 'Migranti presenti nel sistema di accoglienza', en: 'Migrants in the reception system' },
    measures: { present: { dataset: RECEPTION, filters: {} } }, keep: 'MEASURE', formula: { kind: 'sum', measure: 'present' },
  },
];

/** The built-in indicator with this key, or null. */
export function findIndicator(key: string): IndicatorDefinition | null {
  return INDICATORS.find((i) => i.key === key) ?? null;
}
