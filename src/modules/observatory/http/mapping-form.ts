import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { isLocale } from '../../../kernel/i18n/locales.ts';
import type { TidyColumnMapping, TidyMapping } from '../importers/tidy-csv.ts';

/** What a column may be used as in the mapping form (dimension roles stand for "a dimension with that role"). */
export const COLUMN_USES = ['ignore', 'time', 'value', 'status', 'label', 'territory', 'sex', 'citizenship', 'age', 'permit', 'other'] as const;
export type ColumnUseChoice = (typeof COLUMN_USES)[number];

const DIMENSION_ROLES = new Set(['territory', 'sex', 'citizenship', 'age', 'permit', 'other']);

/** The form values that show a mapping (`use_<n>`, `labelof_<n>`, `encoding`, `decimal`, `labelLocale`). */
export function mappingToForm(mapping: TidyMapping, header: string[]): Record<string, string> {
  const values: Record<string, string> = { encoding: mapping.encoding ?? 'auto', decimal: mapping.decimal ?? '.', labelLocale: mapping.labelLocale ?? 'it' };
  header.forEach((column, i) => {
    const c = mapping.columns.find((x) => x.column === column);
    values[`use_${i}`] = !c ? 'ignore' : c.use === 'dimension' ? (c.role ?? 'other') : c.use;
    values[`labelof_${i}`] = c?.labelOf !== undefined ? String(header.indexOf(c.labelOf)) : '';
  });
  return values;
}

function one(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '';
}

/** Reads the mapping form; refuses unknown choices naming the field. Citizenship columns are checked against ISTAT's codes. */
export function mappingFromForm(body: Record<string, unknown>, header: string[]): TidyMapping {
  const errors: FieldError[] = [];
  const encoding = one(body, 'encoding') || 'auto';
  const decimal = one(body, 'decimal') || '.';
  const labelLocale = one(body, 'labelLocale') || 'it';
  if (!['auto', 'utf-8', 'windows-1252'].includes(encoding)) errors.push({ field: 'encoding', messageKey: 'validation.enum' });
  if (decimal !== '.' && decimal !== ',') errors.push({ field: 'decimal', messageKey: 'validation.enum' });
  if (!isLocale(labelLocale)) errors.push({ field: 'labelLocale', messageKey: 'validation.enum' });
  const columns: TidyColumnMapping[] = [];
  header.forEach((column, i) => {
    const use = one(body, `use_${i}`) || 'ignore';
    if (!(COLUMN_USES as readonly string[]).includes(use)) {
      errors.push({ field: `use_${i}`, messageKey: 'validation.enum' });
      return;
    }
    if (DIMENSION_ROLES.has(use)) {
      const role = use as Exclude<ColumnUseChoice, 'ignore' | 'time' | 'value' | 'status' | 'label'>;
      columns.push({ column, use: 'dimension', role, ...(role === 'citizenship' ? { codelist: 'citizenship' as const } : {}) });
    } else if (use === 'label') {
      const of = header[Number(one(body, `labelof_${i}`))];
      if (of === undefined || one(body, `labelof_${i}`) === '') errors.push({ field: `labelof_${i}`, messageKey: 'observatory.staff.mapping.labelOfDimension', values: { column } });
      else columns.push({ column, use: 'label', labelOf: of });
    } else {
      columns.push({ column, use: use as 'ignore' | 'time' | 'value' | 'status' });
    }
  });
  if (errors.length) throw new ValidationError(errors);
  return { encoding: encoding as TidyMapping['encoding'], decimal: decimal as '.' | ',', labelLocale: labelLocale as TidyMapping['labelLocale'], columns };
}

/** Maps a mapping problem's field (`columns.<n>.labelOf`) to the form field that shows it (`labelof_<k>`). */
export function formFieldOf(field: string, mapping: TidyMapping, header: string[]): string {
  const m = /^columns\.(\d+)\.(\w+)$/.exec(field);
  if (!m) return field;
  const column = mapping.columns[Number(m[1])]?.column;
  const index = column === undefined ? -1 : header.indexOf(column);
  return index === -1 ? field : `${m[2] === 'labelOf' ? 'labelof' : 'use'}_${index}`;
}
