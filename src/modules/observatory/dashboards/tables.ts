// The data behind every chart as a plain table: the page shows it, and the CSV/JSON exports serialise it, so
// the numbers downloaded are the numbers shown (suppressed cells included).
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { IndicatorDefinition } from '../indicators/definitions.ts';

/** One value of a table; suppressed values are withheld everywhere (page, chart, exports). */
export interface Cell {
  value: number | null;
  isSuppressed: boolean;
}

/** A table: a caption, the heading of its row labels, its columns and its rows. */
export interface DataTable {
  caption: string;
  rowHeading: string;
  /** A column may have its own unit (a planning table mixes people, services and rates). */
  columns: { key: string; label: string; unit?: Unit }[];
  rows: { key: string; label: string; cells: Cell[] }[];
  unit: Unit;
}

/** What a value counts: the indicators' units, plus services (whole numbers) and rates per 10,000. */
export type Unit = IndicatorDefinition['unit'] | 'services' | 'per_10000';

/** The unit of a table's column. */
export function unitOf(table: DataTable, column: number): Unit {
  return table.columns[column]?.unit ?? table.unit;
}

/** Formats a value for people to read, in their language (whole numbers for persons, one decimal otherwise). */
export function formatValue(value: number, unit: Unit, locale: Locale): string {
  const digits = unit === 'persons' || unit === 'services' ? 0 : 1;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** A value for machines: persons as whole numbers, others rounded to three decimals. */
export function exportValue(value: number, unit: Unit): number {
  return unit === 'persons' || unit === 'services' ? Math.round(value) : Math.round(value * 1000) / 1000;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV (comma-separated, UTF-8): codes and labels of the rows, one column per table column. */
export function tableToCsv(table: DataTable, suppressedMark: string): string {
  const lines = [['code', table.rowHeading, ...table.columns.map((c) => c.label)]];
  for (const row of table.rows) {
    lines.push([row.key, row.label, ...row.cells.map((c, i) => (c.isSuppressed ? suppressedMark : c.value === null ? '' : String(exportValue(c.value, unitOf(table, i)))))]);
  }
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The table as JSON: one record per cell, suppressed values as null with `suppressed: true`. */
export function tableToJson(table: DataTable, meta: Record<string, unknown>): Record<string, unknown> {
  return {
    ...meta,
    caption: table.caption,
    unit: table.unit,
    columns: table.columns,
    rows: table.rows.map((r) => ({
      code: r.key,
      label: r.label,
      values: Object.fromEntries(r.cells.map((c, i) => [table.columns[i]!.key, c.isSuppressed || c.value === null ? null : exportValue(c.value, unitOf(table, i))])),
      suppressed: r.cells.flatMap((c, i) => (c.isSuppressed ? [table.columns[i]!.key] : [])),
    })),
  };
}
