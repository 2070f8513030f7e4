/** One CSV record: its raw cells and the line of the file where it starts (1-based). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/** A quoted field that never closes: the file was cut or is not CSV. */
export class UnterminatedQuoteError extends Error {
  constructor(
    readonly line: number,
    readonly cellIndex: number,
  ) {
    super(`Unterminated quoted field starting at line ${line}, cell ${cellIndex + 1}`);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Reads RFC 4180 CSV lazily, record by record, with the line each record starts on: quoted fields,
 * doubled quotes, separators and line breaks inside quotes, CRLF or LF. A UTF-8 BOM is skipped.
 * A blank line yields a record with one empty cell (callers skip it).
 */
export function* readCsv(text: string, separator: string): Generator<CsvRecord> {
  if (separator.length !== 1 || separator === '"' || separator === '\n' || separator === '\r') {
    throw new Error(`readCsv: bad separator ${JSON.stringify(separator)}`);
  }
  const sep = separator.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const recordLine = line;
    const cells: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        value = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) throw new UnterminatedQuoteError(recordLine, cells.length);
          line += countNewlines(text, j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += text.slice(j, q);
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the next separator is kept, as spreadsheets do.
        const rest = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === sep || c === LF || c === CR) break;
          i++;
        }
        if (i > rest) value += text.slice(rest, i);
      } else {
        const from = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === sep || c === LF || c === CR) break;
          i++;
        }
        value = text.slice(from, i);
      }
      cells.push(value);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === sep) {
        i++;
        if (i >= n) {
          cells.push('');
          break;
        }
        continue;
      }
      // End of record: CRLF, LF or a lone CR.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    yield { cells, line: recordLine };
  }
}

/** The first physical line of a text, without its line break (and without a BOM). */
export function firstLine(text: string): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.search(/\r|\n/);
  return text.slice(start, end === -1 ? text.length : end);
}

/** Whether a record is a blank line. */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.cells.length === 1 && record.cells[0]!.trim() === '';
}
