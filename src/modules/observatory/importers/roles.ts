import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { DimensionRole } from './types.ts';

const RULES: [RegExp, DimensionRole][] = [
  [/^(TIME_PERIOD|TIME|ANNO|YEAR|PERIOD[OE]?|DATA_?REPORT|DATE|DATA)$/i, 'time'],
  [/^(REF_AREA|ITTER107|TERRITORY(_.*)?|TERRITORIO|TERRITORIAL_.*|CODICE_?(REGIONE|PROVINCIA|COMUNE|ISTAT)|COD_?(REG|PROV|COM)(IONE|INCIA|UNE)?|REGION(E)?_?CODE|PROVINCE_?CODE)$/i, 'territory'],
  [/^(SEX|SEXISTAT\d*|SESSO|GENDER)$/i, 'sex'],
  [/(CITIZEN|CCITENSHIP|CITTADINANZA|NATIONALITY|NAZIONALITA)|^ISO$/i, 'citizenship'],
  [/^(AGE|AGE_CLASS|ETA(_.*)?|CLASSE_?(DI_?)?ETA)$/i, 'age'],
  [/(PERMIT|PERMESS|MOTIVOPS)/i, 'permit'],
];

/** Guesses a column's role from its name (`REF_AREA` → territory, `SEXISTAT1` → sex, …); `other` when unsure. */
export function guessRole(id: string): DimensionRole {
  const name = id.trim();
  for (const [pattern, role] of RULES) if (pattern.test(name)) return role;
  return 'other';
}

const ITALIAN_WORDS = /\b(territorio|sesso|cittadinanza|et[àa]|tipo dato|seleziona periodo|valore|anno|motivo|paese|classe)\b/i;

/** Whether labels (of a header) are in Italian or English, the two languages ISTAT exports in. */
export function guessLabelLocale(labels: string[]): Locale {
  return labels.some((l) => ITALIAN_WORDS.test(l)) ? 'it' : 'en';
}

/** A dimension id for a free-form column name: kept when it is a plain identifier, else made one. */
export function dimensionIdOf(column: string): string {
  const name = column.trim();
  if (/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(name)) return name;
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
    .slice(0, 63);
  return /^[A-Z]/.test(id) ? id : `C_${id}`.slice(0, 63);
}

/** Splits an SDMX `labels=both` cell, `ID: Name`, into its code and label. */
export function splitCodeLabel(cell: string): [string, string | undefined] {
  const i = cell.indexOf(': ');
  return i > 0 ? [cell.slice(0, i).trim(), cell.slice(i + 2).trim() || undefined] : [cell.trim(), undefined];
}
