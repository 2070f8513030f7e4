import { firstLine, readCsv } from './csv-reader.ts';
import type { SourceFormat } from './types.ts';

/** What a file looks like: its format, separator and header cells. */
export interface DetectedFormat {
  format: SourceFormat;
  separator: string;
  header: string[];
}

/** The separators a tidy CSV may use. */
export const TIDY_SEPARATORS = [',', ';', '\t'] as const;

function countOutsideQuotes(line: string, separator: string): number {
  let count = 0;
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === separator && !inQuotes) count++;
  }
  return count;
}

/** The separator of a header line: the most frequent of `,` `;` and tab outside quotes (`,` when none). */
export function guessSeparator(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const separator of TIDY_SEPARATORS) {
    const count = countOutsideQuotes(line, separator);
    if (count > bestCount) [best, bestCount] = [separator, count];
  }
  return best;
}

/** Whether a header is the legacy I.Stat export: code/label column pairs, then "Value", "Flag Codes", "Flags". */
export function isIstatLegacyHeader(header: string[]): boolean {
  const names = header.map((h) => h.trim());
  const value = names.findIndex((h) => /^(value|valore)$/i.test(h));
  if (value < 2 || value % 2 !== 0) return false;
  const hasFlags = names.slice(value + 1).some((h) => /^flag codes$/i.test(h));
  const hasTime = names.some((h, i) => i < value && i % 2 === 0 && /^(TIME|TIME_PERIOD)$/.test(h));
  return hasFlags || hasTime;
}

/**
 * Tells the format from the first line: `DATAFLOW` first → SDMX-CSV 1.0 (separator: the character after it),
 * `STRUCTURE` first → SDMX-CSV 2.0 (likewise, after an optional `[sub-separator]`), code/label pairs with
 * "Value" → the legacy I.Stat export, anything else → a tidy CSV.
 */
export function detectFormat(text: string): DetectedFormat {
  const line = firstLine(text);
  const unquoted = line.replace(/^"([^"]*)"/, '$1');
  const sdmx = /^(DATAFLOW|STRUCTURE)(\[[^\]]\])?(.)/.exec(unquoted);
  if (sdmx) {
    const separator = sdmx[3]!;
    const header = readHeader(text, line, separator);
    return { format: sdmx[1] === 'DATAFLOW' ? 'sdmx-csv-1' : 'sdmx-csv-2', separator, header };
  }
  const separator = guessSeparator(line);
  const header = readHeader(text, line, separator);
  return { format: isIstatLegacyHeader(header) ? 'istat-legacy' : 'tidy-csv', separator, header };
}

function readHeader(text: string, line: string, separator: string): string[] {
  try {
    return readCsv(text, separator).next().value?.cells.map((c: string) => c.trim()) ?? [];
  } catch {
    return line.split(separator).map((c) => c.trim());
  }
}
