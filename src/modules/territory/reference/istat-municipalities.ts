import { readFileSync } from 'node:fs';
import { parseCsv } from './csv.ts';
import { decodeWindows1252 } from './windows-1252.ts';

/** An Italian region (regione), identified by its two-digit ISTAT code. */
export interface RegionRef {
  /** ISTAT region code, two digits, e.g. '08' (Emilia-Romagna). */
  code: string;
  name: string;
  /**
   * NUTS2 2021 code, e.g. 'ITH5'. Trentino-Alto Adige/Südtirol is not a NUTS2 unit (its two
   * autonomous provinces are), so for region '04' this holds both codes joined by a comma: 'ITH1,ITH2'.
   */
  nuts2: string;
}

/** ISTAT "Tipologia di Unità territoriale sovracomunale" (1..5) as a name. */
export type ProvinceKind =
  | 'province'
  | 'metropolitan_city'
  | 'free_consortium'
  | 'autonomous_province'
  | 'non_administrative_unit';

/** A supra-municipal territorial unit (UTS): province, metropolitan city, free consortium, ... */
export interface ProvinceRef {
  /** UTS code, three digits, e.g. '237' (Città metropolitana di Bologna). */
  code: string;
  /** 'Codice Provincia (Storico)', three digits, e.g. '037'; used by the Openpolis boundaries. */
  historicCode: string;
  name: string;
  regionCode: string;
  kind: ProvinceKind;
  /** Vehicle registration code (sigla automobilistica), e.g. 'BO'. */
  carCode: string;
  /** NUTS3 2021 code, e.g. 'ITH55'. */
  nuts3: string;
}

/** An Italian municipality (comune). */
export interface MunicipalityRef {
  /** ISTAT municipality code, six digits, e.g. '037006' (Bologna). */
  code: string;
  /** Italian name, e.g. 'Bolzano'. */
  name: string;
  /** Name in the other official language where there is one, e.g. 'Bozen'; otherwise null. */
  nameOther: string | null;
  /** UTS code of the province the municipality belongs to, e.g. '237'. */
  provinceCode: string;
  regionCode: string;
  /** Cadastral (Belfiore) code, e.g. 'A944'; used in the codice fiscale. */
  cadastralCode: string;
  /** True for the capital of a province, metropolitan city or free consortium. */
  isProvinceCapital: boolean;
}

/** Regions, provinces/UTS and municipalities parsed from the ISTAT list, each sorted by code. */
export interface IstatReference {
  regions: RegionRef[];
  provinces: ProvinceRef[];
  municipalities: MunicipalityRef[];
}

/** URL of the shipped ISTAT list (Windows-1252 CSV, November 2023 edition). */
export const ISTAT_MUNICIPALITIES_ASSET = new URL(
  '../assets/Elenco-comuni-italiani_2023-11_cp1252.csv',
  import.meta.url,
);

/** Stable header prefixes of the columns used, looked up by name (never by position). */
const COLUMNS = {
  regionCode: 'Codice Regione',
  provinceCode: "Codice dell'Unità territoriale sovracomunale",
  historicCode: 'Codice Provincia (Storico)',
  code: 'Codice Comune formato alfanumerico',
  name: 'Denominazione in italiano',
  nameOther: 'Denominazione altra lingua',
  regionName: 'Denominazione Regione',
  provinceName: "Denominazione dell'Unità territoriale sovracomunale",
  provinceKind: 'Tipologia di Unità territoriale sovracomunale',
  capital: 'Flag Comune capoluogo',
  carCode: 'Sigla automobilistica',
  cadastralCode: 'Codice Catastale',
  nuts2: 'Codice NUTS2 2021',
  nuts3: 'Codice NUTS3 2021',
} as const;

type Column = keyof typeof COLUMNS;

const KINDS: Record<string, ProvinceKind> = {
  '1': 'province',
  '2': 'autonomous_province',
  '3': 'metropolitan_city',
  '4': 'free_consortium',
  '5': 'non_administrative_unit',
};

const FORMATS: Partial<Record<Column, RegExp>> = {
  regionCode: /^\d{2}$/,
  provinceCode: /^\d{3}$/,
  historicCode: /^\d{3}$/,
  code: /^\d{6}$/,
  capital: /^[01]$/,
  carCode: /^[A-Z]{2}$/,
  cadastralCode: /^[A-Z]\d{3}$/,
  nuts2: /^IT[A-Z0-9]{2}$/,
  nuts3: /^IT[A-Z0-9]{3}$/,
};

const SOURCE = 'ISTAT municipalities CSV';

