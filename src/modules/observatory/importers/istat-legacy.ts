import type { CubeLayout, DimensionSpec, RawObservation } from './cube.ts';
import { dataRecords, type IssueSink } from './records.ts';
import { guessLabelLocale, guessRole } from './roles.ts';
import { readHeaderOnly, type ParsedSource } from './sdmx-csv.ts';

/**
 * Reads the legacy I.Stat export: code and label columns in pairs (`ITTER107`,`Territory`, …, `TIME`,`Select time`),
 * then `Value`, `Flag Codes` (the status) and `Flags` (its label). Labels are in the export's language.
 */
export function readIstatLegacy(text: string, separator: string, sink: IssueSink): ParsedSource {
  const state: { header: string[] | null } = { header: null };
  const records = dataRecords(text, separator, sink, state);
  const first = records.next();
  const header = state.header ?? readHeaderOnly(text, separator);
  const valueAt = header.findIndex((h) => /^(value|valore)$/i.test(h));
  const flagAt = header.findIndex((h) => /^flag codes$/i.test(h));
  const timeAt = header.findIndex((h, i) => i % 2 === 0 && (valueAt === -1 || i < valueAt) && /^(TIME|TIME_PERIOD)$/.test(h));
  if (valueAt === -1) sink.add({ kind: 'missing-column', row: 1, column: 'Value' });
  if (timeAt === -1) sink.add({ kind: 'missing-column', row: 1, column: 'TIME' });
  const pairs: number[] = [];
  for (let i = 0; i + 1 < Math.max(valueAt, 0); i += 2) if (i !== timeAt) pairs.push(i);
  const labelLocale = guessLabelLocale(pairs.map((i) => header[i + 1] ?? '').concat(header[timeAt + 1] ?? ''));
  const dimensions: DimensionSpec[] = pairs.map((i) => ({ id: header[i]!, role: guessRole(header[i]!) === 'time' ? 'other' : guessRole(header[i]!), labels: { [labelLocale]: header[i + 1]! } }));
  const layout: CubeLayout = {
    format: 'istat-legacy',
    separator,
    structureId: null,
    labelLocale,
    dimensions,
    time: { id: header[timeAt] ?? 'TIME', labels: timeAt === -1 ? {} : { [labelLocale]: header[timeAt + 1]! } },
    attributeIds: [],
  };

  function* observations(): Generator<RawObservation> {
    if (valueAt === -1 || timeAt === -1 || first.done) return;
    for (let record: { cells: string[]; line: number } | undefined = first.value; record; ) {
      const cells = record.cells;
      yield {
        line: record.line,
        codes: pairs.map((i) => cells[i]!),
        codeLabels: pairs.map((i) => cells[i + 1]),
        time: cells[timeAt]!,
        value: cells[valueAt]!,
        status: flagAt === -1 ? '' : cells[flagAt]!,
        attributes: null,
      };
      const next = records.next();
      record = next.done ? undefined : next.value;
    }
  }
  return { layout, structureName: null, observations: observations() };
}
