import { readFileSync } from 'node:fs';
import { readCsv } from '../importers/csv-reader.ts';
import type { TerritoryLevel } from '../importers/cube.ts';
import type { Labels } from '../importers/types.ts';

/** One row of the shipped ITTER107 table: an ISTAT statistical territory code and where it lies today. */
export interface Itter107Entry {
  code: string;
  name: string;
  level: TerritoryLevel;
  /** ISTAT region code ('08'), null for Italy and the macro-areas. */
  regionCode: string | null;
  /** UTS code of the 2023 list ('237'), for provinces and the two autonomous provinces. */
  provinceCode: string | null;
  note: string;
}

/** A citizenship code that is not an ISO alpha-2 country: ISTAT's totals, areas and own country codes. */
export interface CitizenshipCode {
  code: string;
  kind: 'total' | 'area' | 'country' | 'stateless' | 'other';
  /** For ISTAT's own spellings of a country (UK, X95): the ISO alpha-2 code. */
  countryCode: string | null;
  labels: Labels;
  note: string;
}

/** A label ISTAT gives a code in one of its codelists (sex, data type, age class, …). */
export interface CodelistEntry {
  concept: string;
  code: string;
  labels: Labels;
  note: string;
}

const asset = (name: string) => new URL(`../assets/${name}`, import.meta.url);

function readRows(name: string): Record<string, string>[] {
  const [header, ...rows] = [...readCsv(readFileSync(asset(name), 'utf8'), ',')].map((r) => r.cells);
  if (!header) throw new Error(`${name} is empty`);
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

let itter107: Itter107Entry[] | null = null;
let citizenship: CitizenshipCode[] | null = null;
let codelists: CodelistEntry[] | null = null;

/** The ITTER107 → region/province table (assets/itter107.csv). */
export function loadItter107(): Itter107Entry[] {
  itter107 ??= readRows('itter107.csv').map((r) => ({
    code: r.code!,
    name: r.name!,
    level: r.level as TerritoryLevel,
    regionCode: r.region_code || null,
    provinceCode: r.province_code || null,
    note: r.note ?? '',
  }));
  return itter107;
}

/** ISTAT's citizenship totals and areas (assets/citizenship-codes.csv). */
export function loadCitizenshipCodes(): CitizenshipCode[] {
  citizenship ??= readRows('citizenship-codes.csv').map((r) => ({
    code: r.code!,
    kind: r.kind as CitizenshipCode['kind'],
    countryCode: r.country_code || null,
    labels: { it: r.label_it!, en: r.label_en! },
    note: r.note ?? '',
  }));
  return citizenship;
}

/** Labels of ISTAT codes used by the shipped dataflows (assets/istat-codelists.csv). */
export function loadIstatCodelists(): CodelistEntry[] {
  codelists ??= readRows('istat-codelists.csv').map((r) => ({ concept: r.concept!, code: r.code!, labels: { it: r.label_it!, en: r.label_en! }, note: r.note ?? '' }));
  return codelists;
}

/** Which codelist a dimension id uses. */
const CONCEPT_OF: Record<string, string> = {
  SEX: 'sex',
  SEXISTAT1: 'sex',
  SESSO: 'sex',
  FREQ: 'freq',
  DATA_TYPE: 'data_type',
  TIPO_DATO15: 'data_type',
  AGE: 'age',
  TYPE_RES_PERMIT: 'permit_type',
  TYPE_RES_PERMIT_REASON: 'permit_reason',
  MOTIVOPS1: 'permit_reason',
  ACQUISITION_PROCESS: 'acquisition',
  MARITAL_STATUS: 'marital_status',
  CHANGE_OF_RESIDENCE: 'change_of_residence',
  COUNTRY_PREV_RESID: 'country_of_residence',
  COUNTRY_NEXT_RESID: 'country_of_residence',
  OBS_STATUS: 'obs_status',
};

/** Labels of the dimensions of ISTAT's dataflows, by id. */
export const DIMENSION_LABELS: Record<string, Labels> = {
  REF_AREA: { it: 'Territorio', en: 'Territory' },
  ITTER107: { it: 'Territorio', en: 'Territory' },
  TERRITORY_NEXT_RESID: { it: 'Territorio di nuova residenza', en: 'Territory of next residence' },
  FREQ: { it: 'Frequenza', en: 'Frequency' },
  DATA_TYPE: { it: 'Tipo dato', en: 'Data type' },
  TIPO_DATO15: { it: 'Tipo dato', en: 'Data type' },
  SEX: { it: 'Sesso', en: 'Sex' },
  SEXISTAT1: { it: 'Sesso', en: 'Sex' },
  CITIZENSHIP: { it: 'Cittadinanza', en: 'Citizenship' },
  MOSTREL_CCITENSHIP: { it: 'Principali paesi di cittadinanza', en: 'Main countries of citizenship' },
  ISO: { it: 'Principali paesi di cittadinanza', en: 'Main countries of citizenship' },
  AGE: { it: 'Classe di età', en: 'Age class' },
  TYPE_RES_PERMIT: { it: 'Tipo di permesso', en: 'Type of residence permit' },
  TYPE_RES_PERMIT_REASON: { it: 'Motivo del permesso', en: 'Reason for the permit' },
  MOTIVOPS1: { it: 'Motivo del permesso', en: 'Reason for the permit' },
  ACQUISITION_PROCESS: { it: 'Modalità di acquisizione', en: 'Way of acquisition' },
  MARITAL_STATUS: { it: 'Stato civile', en: 'Marital status' },
  CHANGE_OF_RESIDENCE: { it: 'Tipo di trasferimento', en: 'Change of residence' },
  COUNTRY_PREV_RESID: { it: 'Paese di precedente residenza', en: 'Country of previous residence' },
  COUNTRY_NEXT_RESID: { it: 'Paese di nuova residenza', en: 'Country of next residence' },
  TIME_PERIOD: { it: 'Periodo', en: 'Time period' },
  TIME: { it: 'Periodo', en: 'Time period' },
};

let codelistIndex: Map<string, Labels> | null = null;

/** ISTAT's labels of a code of a dimension, or null when the codelist has none. */
export function istatLabelsOf(dimensionId: string, code: string): Labels | null {
  const concept = CONCEPT_OF[dimensionId];
  if (!concept) return null;
  codelistIndex ??= new Map(loadIstatCodelists().map((e) => [`${e.concept}\u0000${e.code}`, e.labels]));
  return codelistIndex.get(`${concept}\u0000${code}`) ?? null;
}
