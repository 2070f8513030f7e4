import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { CubeLayout, DimensionSpec, RawObservation } from './cube.ts';
import { dataRecords, type IssueSink } from './records.ts';
import { dimensionIdOf } from './roles.ts';
import type { ParsedSource } from './sdmx-csv.ts';
import type { DimensionRole, TextEncoding } from './types.ts';
import type { DecimalMark } from './values.ts';

/** What one column of a tidy CSV holds. */
export type ColumnUse = 'dimension' | 'time' | 'value' | 'status' | 'label' | 'ignore';

/** How one column is read. */
export interface TidyColumnMapping {
  column: string;
  use: ColumnUse;
  /** For a dimension: what it means (not `time`). */
  role?: Exclude<DimensionRole, 'time'>;
  /** For a dimension: its id (default: the column name, made an identifier). */
  dimension?: string;
  /** For a label column: the dimension column whose codes it names. */
  labelOf?: string;
  /** For one of several value columns: the code of its measure (default: the column name, made an identifier). */
  code?: string;
  /** For a dimension: the codes allowed, or `citizenship` (ISO alpha-2 and ISTAT's areas). */
  codelist?: 'citizenship' | string[];
}

/** A column-to-dimension mapping for a tidy CSV. */
export interface TidyMapping {
  encoding?: 'auto' | TextEncoding;
  decimal?: DecimalMark;
  /** Language of the header and label columns (default Italian). */
  labelLocale?: Locale;
  columns: TidyColumnMapping[];
}

/** A fault in a mapping, named by field: `columns.<n>.<what>` or `mapping`. */
export interface MappingProblem {
  field: string;
  messageKey: string;
  values?: Record<string, string | number>;
}

/** The dimension several value columns become. */
export const MEASURE_DIMENSION = 'MEASURE';

/** Checks a mapping against a header; answers every problem (empty when the mapping is usable). */
export function checkTidyMapping(mapping: TidyMapping, header: string[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const used = mapping.columns.filter((c) => c.use !== 'ignore');
  mapping.columns.forEach((c, i) => {
    if (!header.includes(c.column)) problems.push({ field: `columns.${i}.column`, messageKey: 'observatory.staff.mapping.unknownColumn', values: { column: c.column } });
    if (c.use === 'label' && !used.some((d) => d.use === 'dimension' && d.column === c.labelOf)) {
      problems.push({ field: `columns.${i}.labelOf`, messageKey: 'observatory.staff.mapping.labelOfDimension', values: { column: c.column } });
    }
  });
  const times = used.filter((c) => c.use === 'time').length;
  if (times !== 1) problems.push({ field: 'mapping', messageKey: times === 0 ? 'observatory.staff.mapping.noTime' : 'observatory.staff.mapping.manyTimes' });
  const values = used.filter((c) => c.use === 'value');
  if (values.length === 0) problems.push({ field: 'mapping', messageKey: 'observatory.staff.mapping.noValue' });
  const ids = dimensionIds(mapping);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push({ field: 'mapping', messageKey: 'observatory.staff.mapping.duplicateDimension', values: { dimension: id } });
    seen.add(id);
  }
  if (values.length > 1 && seen.has(MEASURE_DIMENSION)) problems.push({ field: 'mapping', messageKey: 'observatory.staff.mapping.duplicateDimension', values: { dimension: MEASURE_DIMENSION } });
  return problems;
}

function dimensionIds(mapping: TidyMapping): string[] {
  return mapping.columns.filter((c) => c.use === 'dimension').map((c) => c.dimension?.trim() || dimensionIdOf(c.column));
}

/** Reads a tidy CSV through its mapping; several value columns become codes of a `MEASURE` dimension. */
export function readTidyCsv(text: string, separator: string, mapping: TidyMapping, sink: IssueSink, codelists: { citizenship: ReadonlySet<string> }): ParsedSource {
  const state: { header: string[] | null } = { header: null };
  const records = dataRecords(text, separator, sink, state);
  const first = records.next();
  const locale = mapping.labelLocale ?? 'it';
  const header = state.header ?? [];
  const at = (column: string | undefined) => (column === undefined ? -1 : header.indexOf(column));
  const dimensionColumns = mapping.columns.filter((c) => c.use === 'dimension');
  const valueColumns = mapping.columns.filter((c) => c.use === 'value');
  const timeColumn = mapping.columns.find((c) => c.use === 'time');
  const statusColumn = mapping.columns.find((c) => c.use === 'status');
  const labelColumns = new Map(mapping.columns.filter((c) => c.use === 'label' && c.labelOf).map((c) => [c.labelOf!, at(c.column)]));
  const isMeasured = valueColumns.length > 1;
  const measureCodes = valueColumns.map((c) => c.code?.trim() || dimensionIdOf(c.column));

  const dimensions: DimensionSpec[] = dimensionColumns.map((c) => ({
    id: c.dimension?.trim() || dimensionIdOf(c.column),
    role: c.role ?? 'other',
    labels: { [locale]: c.column },
    codelist: c.codelist === 'citizenship' ? codelists.citizenship : Array.isArray(c.codelist) ? new Set(c.codelist) : undefined,
  }));
  if (isMeasured) dimensions.push({ id: MEASURE_DIMENSION, role: 'other', labels: { it: 'Misura', en: 'Measure' } });
  const layout: CubeLayout = {
    format: 'tidy-csv',
    separator,
    structureId: null,
    labelLocale: locale,
    dimensions,
    time: { id: timeColumn ? dimensionIdOf(timeColumn.column) : 'TIME', labels: timeColumn ? { [locale]: timeColumn.column } : {} },
    attributeIds: [],
  };
  const dimensionAt = dimensionColumns.map((c) => at(c.column));
  const labelAt = dimensionColumns.map((c) => labelColumns.get(c.column) ?? -1);
  const valueAt = valueColumns.map((c) => at(c.column));
  const timeAt = at(timeColumn?.column);
  const statusAt = at(statusColumn?.column);

  function* observations(): Generator<RawObservation> {
    if (first.done || timeAt === -1 || valueAt.length === 0 || valueAt.includes(-1) || dimensionAt.includes(-1)) return;
    for (let record: { cells: string[]; line: number } | undefined = first.value; record; ) {
      const cells = record.cells;
      const codes = dimensionAt.map((i) => cells[i]!);
      const codeLabels = labelAt.map((i) => (i === -1 ? undefined : cells[i]));
      valueAt.forEach((i, k) => {
        if (cells[i]!.trim() === '') return; // an empty cell is a missing observation, not a zero
        pending.push({
          line: record!.line,
          codes: isMeasured ? [...codes, measureCodes[k]!] : codes,
          codeLabels: isMeasured ? [...codeLabels, valueColumns[k]!.column] : codeLabels,
          time: cells[timeAt]!,
          value: cells[i]!,
          status: statusAt === -1 ? '' : cells[statusAt]!,
          attributes: null,
          valueColumn: valueColumns[k]!.column,
        });
      });
      yield* pending;
      pending.length = 0;
      const next = records.next();
      record = next.done ? undefined : next.value;
    }
  }
  const pending: RawObservation[] = [];
  return { layout, structureName: null, observations: observations() };
}
