import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { IssueSink } from './records.ts';
import { findDuplicates } from './duplicates.ts';
import { parseNumber, normaliseTime, type DecimalMark } from './values.ts';
import { excerpt, type DimensionRole, type ImportIssue, type Labels, type SourceFormat, type TextEncoding } from './types.ts';

/** Where a territory code lies in Italy's administrative map. */
export type TerritoryLevel = 'country' | 'macro_area' | 'region' | 'autonomous_province' | 'province' | 'municipality';

/** A territory code resolved to the foundation's regions, provinces and municipalities. */
export interface TerritoryRef {
  level: TerritoryLevel;
  regionCode: string | null;
  provinceCode: string | null;
  municipalityCode: string | null;
  name: string;
}

/** Resolves a territory code (ITTER107, ISTAT region/province/municipality code) or answers null. */
export type TerritoryResolver = (code: string) => TerritoryRef | null;

/** A dimension as a parser understood it from the header. */
export interface DimensionSpec {
  id: string;
  role: DimensionRole;
  labels: Labels;
  /** When given, every code must belong to it. */
  codelist?: ReadonlySet<string>;
}

/** A file's structure: its dimensions (time apart), attributes and where it comes from. */
export interface CubeLayout {
  format: SourceFormat;
  separator: string;
  /** SDMX dataflow, e.g. `IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0)`, or null. */
  structureId: string | null;
  /** The language of the labels the file carries. */
  labelLocale: Locale;
  dimensions: DimensionSpec[];
  time: { id: string; labels: Labels };
  attributeIds: string[];
}

/** One observation as a parser read it from a record. */
export interface RawObservation {
  line: number;
  codes: string[];
  /** Labels of the codes, when the file has them (legacy pairs, SDMX `labels=both`). */
  codeLabels: (string | undefined)[] | null;
  time: string;
  value: string;
  status: string;
  /** Aligned with `layout.attributeIds`. */
  attributes: string[] | null;
  /** The column the value came from, when the format has several. */
  valueColumn?: string;
}

/** A dimension with the distinct codes the file uses, in order of appearance. */
export interface CubeDimension extends DimensionSpec {
  codes: string[];
  codeLabels: (string | undefined)[];
  /** For territory dimensions: each code resolved. */
  territories: (TerritoryRef | null)[] | null;
}

/** A whole file read and checked, its observations packed in typed arrays (one entry per row). */
export interface ParsedCube {
  layout: CubeLayout;
  encoding: TextEncoding;
  dimensions: CubeDimension[];
  rowCount: number;
  /** rowCount × dimensions.length indexes into each dimension's codes. */
  codeIdx: Int32Array;
  timeIdx: Int32Array;
  times: string[];
  /** NaN where the file has no value. */
  values: Float64Array;
  statusIdx: Int32Array;
  statuses: string[];
  attrIdx: Int32Array;
  /** Attribute objects as JSON. */
  attrs: string[];
  lines: Int32Array;
  issues: ImportIssue[];
  issueCount: number;
}

class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  readonly firstLines: number[] = [];

  add(value: string, line: number): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.firstLines.push(line);
      this.index.set(value, i);
    }
    return i;
  }
}

function grow<T extends Int32Array | Float64Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/** What the builder needs besides the rows. */
export interface BuildOptions {
  resolveTerritory: TerritoryResolver;
  decimal?: DecimalMark;
  encoding: TextEncoding;
}

/** How many observations are read between two pauses that let the process serve other requests. */
const ROWS_PER_SLICE = 20_000;

/**
 * Reads observations into a packed cube, checking numbers, times, codes, territories and duplicate keys.
 * Pauses every few thousand rows so that a large file does not stop the server from answering meanwhile.
 */
