import { describe, expect, it } from 'vitest';
import { createTerritoryResolver } from '../reference/territory-resolver.ts';
import { loadItter107 } from '../reference/reference-data.ts';
import { parseFile, type ParseOptions } from './parse-file.ts';
import type { TidyMapping } from './tidy-csv.ts';

const resolveTerritory = createTerritoryResolver({
  itter107: loadItter107(),
  regions: [
    { code: '08', name: 'Emilia-Romagna' },
    { code: '19', name: 'Sicilia' },
  ],
  provinces: [{ code: '237', name: 'Bologna', regionCode: '08' }],
  municipalities: [],
});
const options: ParseOptions = { resolveTerritory, citizenshipCodes: new Set(['MA', 'AL', 'WORLD']) };
const bytes = (s: string) => new TextEncoder().encode(s);
const parse = (s: string | Uint8Array, extra: Partial<ParseOptions> = {}) => parseFile(typeof s === 'string' ? bytes(s) : s, { ...options, ...extra });
const rowsOf = (cube: Awaited<ReturnType<typeof parse>>) =>
  Array.from({ length: cube.rowCount }, (_, r) => [
    ...cube.dimensions.map((d, k) => d.codes[cube.codeIdx[r * cube.dimensions.length + k]!]),
    cube.times[cube.timeIdx[r]!],
    Number.isNaN(cube.values[r]!) ? null : cube.values[r],
    cube.statusIdx[r] === -1 ? null : cube.statuses[cube.statusIdx[r]!],
    cube.attrIdx[r] === -1 ? null : JSON.parse(cube.attrs[cube.attrIdx[r]!]!),
  ]);

const SDMX1 = `DATAFLOW,FREQ,REF_AREA,DATA_TYPE,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,NOTE_REF_AREA,UNIT_MULT
IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0),A,ITD5,FJAN,9,2022,562479,,FILTER__ITD5,
IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0),A,ITD55,FJAN,9,2023,122204,p,,
IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0),A,IT108,FJAN,1,2023,,,,
`;

