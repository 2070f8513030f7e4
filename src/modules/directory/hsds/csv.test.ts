import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, formatCsv, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and a byte order mark', () => {
    const text = '\uFEFFid,number,description\r\n1,"""+44 1234""","a, b\nc"\n2,,plain\r\n';
    expect(parseCsv(text)).toEqual([
      { cells: ['id', 'number', 'description'], line: 1 },
      { cells: ['1', '"+44 1234"', 'a, b\nc'], line: 2 },
      { cells: ['2', '', 'plain'], line: 4 },
    ]);
  });

  it('keeps spaces inside fields and reads a last line without a line end', () => {
    expect(parseCsv('a,b\n x ,"y "')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: [' x ', 'y '], line: 2 },
    ]);
  });

  it('names the line of a broken quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(new CsvSyntaxError('line 2: a quoted field is never closed'));
    expect(() => parseCsv('a\nx"y')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('a\n"x"y')).toThrow(/line 2: text after the closing quote/);
  });
});

describe('formatCsv', () => {
  it('quotes only what needs quoting, ends lines with CRLF, and reads back the same', () => {
    const rows = [['1', 'a, b', '"quoted"', ' padded', 'line\nbreak', '']];
    const text = formatCsv(['id', 'x', 'y', 'z', 'w', 'v'], rows);
    expect(text).toBe('id,x,y,z,w,v\r\n1,"a, b","""quoted"""," padded","line\nbreak",\r\n');
    expect(parseCsv(text).map((r) => r.cells)).toEqual([['id', 'x', 'y', 'z', 'w', 'v'], ...rows]);
  });
});
