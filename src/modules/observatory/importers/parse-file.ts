import { buildCube, type ParsedCube, type TerritoryResolver } from './cube.ts';
import { readCsv } from './csv-reader.ts';
import { decodeBytes } from './decode.ts';
import { detectFormat, type DetectedFormat } from './detect-format.ts';
import { readIstatLegacy } from './istat-legacy.ts';
import { IssueSink } from './records.ts';
import { readSdmxCsv, type ParsedSource } from './sdmx-csv.ts';
import { readTidyCsv, type TidyMapping } from './tidy-csv.ts';
import { FileReadError, type SourceFormat, type TextEncoding } from './types.ts';

/** What reading a file needs besides its bytes. */
export interface ParseOptions {
  /** Forces a format; detected from the first line otherwise. */
  format?: SourceFormat;
  /** Required for a tidy CSV. */
  mapping?: TidyMapping;
  resolveTerritory: TerritoryResolver;
  /** ISO alpha-2 codes and ISTAT's citizenship areas, for mappings that ask to check citizenship codes. */
  citizenshipCodes: ReadonlySet<string>;
  maxIssues?: number;
}

/** A file read whole: the cube, the name it gives itself and what was detected. */
export interface ParsedFile extends ParsedCube {
  structureName: string | null;
  detected: DetectedFormat;
}

/** Format, separator, encoding and header of a file, without reading it all (for the preview and mapping form). */
export function sniffFile(bytes: Uint8Array, format?: SourceFormat): DetectedFormat & { encoding: TextEncoding | null } {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024));
  const detected = detectFormat(head);
  const effective = format ?? detected.format;
  try {
    const { encoding, text } = decodeBytes(bytes, { encoding: 'auto', allowWindows1252: effective === 'tidy-csv' });
    return { ...detectFormat(text.slice(0, 64 * 1024)), format: effective, encoding };
  } catch (error) {
    if (error instanceof FileReadError) return { ...detected, format: effective, encoding: null };
    throw error;
  }
}

/** The first rows of a file as text, for the upload page (read leniently: even a broken file shows something). */
export function previewFile(bytes: Uint8Array, format: SourceFormat, maxRows = 10): { header: string[]; rows: string[][]; separator: string; encoding: TextEncoding | null } {
  let text: string;
  let encoding: TextEncoding | null;
  // Cut at a line break, never inside a character.
  const head = bytes.length <= 256 * 1024 ? bytes : bytes.subarray(0, bytes.subarray(0, 256 * 1024).lastIndexOf(10) + 1);
  try {
    ({ text, encoding } = decodeBytes(head, { encoding: 'auto', allowWindows1252: format === 'tidy-csv' }));
  } catch {
    text = new TextDecoder('utf-8').decode(head);
    encoding = null;
  }
  const detected = detectFormat(text);
  const records: string[][] = [];
  try {
    for (const record of readCsv(text, detected.separator)) {
      records.push(record.cells);
      if (records.length > maxRows) break;
    }
  } catch {
    // An unterminated quote in the first rows: show what was read.
  }
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h.trim()), rows, separator: detected.separator, encoding };
}

function emptyCube(detected: DetectedFormat, encoding: TextEncoding, sink: IssueSink): ParsedFile {
  return {
    layout: { format: detected.format, separator: detected.separator, structureId: null, labelLocale: 'it', dimensions: [], time: { id: 'TIME', labels: {} }, attributeIds: [] },
    encoding,
    dimensions: [],
    rowCount: 0,
    codeIdx: new Int32Array(0),
    timeIdx: new Int32Array(0),
    times: [],
    values: new Float64Array(0),
    statusIdx: new Int32Array(0),
    statuses: [],
    attrIdx: new Int32Array(0),
    attrs: [],
    lines: new Int32Array(0),
    issues: sink.issues,
    issueCount: sink.count,
    structureName: null,
    detected,
  };
}

/** Reads and checks a whole file (SDMX-CSV 1.0/2.0, legacy I.Stat, tidy CSV); the issues say why it must be refused. */
export async function parseFile(bytes: Uint8Array, options: ParseOptions): Promise<ParsedFile> {
  const sink = new IssueSink(options.maxIssues ?? 200);
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024));
  let detected = detectFormat(head);
  const format = options.format ?? detected.format;
  if (bytes.length === 0 || head.trim() === '') {
    sink.add({ kind: 'empty-file', row: 1 });
    return emptyCube({ ...detected, format }, 'utf-8', sink);
  }
  let text: string;
  let encoding: TextEncoding;
  try {
    ({ text, encoding } = decodeBytes(bytes, { encoding: options.mapping?.encoding ?? 'auto', allowWindows1252: format === 'tidy-csv' }));
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    sink.add(error.issue);
    return emptyCube({ ...detected, format }, 'utf-8', sink);
  }
  detected = { ...detectFormat(text), format };
  let source: ParsedSource;
  if (format === 'sdmx-csv-1' || format === 'sdmx-csv-2') source = readSdmxCsv(text, detected.separator, format === 'sdmx-csv-1' ? 1 : 2, sink);
  else if (format === 'istat-legacy') source = readIstatLegacy(text, detected.separator, sink);
  else {
    if (!options.mapping) throw new Error('A tidy CSV needs a column mapping');
    source = readTidyCsv(text, detected.separator, options.mapping, sink, { citizenship: options.citizenshipCodes });
  }
  const cube = await buildCube(source.layout, source.observations, sink, { resolveTerritory: options.resolveTerritory, decimal: options.mapping?.decimal, encoding });
  if (cube.rowCount === 0 && cube.issueCount === 0) {
    sink.add({ kind: 'empty-file', row: 2 });
    cube.issueCount = sink.count;
  }
  return { ...cube, structureName: source.structureName, detected };
}
