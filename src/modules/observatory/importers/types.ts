import type { Locale } from '../../../kernel/i18n/locales.ts';

/** What a dimension means, so that dashboards know which one is the territory, the sex, the citizenship… */
export const DIMENSION_ROLES = ['territory', 'time', 'sex', 'citizenship', 'age', 'permit', 'other'] as const;
export type DimensionRole = (typeof DIMENSION_ROLES)[number];

/** The file formats the observatory reads. */
export const SOURCE_FORMATS = ['sdmx-csv-1', 'sdmx-csv-2', 'istat-legacy', 'tidy-csv'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** The text encodings a file may be in. */
export type TextEncoding = 'utf-8' | 'windows-1252';

/** Labels of a code or a dimension, per language. */
export type Labels = Partial<Record<Locale, string>>;

/** Why a file is refused; each kind has a message `observatory.staff.issues.<kind>`. */
export const ISSUE_KINDS = [
  'empty-file',
  'bad-header',
  'missing-column',
  'bad-encoding',
  'mojibake',
  'unterminated-quote',
  'truncated',
  'wrong-cell-count',
  'bad-number',
  'bad-time',
  'empty-code',
  'unknown-territory',
  'unknown-code',
  'duplicate-key',
  'unsupported-action',
  'structure-mismatch',
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

/** One problem found in a file, at a row (1 = the header line) and, when known, a column. */
export interface ImportIssue {
  kind: IssueKind;
  /** Line of the file where the record starts (the header is line 1). */
  row: number;
  column?: string;
  /** The offending text, shortened. */
  value?: string;
  /** For duplicates: the row that first had the key. For cell counts: the cells expected. */
  expected?: number;
  otherRow?: number;
}

/** A problem that stops reading a file at once (encoding, quoting). */
export class FileReadError extends Error {
  constructor(readonly issue: ImportIssue) {
    super(`${issue.kind} at row ${issue.row}${issue.column ? `, column ${issue.column}` : ''}`);
  }
}

/** A file refused whole: every issue found (up to a cap) and how many there were. */
export class ImportRefusedError extends Error {
  constructor(
    readonly issues: ImportIssue[],
    readonly issueCount: number = issues.length,
  ) {
    const first = issues[0];
    super(first ? `File refused: ${first.kind} at row ${first.row}${first.column ? `, column ${first.column}` : ''} (${issueCount} problem${issueCount === 1 ? '' : 's'})` : 'File refused');
  }
}

/** Shortens a cell for a report. */
export function excerpt(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
