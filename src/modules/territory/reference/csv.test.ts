import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('splits simple rows on the separator and CRLF, ignoring the trailing newline', () => {
    expect(parseCsv('a;b;c\r\n1;2;3\r\n', ';')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts LF and lone CR line endings and a missing final newline', () => {
    expect(parseCsv('a,b\n1,2\r3,4', ',')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty fields, padding spaces and blank lines', () => {
    expect(parseCsv(';x; 001 ;\n\nz', ';')).toEqual([['', 'x', ' 001 ', ''], [''], ['z']]);
  });

  it('handles quoted fields with separators, escaped quotes and embedded newlines', () => {
    const text = '"Codice dell\'Unità \n(valida)";"say ""hi""";"a;b"\r\n"x\r\ny";"";z\r\n';
    expect(parseCsv(text, ';')).toEqual([
      ["Codice dell'Unità \n(valida)", 'say "hi"', 'a;b'],
      ['x\r\ny', '', 'z'],
    ]);
  });

  it('keeps a final row made of one empty quoted field', () => {
    expect(parseCsv('a\n""', ',')).toEqual([['a'], ['']]);
  });

  it('keeps quotes that appear inside unquoted fields literally', () => {
    expect(parseCsv('ab"c,d', ',')).toEqual([['ab"c', 'd']]);
  });

  it('strips a leading byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b', ',')).toEqual([['a', 'b']]);
  });

  it('returns no rows for empty text', () => {
    expect(parseCsv('', ';')).toEqual([]);
  });

  it('throws on an unterminated quoted field', () => {
    expect(() => parseCsv('a;"b\nc', ';')).toThrow(/unterminated quoted field/);
  });

  it('rejects an invalid separator', () => {
    expect(() => parseCsv('a', ';;')).toThrow(/separator/);
    expect(() => parseCsv('a', '"')).toThrow(/separator/);
  });
});