describe('parseFile: SDMX-CSV', () => {
  it('reads SDMX-CSV 1.0: dimensions before OBS_VALUE, attributes after, OBS_STATUS as status', async () => {
    const cube = await parse(SDMX1);
    expect(cube.issues).toEqual([]);
    expect(cube.layout).toMatchObject({ format: 'sdmx-csv-1', structureId: 'IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0)', attributeIds: ['NOTE_REF_AREA', 'UNIT_MULT'] });
    expect(cube.dimensions.map((d) => [d.id, d.role])).toEqual([
      ['FREQ', 'other'],
      ['REF_AREA', 'territory'],
      ['DATA_TYPE', 'other'],
      ['SEX', 'sex'],
    ]);
    expect(rowsOf(cube)).toEqual([
      ['A', 'ITD5', 'FJAN', '9', '2022', 562479, null, { NOTE_REF_AREA: 'FILTER__ITD5' }],
      ['A', 'ITD55', 'FJAN', '9', '2023', 122204, 'p', null],
      ['A', 'IT108', 'FJAN', '1', '2023', null, null, null],
    ]);
    expect(cube.dimensions[1]!.territories!.map((t) => [t!.level, t!.regionCode, t!.provinceCode])).toEqual([
      ['region', '08', null],
      ['province', '08', '237'],
      ['province', '03', '108'],
    ]);
  });

  it('reads SDMX-CSV 2.0 with `;`, ACTION and labels=both, taking codes and their labels apart', async () => {
    const text = [
      'STRUCTURE;STRUCTURE_ID;ACTION;REF_AREA: Territorio;SEX: Sesso;TIME_PERIOD: Periodo;OBS_VALUE: Valore',
      'dataflow;IT1:DF_TEST(1.0): Stranieri residenti;I;ITD5: Emilia-Romagna;2: femmine;2023;300',
      'dataflow;IT1:DF_TEST(1.0): Stranieri residenti;A;ITD5: Emilia-Romagna;1: maschi;2023;280',
    ].join('\r\n');
    const cube = await parse(text);
    expect(cube.issues).toEqual([]);
    expect(cube.structureName).toBe('Stranieri residenti');
    expect(cube.layout).toMatchObject({ format: 'sdmx-csv-2', structureId: 'IT1:DF_TEST(1.0)', labelLocale: 'it' });
    expect(cube.dimensions.map((d) => [d.id, d.labels, d.codes, d.codeLabels])).toEqual([
      ['REF_AREA', { it: 'Territorio' }, ['ITD5'], ['Emilia-Romagna']],
      ['SEX', { it: 'Sesso' }, ['2', '1'], ['femmine', 'maschi']],
    ]);
    expect(rowsOf(cube).map((r) => r.slice(0, 4))).toEqual([
      ['ITD5', '2', '2023', 300],
      ['ITD5', '1', '2023', 280],
    ]);
  });

  it('refuses deletions (ACTION D), which a whole-file import cannot apply', async () => {
    const cube = await parse('STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE\ndataflow,X:Y(1.0),D,IT,2023,1\n');
    expect(cube.issues).toEqual([{ kind: 'unsupported-action', row: 2, column: 'ACTION', value: 'D' }]);
  });

  it('names the row and column of a bad number, an unknown territory, a bad time and a duplicate key', async () => {
    const text = `${SDMX1}IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0),A,ITD5,FJAN,9,2023,12.4.5,,,
IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0),A,ITZ99,FJAN,9,2023,1,,,
IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0),A,ITD5,FJAN,9,duemila,1,,,
IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0),A,ITD55,FJAN,9,2023,5,,,
`;
    const cube = await parse(text);
    expect(cube.issues).toEqual([
      { kind: 'bad-number', row: 5, column: 'OBS_VALUE', value: '12.4.5' },
      { kind: 'unknown-territory', row: 6, column: 'REF_AREA', value: 'ITZ99' },
      { kind: 'bad-time', row: 7, column: 'TIME_PERIOD', value: 'duemila' },
      { kind: 'duplicate-key', row: 8, otherRow: 3 },
    ]);
    expect(cube.issueCount).toBe(4);
  });

  it('refuses a truncated file and a file without OBS_VALUE', async () => {
    const cut = SDMX1.trimEnd() + '\nIT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0),A,ITD5,FJAN,2,20';
    expect((await parse(cut)).issues).toEqual([{ kind: 'truncated', row: 5, column: 'OBS_VALUE', expected: 10, value: '6' }]);
    expect((await parse('DATAFLOW,REF_AREA,TIME_PERIOD\nX,IT,2023\n')).issues).toEqual([{ kind: 'missing-column', row: 1, column: 'OBS_VALUE' }]);
    expect((await parse('')).issues).toEqual([{ kind: 'empty-file', row: 1 }]);
    expect((await parse('DATAFLOW,REF_AREA,TIME_PERIOD,OBS_VALUE\n')).issues).toEqual([{ kind: 'empty-file', row: 2 }]);
  });
});

describe('parseFile: legacy I.Stat export', () => {
  it('reads code/label pairs, the time pair and the flags', async () => {
    const text =
      '\uFEFF"ITTER107","Territory","SEXISTAT1","Gender","ISO","Most relevant Country of citizenship","TIME","Select time","Value","Flag Codes","Flags"\n' +
      '"ITD55","Bologna","1","males","MA","Morocco","2023","2023",120,,\n' +
      '"ITD55","Bologna","2","females","MA","Morocco","2023","2023",95,"e","estimated value"\n';
    const cube = await parse(text);
    expect(cube.issues).toEqual([]);
    expect(cube.layout).toMatchObject({ format: 'istat-legacy', labelLocale: 'en', time: { id: 'TIME', labels: { en: 'Select time' } } });
    expect(cube.dimensions.map((d) => [d.id, d.role, d.labels, d.codeLabels])).toEqual([
      ['ITTER107', 'territory', { en: 'Territory' }, ['Bologna']],
      ['SEXISTAT1', 'sex', { en: 'Gender' }, ['males', 'females']],
      ['ISO', 'citizenship', { en: 'Most relevant Country of citizenship' }, ['Morocco']],
    ]);
    expect(rowsOf(cube)).toEqual([
      ['ITD55', '1', 'MA', '2023', 120, null, null],
      ['ITD55', '2', 'MA', '2023', 95, 'e', null],
    ]);
  });
});

