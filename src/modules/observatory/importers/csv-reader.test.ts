import { describe, expect, it } from 'vitest';
import { readCsv, UnterminatedQuoteError } from './csv-reader.ts';
import { dataRecords, IssueSink } from './records.ts';

const all = (text: string, sep = ',') => [...readCsv(text, sep)].map((r) => [r.line, ...r.cells]);

describe('readCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM, numbering records by their first line', () => {
    expect(all('\uFEFFa,"b ""c""",d\r\n1,"x\ny",3\r\n4,5,6')).toEqual([
      [1, 'a', 'b "c"', 'd'],
      [2, '1', 'x\ny', '3'],
      [4, '4', '5', '6'],
    ]);
  });

  it('keeps a trailing empty cell and ignores a final newline', () => {
    expect(all('a;b;\n1;2;\n', ';')).toEqual([
      [1, 'a', 'b', ''],
      [2, '1', '2', ''],
    ]);
  });

  it('throws on an unterminated quote, naming the line where it opened and the cell', () => {
    const text = 'a,b,c\n1,2,3\n4,"five,6\n7,8,9\n';
    expect(() => all(text)).toThrow(UnterminatedQuoteError);
    try {
      all(text);
    } catch (error) {
      expect((error as UnterminatedQuoteError).line).toBe(3);
      expect((error as UnterminatedQuoteError).cellIndex).toBe(1);
    }
  });
});

describe('dataRecords', () => {
  it('reports a short last record as a truncated file and a short middle one by its row', () => {
    const sink = new IssueSink();
    const rows = [...dataRecords('a,b,c\n1,2,3\n4,5\n6,7,8\n9,10\n', ',', sink)].map((r) => r.line);
    expect(rows).toEqual([2, 4]);
    expect(sink.issues).toEqual([
      { kind: 'wrong-cell-count', row: 3, column: 'c', expected: 3, value: '2' },
      { kind: 'truncated', row: 5, column: 'c', expected: 3, value: '2' },
    ]);
  });

  it('turns an unterminated quote into an issue with the header name of its column', () => {
    const sink = new IssueSink();
    const rows = [...dataRecords('a,b,c\n1,2,3\n4,5,"six\n', ',', sink)];
    expect(rows).toHaveLength(1);
    expect(sink.issues).toEqual([{ kind: 'unterminated-quote', row: 3, column: 'c' }]);
  });

  it('skips blank lines', () => {
    const sink = new IssueSink();
    expect([...dataRecords('a,b\n\n1,2\n\n', ',', sink)].map((r) => r.cells)).toEqual([['1', '2']]);
    expect(sink.count).toBe(0);
  });
});