function normaliseHeader(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

function locateColumns(header: readonly string[]): Record<Column, number> {
  const normalised = header.map(normaliseHeader);
  const missing: string[] = [];
  const index = {} as Record<Column, number>;
  for (const [key, label] of Object.entries(COLUMNS) as [Column, string][]) {
    const prefix = normaliseHeader(label);
    const hits = normalised.flatMap((h, i) => (h.startsWith(prefix) ? [i] : []));
    if (hits.length > 1) {
      throw new Error(`${SOURCE}: column "${label}" is ambiguous (${hits.map((i) => JSON.stringify(header[i])).join(', ')})`);
    }
    if (hits[0] === undefined) missing.push(label);
    else index[key] = hits[0];
  }
  if (missing.length > 0) {
    throw new Error(`${SOURCE}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
  }
  return index;
}

function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Records `value` under `key`, throwing if a different value was already recorded. */
function remember<T>(map: Map<string, T>, key: string, value: T, what: string, line: number): void {
  const previous = map.get(key);
  if (previous === undefined) map.set(key, value);
  else if (JSON.stringify(previous) !== JSON.stringify(value)) {
    throw new Error(`${SOURCE}: record ${line}: ${what} ${key} is inconsistent with earlier rows`);
  }
}

/** Parses the ISTAT "Elenco comuni italiani" CSV (Windows-1252 bytes, `;`, CRLF) into regions, provinces and municipalities. */
export function parseIstatMunicipalities(buf: Buffer): IstatReference {
  const rows = parseCsv(decodeWindows1252(buf), ';');
  const header = rows[0];
  if (header === undefined) throw new Error(`${SOURCE}: file is empty`);
  const col = locateColumns(header);
  const width = Math.max(...Object.values(col)) + 1;

  const regions = new Map<string, { code: string; name: string }>();
  const nuts2ByRegion = new Map<string, Set<string>>();
  const provinces = new Map<string, ProvinceRef>();
  const municipalities = new Map<string, MunicipalityRef>();

  rows.slice(1).forEach((cells, i) => {
    const line = i + 2; // 1-based record number; the header is record 1 (it spans several physical lines)
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length < width) {
      throw new Error(`${SOURCE}: record ${line}: expected at least ${width} cells, got ${cells.length}`);
    }
    const v = (key: Column): string => {
      const value = (cells[col[key]] ?? '').trim();
      const format = FORMATS[key];
      if (format && !format.test(value)) {
        throw new Error(`${SOURCE}: record ${line}: invalid "${COLUMNS[key]}" value ${JSON.stringify(value)}`);
      }
      return value;
    };

    const regionCode = v('regionCode');
    const provinceCode = v('provinceCode');
    const code = v('code');
    const kindValue = v('provinceKind');
    const kind = KINDS[kindValue];
    if (kind === undefined) {
      throw new Error(`${SOURCE}: record ${line}: unknown "${COLUMNS.provinceKind}" value ${JSON.stringify(kindValue)}`);
    }

    remember(regions, regionCode, { code: regionCode, name: v('regionName') }, 'region', line);
    const nuts2 = nuts2ByRegion.get(regionCode) ?? new Set<string>();
    nuts2.add(v('nuts2'));
    nuts2ByRegion.set(regionCode, nuts2);

    const province: ProvinceRef = {
      code: provinceCode,
      historicCode: v('historicCode'),
      name: v('provinceName'),
      regionCode,
      kind,
      carCode: v('carCode'),
      nuts3: v('nuts3'),
    };
    remember(provinces, provinceCode, province, 'province/UTS', line);

    if (municipalities.has(code)) throw new Error(`${SOURCE}: record ${line}: duplicate municipality ${code}`);
    municipalities.set(code, {
      code,
      name: v('name'),
      nameOther: v('nameOther') || null,
      provinceCode,
      regionCode,
      cadastralCode: v('cadastralCode'),
      isProvinceCapital: v('capital') === '1',
    });
  });

  return {
    regions: [...regions.values()]
      .map((r) => ({ ...r, nuts2: [...(nuts2ByRegion.get(r.code) ?? [])].sort().join(',') }))
      .sort(byCode),
    provinces: [...provinces.values()].sort(byCode),
    municipalities: [...municipalities.values()].sort(byCode),
  };
}

/** Reads and parses the shipped ISTAT list (`assets/Elenco-comuni-italiani_2023-11_cp1252.csv`). */
export function loadIstatMunicipalities(): IstatReference {
  return parseIstatMunicipalities(readFileSync(ISTAT_MUNICIPALITIES_ASSET));
}
