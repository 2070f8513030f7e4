import { isBlankRecord, readCsv, UnterminatedQuoteError, type CsvRecord } from './csv-reader.ts';
import type { ImportIssue } from './types.ts';

/** Collects a file's problems, keeping the first `max` and counting all. */
export class IssueSink {
  readonly issues: ImportIssue[] = [];
  count = 0;

  constructor(readonly max = 200) {}

  add(issue: ImportIssue): void {
    this.count++;
    if (this.issues.length < this.max) this.issues.push(issue);
  }
}

/**
 * The data records of a CSV after its header, each with exactly `header.length` cells. A short last record is
 * reported as a truncated file, any other record of the wrong width by its row; an unterminated quote ends the
 * reading with an issue naming the row and column where the quote opened. Blank lines are skipped.
 * The header (trimmed) is put in `state.header` as soon as it is read.
 */
export function* dataRecords(text: string, separator: string, sink: IssueSink, state: { header: string[] | null } = { header: null }): Generator<CsvRecord> {
  const records = readCsv(text, separator);
  let header: string[] | null = null;
  let pending: CsvRecord | null = null;
  const report = (record: CsvRecord, isLast: boolean) => {
    const width = header!.length;
    const isShort = record.cells.length < width;
    sink.add({
      kind: isLast && isShort ? 'truncated' : 'wrong-cell-count',
      row: record.line,
      column: isShort ? header![record.cells.length] : `#${width + 1}`,
      expected: width,
      value: String(record.cells.length),
    });
  };
  try {
    for (const record of records) {
      if (header === null) {
        header = record.cells.map((c) => c.trim());
        state.header = header;
        continue;
      }
      if (isBlankRecord(record)) continue;
      if (pending) {
        report(pending, false);
        pending = null;
      }
      if (record.cells.length !== header.length) {
        pending = record;
        continue;
      }
      yield record;
    }
    if (pending) report(pending, true);
  } catch (error) {
    if (!(error instanceof UnterminatedQuoteError)) throw error;
    if (pending) report(pending, false);
    sink.add({ kind: 'unterminated-quote', row: error.line, column: header?.[error.cellIndex] ?? `#${error.cellIndex + 1}` });
  }
}
