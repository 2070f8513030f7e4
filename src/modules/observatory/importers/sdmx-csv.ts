import type { CubeLayout, DimensionSpec, RawObservation } from './cube.ts';
import { dataRecords, type IssueSink } from './records.ts';
import { guessLabelLocale, guessRole, splitCodeLabel } from './roles.ts';
import type { Labels } from './types.ts';

/** A parsed file's structure and its observations, read lazily. */
export interface ParsedSource {
  layout: CubeLayout;
  /** A name the file gives itself (SDMX `labels=both` dataflow name), if any. */
  structureName: string | null;
  observations: Iterable<RawObservation>;
}

// Columns of SDMX-CSV 2.0 that describe the message, not the data.
const MESSAGE_COLUMNS = new Set(['STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'SERIES_KEY', 'OBS_KEY', 'DATAFLOW']);

function idOf(headerCell: string): [string, string | undefined] {
  const [id, label] = splitCodeLabel(headerCell);
  return [id.replace(/\[.*\]$/, ''), label];
}

/**
 * Reads SDMX-CSV 1.0 (`DATAFLOW` first) or 2.0 (`STRUCTURE`, `STRUCTURE_ID`, optional `ACTION`): the columns
 * before `OBS_VALUE` (but `TIME_PERIOD`) are dimensions, those after are attributes, `OBS_STATUS` is the status.
 * Cells written `ID: Name` (`labels=both`) give codes their labels.
 */
export function readSdmxCsv(text: string, separator: string, version: 1 | 2, sink: IssueSink): ParsedSource {
  const state: { header: string[] | null } = { header: null };
  const records = dataRecords(text, separator, sink, state);
  const first = records.next();
  const header = state.header ?? readHeaderOnly(text, separator);
  const ids = header.map((h) => idOf(h));
  const hasLabels = header.some((h, i) => i > 0 && ids[i]![1] !== undefined);
  const labelLocale = guessLabelLocale(ids.map(([, label]) => label ?? ''));
  const col = (id: string) => ids.findIndex(([name]) => name === id);
  const valueAt = col('OBS_VALUE');
  const timeAt = col('TIME_PERIOD');
  const structureAt = version === 1 ? col('DATAFLOW') : col('STRUCTURE_ID');
  const actionAt = version === 2 ? col('ACTION') : -1;
  const statusAt = col('OBS_STATUS');
  const missing = [valueAt === -1 ? 'OBS_VALUE' : null, timeAt === -1 ? 'TIME_PERIOD' : null, structureAt === -1 ? (version === 1 ? 'DATAFLOW' : 'STRUCTURE_ID') : null].filter(Boolean) as string[];
  for (const column of missing) sink.add({ kind: 'missing-column', row: 1, column });

  const dimensionAt: number[] = [];
  const attributeAt: number[] = [];
  ids.forEach(([id], i) => {
    if (MESSAGE_COLUMNS.has(id) || i === valueAt || i === timeAt || i === statusAt) return;
    if (valueAt === -1 || i < valueAt) dimensionAt.push(i);
    else attributeAt.push(i);
  });
  const labelsOf = (i: number): Labels => (ids[i]![1] ? { [labelLocale]: ids[i]![1] } : {});
  const dimensions: DimensionSpec[] = dimensionAt.map((i) => ({ id: ids[i]![0], role: guessRole(ids[i]![0]) === 'time' ? 'other' : guessRole(ids[i]![0]), labels: labelsOf(i) }));
  const firstRow = first.done ? undefined : first.value.cells;
  const [structureId, structureName] = firstRow && structureAt !== -1 ? splitCodeLabel(firstRow[structureAt]!) : [null, undefined];
  const layout: CubeLayout = {
    format: version === 1 ? 'sdmx-csv-1' : 'sdmx-csv-2',
    separator,
    structureId: structureId || null,
    labelLocale,
    dimensions,
    time: { id: 'TIME_PERIOD', labels: timeAt === -1 ? {} : labelsOf(timeAt) },
    attributeIds: attributeAt.map((i) => ids[i]![0]),
  };

  function* observations(): Generator<RawObservation> {
    if (missing.length > 0 || first.done) return;
    let record: { cells: string[]; line: number } | undefined = first.value;
    for (; record; record = nextOf(records)) {
      const cells = record.cells;
      if (actionAt !== -1 && cells[actionAt]!.trim().toUpperCase() === 'D') {
        sink.add({ kind: 'unsupported-action', row: record.line, column: 'ACTION', value: 'D' });
        continue;
      }
      const split = hasLabels ? dimensionAt.map((i) => splitCodeLabel(cells[i]!)) : null;
      yield {
        line: record.line,
        codes: split ? split.map(([code]) => code) : dimensionAt.map((i) => cells[i]!),
        codeLabels: split ? split.map(([, label]) => label) : null,
        time: hasLabels ? splitCodeLabel(cells[timeAt]!)[0] : cells[timeAt]!,
        value: cells[valueAt]!,
        status: statusAt === -1 ? '' : hasLabels ? splitCodeLabel(cells[statusAt]!)[0] : cells[statusAt]!,
        attributes: attributeAt.length ? attributeAt.map((i) => (hasLabels ? splitCodeLabel(cells[i]!)[0] : cells[i]!)) : null,
      };
    }
  }
  return { layout, structureName: structureName ?? null, observations: observations() };
}

function nextOf<T>(iterator: Iterator<T>): T | undefined {
  const next = iterator.next();
  return next.done ? undefined : next.value;
}

/** The header of a file that has no data rows. */
export function readHeaderOnly(text: string, separator: string): string[] {
  const end = text.search(/\r|\n/);
  return (end === -1 ? text : text.slice(0, end)).replace(/^\uFEFF/, '').split(separator).map((c) => c.replace(/^"|"$/g, '').trim());
}