describe('parseFile: tidy CSV', () => {
  const mapping: TidyMapping = {
    decimal: ',',
    columns: [
      { column: 'Regione', use: 'label', labelOf: 'CodiceRegione' },
      { column: 'Data', use: 'time' },
      { column: 'Hotspot', use: 'value', code: 'HOTSPOT' },
      { column: 'Centri', use: 'value' },
      { column: 'CodiceRegione', use: 'dimension', role: 'territory' },
      { column: 'Paese', use: 'dimension', role: 'citizenship', codelist: 'citizenship' },
    ],
  };
  const win1252 = (s: string) => Uint8Array.from(s, (c) => (c === 'ì' ? 0xec : c.charCodeAt(0)));

  it('maps columns to dimensions; several value columns become a MEASURE dimension; empty cells are missing', async () => {
    const text = 'Regione;Data;Hotspot;Centri;CodiceRegione;Paese\nEmilia-Romagna;2019-09-30;;1.364,5;08;MA\nSicilia;30/09/2019;12;7;19;AL\n';
    const cube = await parse(win1252(text), { mapping, format: 'tidy-csv' });
    expect(cube.issues).toEqual([]);
    expect(cube.encoding).toBe('utf-8');
    expect(cube.dimensions.map((d) => [d.id, d.role, d.codes, d.codeLabels])).toEqual([
      ['CodiceRegione', 'territory', ['08', '19'], ['Emilia-Romagna', 'Sicilia']],
      ['Paese', 'citizenship', ['MA', 'AL'], [undefined, undefined]],
      ['MEASURE', 'other', ['Centri', 'HOTSPOT'], ['Centri', 'Hotspot']],
    ]);
    expect(rowsOf(cube).map((r) => r.slice(0, 5))).toEqual([
      ['08', 'MA', 'Centri', '2019-09-30', 1364.5],
      ['19', 'AL', 'HOTSPOT', '2019-09-30', 12],
      ['19', 'AL', 'Centri', '2019-09-30', 7],
    ]);
  });

  it('reads Windows-1252 and refuses codes outside the codelist and unknown regions', async () => {
    const text = 'Regione;Data;Hotspot;Centri;CodiceRegione;Paese\nForlì;2019-09-30;1;2;08;XX\nAltrove;2019-09-30;1;2;42;MA\n';
    const cube = await parse(win1252(text), { mapping, format: 'tidy-csv' });
    expect(cube.encoding).toBe('windows-1252');
    expect(cube.dimensions[0]!.codeLabels[0]).toBe('Forlì');
    expect(cube.issues).toEqual([
      { kind: 'unknown-code', row: 2, column: 'Paese', value: 'XX' },
      { kind: 'unknown-territory', row: 3, column: 'CodiceRegione', value: '42' },
    ]);
  });

  it('names the cell of a bad number with a decimal comma', async () => {
    const cube = await parse('Regione;Data;Hotspot;Centri;CodiceRegione;Paese\nX;2019-09-30;1,2,3;2;08;MA\n', { mapping, format: 'tidy-csv' });
    expect(cube.issues).toEqual([{ kind: 'bad-number', row: 2, column: 'Hotspot', value: '1,2,3' }]);
  });
});