export async function buildCube(layout: CubeLayout, observations: Iterable<RawObservation>, sink: IssueSink, options: BuildOptions): Promise<ParsedCube> {
  const d = layout.dimensions.length;
  const codes = layout.dimensions.map(() => new Interner());
  const labels = layout.dimensions.map(() => [] as (string | undefined)[]);
  const times = new Interner();
  const statuses = new Interner();
  const attrs = new Interner();
  let capacity = 1024;
  let codeIdx = new Int32Array(capacity * d);
  let timeIdx = new Int32Array(capacity);
  let values = new Float64Array(capacity);
  let statusIdx = new Int32Array(capacity);
  let attrIdx = new Int32Array(capacity);
  let lines = new Int32Array(capacity);
  let n = 0;
  // Files repeat a handful of periods and runs of the same code: remember the last answers.
  const timeCache = new Map<string, string | null>();
  const lastCode: string[] = layout.dimensions.map(() => '\u0000');
  const lastIndex: number[] = layout.dimensions.map(() => -1);

  let sinceSlice = 0;
  for (const obs of observations) {
    if (++sinceSlice === ROWS_PER_SLICE) {
      sinceSlice = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (n === capacity) {
      capacity *= 2;
      codeIdx = grow(codeIdx, capacity * d);
      timeIdx = grow(timeIdx, capacity);
      values = grow(values, capacity);
      statusIdx = grow(statusIdx, capacity);
      attrIdx = grow(attrIdx, capacity);
      lines = grow(lines, capacity);
    }
    let isBad = false;
    for (let k = 0; k < d; k++) {
      const raw = obs.codes[k]!;
      if (raw === lastCode[k] && obs.codeLabels === null) {
        codeIdx[n * d + k] = lastIndex[k]!;
        continue;
      }
      const code = raw.trim();
      if (code === '') {
        sink.add({ kind: 'empty-code', row: obs.line, column: layout.dimensions[k]!.id });
        isBad = true;
        continue;
      }
      const i = codes[k]!.add(code, obs.line);
      lastCode[k] = raw;
      lastIndex[k] = i;
      codeIdx[n * d + k] = i;
      const label = obs.codeLabels?.[k]?.trim();
      if (label && labels[k]![i] === undefined) labels[k]![i] = label;
    }
    let time = timeCache.get(obs.time);
    if (time === undefined) {
      time = normaliseTime(obs.time);
      timeCache.set(obs.time, time);
    }
    if (time === null) {
      sink.add({ kind: 'bad-time', row: obs.line, column: layout.time.id, value: excerpt(obs.time) });
      isBad = true;
    }
    const value = parseNumber(obs.value, options.decimal);
    if (value === undefined) {
      sink.add({ kind: 'bad-number', row: obs.line, column: obs.valueColumn ?? valueColumn(layout), value: excerpt(obs.value) });
      isBad = true;
    }
    if (isBad) continue;
    timeIdx[n] = times.add(time!, obs.line);
    values[n] = value === null ? Number.NaN : value!;
    const status = obs.status.trim();
    statusIdx[n] = status === '' ? -1 : statuses.add(status, obs.line);
    attrIdx[n] = attributeIndex(layout, obs, attrs);
    lines[n] = obs.line;
    n++;
  }

  const dimensions: CubeDimension[] = layout.dimensions.map((spec, k) => {
    const interner = codes[k]!;
    let territories: (TerritoryRef | null)[] | null = null;
    if (spec.role === 'territory') {
      territories = interner.values.map((code, i) => {
        const ref = options.resolveTerritory(code);
        if (!ref) sink.add({ kind: 'unknown-territory', row: interner.firstLines[i]!, column: spec.id, value: excerpt(code) });
        return ref;
      });
    }
    if (spec.codelist) {
      interner.values.forEach((code, i) => {
        if (!spec.codelist!.has(code)) sink.add({ kind: 'unknown-code', row: interner.firstLines[i]!, column: spec.id, value: excerpt(code) });
      });
    }
    return { ...spec, codes: interner.values, codeLabels: interner.values.map((_, i) => labels[k]![i]), territories };
  });

  findDuplicates({ d, n, codeIdx, timeIdx, lines, cardinalities: [...codes.map((c) => c.values.length), times.values.length] }, sink);
  sink.issues.sort((a, b) => a.row - b.row);
  return {
    layout,
    encoding: options.encoding,
    dimensions,
    rowCount: n,
    codeIdx: codeIdx.subarray(0, n * d),
    timeIdx: timeIdx.subarray(0, n),
    times: times.values,
    values: values.subarray(0, n),
    statusIdx: statusIdx.subarray(0, n),
    statuses: statuses.values,
    attrIdx: attrIdx.subarray(0, n),
    attrs: attrs.values,
    lines: lines.subarray(0, n),
    issues: sink.issues,
    issueCount: sink.count,
  };
}

function valueColumn(layout: CubeLayout): string {
  return layout.format === 'istat-legacy' ? 'Value' : layout.format === 'tidy-csv' ? 'value' : 'OBS_VALUE';
}

function attributeIndex(layout: CubeLayout, obs: RawObservation, attrs: Interner): number {
  if (!obs.attributes || obs.attributes.every((v) => v === '')) return -1;
  let object: Record<string, string> | null = null;
  obs.attributes.forEach((value, i) => {
    const v = value.trim();
    if (v !== '') (object ??= {})[layout.attributeIds[i]!] = v;
  });
  return object ? attrs.add(JSON.stringify(object), obs.line) : -1;
}
