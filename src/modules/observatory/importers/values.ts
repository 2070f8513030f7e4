/** How decimals are written in a file: `1234.5` or `1.234,5`. */
export type DecimalMark = '.' | ',';

const POINT_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;

/**
 * Reads a number cell. Empty → null (no value); anything that is not a plain decimal number → undefined.
 * With a decimal comma, dots may group thousands (`1.234,5`); with a decimal point no grouping is accepted.
 */
export function parseNumber(text: string, decimal: DecimalMark = '.'): number | null | undefined {
  if (isPlainInteger(text)) return Number(text);
  const cell = text.trim();
  if (cell === '') return null;
  if (decimal === '.') {
    if (!POINT_NUMBER.test(cell)) return undefined;
    const value = Number(cell);
    return Number.isFinite(value) ? value : undefined;
  }
  if (!COMMA_NUMBER.test(cell)) return undefined;
  const value = Number(cell.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

// Most statistics are counts: a fast path for `-?[0-9]{1,15}`.
function isPlainInteger(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 16) return false;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n) return false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Normalises a time cell to SDMX's basic formats: `2023`, `2023-05`, `2023-05-31`, `2023-Q1`, `2023-S1`,
 * `2023-W07`; also reads `2023-M05` (→ `2023-05`) and `31/05/2023` (→ `2023-05-31`). Anything else → null.
 */
export function normaliseTime(text: string): string | null {
  const cell = text.trim();
  if (/^\d{4}$/.test(cell)) return cell;
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(cell);
  if (m) return cell;
  m = /^(\d{4})-M(0[1-9]|1[0-2])$/.exec(cell);
  if (m) return `${m[1]}-${m[2]}`;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  if (m) return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? cell : null;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  if (m) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(year, month, day) ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
  }
  if (/^\d{4}-Q[1-4]$/.test(cell) || /^\d{4}-S[12]$/.test(cell) || /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(cell)) return cell;
  return null;
}
