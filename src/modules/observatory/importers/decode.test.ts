import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, firstInvalidUtf8 } from './decode.ts';
import { detectFormat } from './detect-format.ts';
import { FileReadError, type ImportIssue } from './types.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const issueOf = (fn: () => unknown): ImportIssue => {
  try {
    fn();
  } catch (error) {
    if (error instanceof FileReadError) return error.issue;
    throw error;
  }
  throw new Error('expected a FileReadError');
};

describe('decodeBytes', () => {
  it('reads UTF-8 with or without a BOM', () => {
    expect(decodeBytes(utf8('\uFEFFcittà,è\n'), { encoding: 'auto', allowWindows1252: false })).toEqual({ text: 'città,è\n', encoding: 'utf-8' });
    expect(decodeBytes(utf8('Forlì\n'), { encoding: 'utf-8', allowWindows1252: false }).text).toBe('Forlì\n');
  });

  it('refuses invalid UTF-8 naming the row and the column of the bad byte', () => {
    const bytes = new Uint8Array([...utf8('code,name,value\nIT,Italia,1\nITD5,Emilia-Romagna,'), 0xe8, ...utf8('\n')]);
    expect(firstInvalidUtf8(bytes)).toBe(bytes.length - 2);
    expect(issueOf(() => decodeBytes(bytes, { encoding: 'auto', allowWindows1252: false }))).toMatchObject({ kind: 'bad-encoding', row: 3, column: 'value' });
  });

  it('falls back to Windows-1252 where allowed, decoding 0x80-0x9F as the WHATWG table says', () => {
    const bytes = new Uint8Array([...utf8('nome;valore\n'), 0x80, 0x8a, 0x9c, 0xe0, ...utf8(';1\n')]);
    expect(decodeBytes(bytes, { encoding: 'auto', allowWindows1252: true })).toEqual({ text: 'nome;valore\n€Šœà;1\n', encoding: 'windows-1252' });
    // UTF-8 read as Windows-1252 by mistake turns "à" into "Ã" and a no-break space: refused as mojibake.
    expect(issueOf(() => decodeBytes(utf8('città\n'), { encoding: 'windows-1252', allowWindows1252: true }))).toMatchObject({ kind: 'mojibake', row: 1 });
  });

  it('refuses double-encoded text (mojibake), naming row and column', () => {
    const text = 'Regione,Nome\n08,Forlì-Cesena\n09,ForlÃ¬-Cesena\n';
    expect(issueOf(() => decodeBytes(utf8(text), { encoding: 'auto', allowWindows1252: true }))).toMatchObject({ kind: 'mojibake', row: 3, column: 'Nome' });
    expect(issueOf(() => decodeBytes(utf8('a,b\n1,l\u2019â€™x\n'), { encoding: 'auto', allowWindows1252: true }))).toMatchObject({ kind: 'mojibake', row: 2, column: 'b' });
  });
});

describe('detectFormat', () => {
  const shipped = (name: string) => readFileSync(new URL(`../assets/istat/${name}`, import.meta.url), 'utf8');

  it('recognises the shipped ISTAT files', () => {
    expect(detectFormat(shipped('DCIS_POPSTRBIL1_1_foreign_pop_balance_regions_provinces_2019-2023.csv'))).toMatchObject({ format: 'sdmx-csv-1', separator: ',' });
    expect(detectFormat(shipped('ISTAT_legacy_DCIS_PERMSOGG1_nonEU_inflows_intl_protection_by_province_2019-2023.csv'))).toMatchObject({ format: 'istat-legacy', separator: ',' });
  });

  it('takes the separator of SDMX-CSV from the character after DATAFLOW or STRUCTURE', () => {
    expect(detectFormat('DATAFLOW;FREQ;REF_AREA\n')).toMatchObject({ format: 'sdmx-csv-1', separator: ';', header: ['DATAFLOW', 'FREQ', 'REF_AREA'] });
    expect(detectFormat('STRUCTURE[|];STRUCTURE_ID;ACTION;REF_AREA\n')).toMatchObject({ format: 'sdmx-csv-2', separator: ';' });
    expect(detectFormat('STRUCTURE,STRUCTURE_ID,REF_AREA\n')).toMatchObject({ format: 'sdmx-csv-2', separator: ',' });
  });

  it('treats anything else as a tidy CSV and guesses its separator', () => {
    expect(detectFormat('Regione;Anno;"Valore; totale"\n')).toEqual({ format: 'tidy-csv', separator: ';', header: ['Regione', 'Anno', 'Valore; totale'] });
    expect(detectFormat('a,b\n')).toMatchObject({ format: 'tidy-csv', separator: ',' });
  });
});
