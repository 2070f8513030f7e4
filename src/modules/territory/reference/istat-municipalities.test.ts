import { describe, expect, it } from 'vitest';
import { loadIstatMunicipalities, parseIstatMunicipalities } from './istat-municipalities.ts';

const ref = loadIstatMunicipalities();
const municipality = (code: string) => ref.municipalities.find((m) => m.code === code);
const province = (code: string) => ref.provinces.find((p) => p.code === code);

describe('loadIstatMunicipalities (ISTAT list, November 2023)', () => {
  it('finds 20 regions, 107 provinces/UTS and 7,901 municipalities', () => {
    expect(ref.regions).toHaveLength(20);
    expect(ref.provinces).toHaveLength(107);
    expect(ref.municipalities).toHaveLength(7901);
  });

  it('returns each list sorted by code, without duplicates', () => {
    for (const list of [ref.regions, ref.provinces, ref.municipalities]) {
      const codes = list.map((x) => x.code);
      expect(codes).toEqual([...codes].sort());
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  it('puts Bologna 037006 in the metropolitan city 237 of Emilia-Romagna 08, as a capital', () => {
    expect(municipality('037006')).toEqual({
      code: '037006',
      name: 'Bologna',
      nameOther: null,
      provinceCode: '237',
      regionCode: '08',
      cadastralCode: 'A944',
      isProvinceCapital: true,
    });
    expect(province('237')).toEqual({
      code: '237',
      historicCode: '037',
      name: 'Bologna',
      regionCode: '08',
      kind: 'metropolitan_city',
      carCode: 'BO',
      nuts3: 'ITH55',
    });
    expect(ref.regions.find((r) => r.code === '08')).toEqual({ code: '08', name: 'Emilia-Romagna', nuts2: 'ITH5' });
  });

  it('decodes Windows-1252 accents and letters outside Latin-1', () => {
    expect(municipality('001001')?.name).toBe('Agliè');
    expect(municipality('040012')?.name).toBe('Forlì');
    // Š (0x8A) and ž (0x9E) exist in Windows-1252 but not in ISO-8859-1.
    expect(municipality('031019')?.nameOther).toBe('Števerjan');
    expect(municipality('032001')?.nameOther).toBe('Devin Nabrežina');
    expect(ref.regions.find((r) => r.code === '04')?.name).toBe('Trentino-Alto Adige/Südtirol');
  });

  it('reads the bilingual name columns (South Tyrol)', () => {
    expect(municipality('021008')).toMatchObject({ name: 'Bolzano', nameOther: 'Bozen', provinceCode: '021' });
    const southTyrol = ref.municipalities.filter((m) => m.provinceCode === '021');
    expect(southTyrol).toHaveLength(116);
    expect(southTyrol.every((m) => m.nameOther !== null)).toBe(true);
    expect(province('021')).toMatchObject({ name: 'Bolzano/Bozen', kind: 'autonomous_province', carCode: 'BZ' });
  });

  it('gives Sicily 19 nine UTS: three metropolitan cities and six free consortia', () => {
    const sicily = ref.provinces.filter((p) => p.regionCode === '19');
    expect(sicily.map((p) => p.code)).toEqual(['081', '084', '085', '086', '088', '089', '282', '283', '287']);
    expect(sicily.filter((p) => p.kind === 'metropolitan_city').map((p) => p.name)).toEqual([
      'Palermo',
      'Messina',
      'Catania',
    ]);
    expect(sicily.filter((p) => p.kind === 'free_consortium')).toHaveLength(6);
  });

  it('maps every ISTAT UTS type to a kind', () => {
    const count = (kind: string) => ref.provinces.filter((p) => p.kind === kind).length;
    expect(count('province')).toBe(81);
    expect(count('metropolitan_city')).toBe(14);
    expect(count('autonomous_province')).toBe(2);
    expect(count('free_consortium')).toBe(6);
    // Type 5 in this edition: the four former provinces of Friuli-Venezia Giulia (abolished 2017-2018).
    const nonAdministrative = ref.provinces.filter((p) => p.kind === 'non_administrative_unit');
    expect(nonAdministrative.map((p) => p.carCode).sort()).toEqual(['GO', 'PN', 'TS', 'UD']);
    expect(nonAdministrative.every((p) => p.regionCode === '06')).toBe(true);
  });

  it('keeps Sardinia in the 2016 layout (090, 091, 095, 111, 292)', () => {
    expect(ref.provinces.filter((p) => p.regionCode === '20').map((p) => p.code)).toEqual([
      '090',
      '091',
      '095',
      '111',
      '292',
    ]);
  });

  it('uses NUTS 2021 codes, with both NUTS2 codes for Trentino-Alto Adige', () => {
    expect(ref.regions.find((r) => r.code === '04')?.nuts2).toBe('ITH1,ITH2');
    expect(ref.regions.filter((r) => r.code !== '04').every((r) => /^IT[A-Z]\d$/.test(r.nuts2))).toBe(true);
    expect(province('021')?.nuts3).toBe('ITH10');
  });

  it('links every municipality to an existing province in the same region', () => {
    const provinces = new Map(ref.provinces.map((p) => [p.code, p]));
    const regionCodes = new Set(ref.regions.map((r) => r.code));
    for (const m of ref.municipalities) {
      expect(provinces.get(m.provinceCode)?.regionCode).toBe(m.regionCode);
      expect(regionCodes.has(m.regionCode)).toBe(true);
    }
    expect(new Set(ref.municipalities.map((m) => m.cadastralCode)).size).toBe(7901);
  });

  it('flags province capitals, including the three of Barletta-Andria-Trani', () => {
    const capitals = ref.municipalities.filter((m) => m.isProvinceCapital);
    expect(capitals).toHaveLength(109);
    expect(capitals.filter((m) => m.provinceCode === '110').map((m) => m.name).sort()).toEqual([
      'Andria',
      'Barletta',
      'Trani',
    ]);
  });
});

/** The real header of the November 2023 edition (column order and wording as published). */
const HEADER = [
  'Codice Regione',
  "Codice dell'Unità territoriale sovracomunale \n(valida a fini statistici)",
  'Codice Provincia (Storico)(1)',
  'Progressivo del Comune (2)',
  'Codice Comune formato alfanumerico',
  'Denominazione (Italiana e straniera)',
  'Denominazione in italiano',
  'Denominazione altra lingua',
  'Codice Ripartizione Geografica',
  'Ripartizione geografica',
  'Denominazione Regione',
  "Denominazione dell'Unità territoriale sovracomunale \n(valida a fini statistici)",
  'Tipologia di Unità territoriale sovracomunale ',
  'Flag Comune capoluogo di provincia/città metropolitana/libero consorzio',
  'Sigla automobilistica',
  'Codice Catastale del comune',
  'Codice NUTS2 2010 (3) ',
  'Codice NUTS3 2010',
  'Codice NUTS2 2021 (3) ',
  'Codice NUTS3 2021',
];
const BOLOGNA = ['08', '237', '037', ' 006 ', '037006', 'Bologna', 'Bologna', '', '2', 'Nord-est', 'Emilia-Romagna', 'Bologna', '3', '1', 'BO', 'A944', 'ITH5', 'ITH55', 'ITH5', 'ITH55'];

/** Builds a Windows-1252 CSV (Latin-1 is a subset for these characters) with columns in reverse order. */
function fixture(header: string[], ...rows: string[][]): Buffer {
  const quote = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [header, ...rows].map((cells) => [...cells].reverse().map(quote).join(';'));
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

describe('parseIstatMunicipalities', () => {
  it('finds columns by header name, whatever their position', () => {
    const ref = parseIstatMunicipalities(fixture(HEADER, BOLOGNA));
    expect(ref.regions).toEqual([{ code: '08', name: 'Emilia-Romagna', nuts2: 'ITH5' }]);
    expect(ref.provinces.map((p) => p.code)).toEqual(['237']);
    expect(ref.municipalities[0]).toMatchObject({ code: '037006', provinceCode: '237', isProvinceCapital: true });
  });

  it('throws an error naming a missing column', () => {
    const index = HEADER.indexOf('Sigla automobilistica');
    const header = HEADER.filter((_, i) => i !== index);
    const row = BOLOGNA.filter((_, i) => i !== index);
    expect(() => parseIstatMunicipalities(fixture(header, row))).toThrow(/missing column "Sigla automobilistica"/);
  });

  it('throws on an unknown UTS type and on a malformed code', () => {
    const kind = HEADER.indexOf('Tipologia di Unità territoriale sovracomunale ');
    const badKind = BOLOGNA.map((cell, i) => (i === kind ? '9' : cell));
    expect(() => parseIstatMunicipalities(fixture(HEADER, badKind))).toThrow(/unknown "Tipologia.*"9"/);
    const badCode = BOLOGNA.map((cell, i) => (i === 4 ? '37006' : cell));
    expect(() => parseIstatMunicipalities(fixture(HEADER, badCode))).toThrow(/Codice Comune formato alfanumerico/);
  });

  it('throws when rows disagree about a province', () => {
    const other = [...BOLOGNA];
    other[4] = '037001';
    other[HEADER.indexOf('Sigla automobilistica')] = 'XX';
    expect(() => parseIstatMunicipalities(fixture(HEADER, BOLOGNA, other))).toThrow(/province\/UTS 237 is inconsistent/);
  });
});
