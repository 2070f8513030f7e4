import { parseNumber } from './values.ts';
import { guessRole } from './roles.ts';
import type { TidyColumnMapping, TidyMapping } from './tidy-csv.ts';

/**
 * A first mapping for a tidy CSV, from its header and first rows: a time-like column is the time, columns
 * named like territories, sexes, citizenships… are those dimensions, other numeric (or empty) columns are values,
 * and a text column right before or after a territory code column is taken for its labels.
 */
export function suggestMapping(header: string[], rows: string[][], separator: string): TidyMapping {
  const decimal = separator === ';' ? ',' : '.';
  const isNumeric = (i: number) => {
    const cells = rows.map((r) => r[i] ?? '').filter((c) => c.trim() !== '');
    // An empty column in the first rows is more likely a measure not yet reported than a code.
    return cells.every((c) => typeof parseNumber(c, decimal) === 'number');
  };
  let hasTime = false;
  const columns: TidyColumnMapping[] = header.map((column, i) => {
    const role = guessRole(column);
    if (role === 'time' && !hasTime) {
      hasTime = true;
      return { column, use: 'time' };
    }
    if (role !== 'other' && role !== 'time') return { column, use: 'dimension', role };
    if (isNumeric(i)) return { column, use: 'value' };
    return { column, use: 'dimension', role: 'other' };
  });
  // A name column next to a territory code column labels it.
  columns.forEach((c, i) => {
    if (c.use !== 'dimension' || c.role !== 'territory') return;
    for (const j of [i - 1, i + 1]) {
      const next = columns[j];
      if (next && next.use === 'dimension' && next.role === 'other' && !isNumeric(j)) {
        columns[j] = { column: next.column, use: 'label', labelOf: c.column };
        break;
      }
    }
  });
  return { encoding: 'auto', decimal, labelLocale: 'it', columns };
}
