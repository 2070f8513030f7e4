import { decodeWindows1252 } from '../../territory/index.ts';
import { readCsv } from './csv-reader.ts';
import { FileReadError, excerpt, type TextEncoding } from './types.ts';

/** A file's text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** How to read a file's bytes: as told, or UTF-8 with a fall-back to Windows-1252 where allowed. */
export interface DecodeOptions {
  encoding: 'auto' | TextEncoding;
  /** Tidy CSV may be Windows-1252; ISTAT's exports are always UTF-8. */
  allowWindows1252: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

// UTF-8 text that went through Windows-1252 and back: "Ã¨" for "è", "â€™" for "’", "Â°" for "°".
const MOJIBAKE =
  /Ã[\u00A0-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|Â[\u00A0-\u00BF]|â€[\u0080-\u00BF\u0153\u2018-\u201E\u2020-\u2026\u2122]/;

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function guessSeparator(line: string): string {
  const counts = [',', ';', '\t'].map((s) => [s, line.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/** Names the column at a character of a line, from the file's header (or "column N"). */
function columnName(text: string, lineStart: number, index: number): string {
  const headerEnd = text.search(/\r|\n/);
  const header = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, headerEnd === -1 ? text.length : headerEnd);
  const separator = guessSeparator(header);
  const before = text.slice(lineStart, index);
  let cell = 0;
  let inQuotes = false;
  for (const ch of before) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === separator && !inQuotes) cell++;
  }
  let names: string[] = [];
  try {
    names = readCsv(header, separator).next().value?.cells ?? [];
  } catch {
    names = [];
  }
  return names[cell]?.trim() || `#${cell + 1}`;
}

function locate(text: string, index: number): { row: number; column: string } {
  let row = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: columnName(text, lineStart, index) };
}

/** Decodes a file; refuses invalid UTF-8 (where Windows-1252 is not allowed) and double-encoded text, naming the row. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): DecodedText {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let decoded: DecodedText;
  if (options.encoding === 'windows-1252' && !hasBom) {
    decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  } else {
    const bad = firstInvalidUtf8(bytes);
    if (bad === -1) {
      decoded = { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
    } else if (options.encoding === 'auto' && options.allowWindows1252 && !hasBom) {
      decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
    } else {
      // Locate the bad byte in a lossy decoding of what came before it (same line count, same cells).
      const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
      const lossy = before + new TextDecoder('utf-8').decode(bytes.subarray(bad, Math.min(bytes.length, bad + 2000)));
      const where = locate(lossy, before.length);
      const hex = Array.from(bytes.subarray(bad, bad + 2), (b) => b.toString(16).padStart(2, '0')).join(' ');
      throw new FileReadError({ kind: 'bad-encoding', row: where.row, column: where.column, value: `0x${hex}` });
    }
  }
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    const where = locate(text, replacement);
    throw new FileReadError({ kind: 'bad-encoding', row: where.row, column: where.column, value: excerpt(text.slice(Math.max(0, replacement - 10), replacement + 10)) });
  }
  const mojibake = MOJIBAKE.exec(text);
  if (mojibake) {
    const where = locate(text, mojibake.index);
    throw new FileReadError({ kind: 'mojibake', row: where.row, column: where.column, value: excerpt(text.slice(Math.max(0, mojibake.index - 10), mojibake.index + 12)) });
  }
  return { text, encoding: decoded.encoding };
}
