import { isLocale } from '../../../kernel/i18n/locales.ts';
import type { TranslationStatus } from '../../../kernel/i18n/content.ts';
import { tableSpec, type DatasetTable } from './catalogue.ts';
import { isObject, type Dataset, type HsdsRecord, type Issues } from './dataset.ts';

/** The profile's property on every HSDS object: Crocevia's data that HSDS has no field for. */
export const EXTENSION_KEY = 'x_crocevia';

/** One language's version of a free-text field. */
export interface ExtensionTranslation {
  value: string;
  /** 'original' only in responses asked for in another language (`?lang=`): the field's original text. */
  status: TranslationStatus;
  updated_at?: string;
}

/** What `x_crocevia` may hold (schedule_exceptions are nested records, read like any relation). */
export interface Extension {
  original_language?: string;
  translations?: Record<string, Record<string, ExtensionTranslation>>;
  region_code?: string;
  municipality_code?: string;
  is_free?: boolean;
  last_verified_at?: string;
  published_at?: string;
  display_language?: string;
  fallback_languages?: Record<string, string>;
}

const STATUSES = ['machine', 'reviewed', 'outdated'];
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Whether a string is an ISO 8601 date and time with its offset. */
export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** The extension of a record (empty when absent). */
export function extensionOf(record: HsdsRecord): Extension {
  const value = record[EXTENSION_KEY];
  return isObject(value) ? (value as Extension) : {};
}

/** Checks a record's `x_crocevia` against the profile; removes it when it is not an object. */
export function validateExtension(table: DatasetTable, record: HsdsRecord, where: string, issues: Issues): void {
  const raw = record[EXTENSION_KEY];
  if (raw === undefined) return;
  if (!isObject(raw)) {
    issues.error(where, EXTENSION_KEY, 'must be an object (see the Crocevia HSDS profile)');
    delete record[EXTENSION_KEY];
    return;
  }
  const field = (name: string) => `${EXTENSION_KEY}.${name}`;
  if (raw.original_language !== undefined && !isLocale(raw.original_language)) {
    issues.error(where, field('original_language'), `${JSON.stringify(raw.original_language)} is not one of Crocevia's languages (it, en, fr, es, ar, zh, sq, uk, bn, ur)`);
  }
  if (raw.is_free !== undefined && typeof raw.is_free !== 'boolean') issues.error(where, field('is_free'), 'must be true or false');
  if (raw.region_code !== undefined && (typeof raw.region_code !== 'string' || !/^\d{2}$/.test(raw.region_code))) {
    issues.error(where, field('region_code'), `${JSON.stringify(raw.region_code)} is not an ISTAT region code (two digits)`);
  }
  if (raw.municipality_code !== undefined && (typeof raw.municipality_code !== 'string' || !/^\d{6}$/.test(raw.municipality_code))) {
    issues.error(where, field('municipality_code'), `${JSON.stringify(raw.municipality_code)} is not an ISTAT municipality code (six digits)`);
  }
  for (const name of ['last_verified_at', 'published_at'] as const) {
    if (raw[name] !== undefined && !isDateTime(raw[name])) issues.error(where, field(name), `${JSON.stringify(raw[name])} is not a date and time (ISO 8601)`);
  }
  if (raw.translations === undefined) return;
  if (!isObject(raw.translations)) {
    issues.error(where, field('translations'), 'must be an object of fields');
    return;
  }
  const translated = tableSpec(table).translated;
  for (const [name, languages] of Object.entries(raw.translations)) {
    const at = field(`translations.${name}`);
    if (!translated.includes(name)) {
      issues.error(where, at, `${table} has no translated field ${name} (translated: ${translated.join(', ') || 'none'})`);
      continue;
    }
    if (!isObject(languages)) {
      issues.error(where, at, 'must be an object of languages');
      continue;
    }
    for (const [language, entry] of Object.entries(languages)) {
      if (!isLocale(language)) issues.error(where, `${at}.${language}`, `${language} is not one of Crocevia's languages`);
      else if (!isObject(entry) || typeof entry.value !== 'string' || entry.value === '') issues.error(where, `${at}.${language}.value`, 'is required');
      else if (!STATUSES.includes(String(entry.status))) {
        const hint = entry.status === 'original' ? ' (the original text belongs in the plain field: export without ?lang=)' : '';
        issues.error(where, `${at}.${language}.status`, `${JSON.stringify(entry.status)} is not one of ${STATUSES.join(', ')}${hint}`);
      }
      else if (entry.updated_at !== undefined && !isDateTime(entry.updated_at)) issues.error(where, `${at}.${language}.updated_at`, 'is not a date and time (ISO 8601)');
    }
  }
}

/** The columns of x_crocevia_records.csv. */
export const RECORD_COLUMNS = ['resource_type', 'resource_id', 'original_language', 'region_code', 'municipality_code', 'is_free', 'last_verified_at', 'published_at'] as const;
/** The columns of x_crocevia_translations.csv. */
export const TRANSLATION_COLUMNS = ['resource_type', 'resource_id', 'field', 'language', 'value', 'status', 'updated_at'] as const;

/** The profile's extension of a record as rows of the two extra CSV resources. */
export function extensionRows(table: DatasetTable, record: HsdsRecord): { records: string[][]; translations: string[][] } {
  const extension = extensionOf(record);
  const id = String(record.id);
  const records: string[][] = [];
  const recordValues = [extension.original_language, extension.region_code, extension.municipality_code, extension.is_free, extension.last_verified_at, extension.published_at];
  if (recordValues.some((v) => v !== undefined)) records.push([table, id, ...recordValues.map((v) => (v === undefined ? '' : String(v)))]);
  const translations: string[][] = [];
  for (const [field, languages] of Object.entries(extension.translations ?? {})) {
    for (const [language, entry] of Object.entries(languages)) translations.push([table, id, field, language, entry.value, entry.status, entry.updated_at ?? '']);
  }
  return { records, translations };
}

function targetOf(dataset: Dataset, issues: Issues, where: string, type: string, id: string): HsdsRecord | null {
  const table = type as DatasetTable;
  const record = dataset.get(table, id);
  if (!record) issues.error(where, 'resource_id', `no ${type} ${id} in this package`);
  return record ?? null;
}

/** Attaches rows of x_crocevia_records.csv to the records they describe. */
export function attachRecordRow(dataset: Dataset, issues: Issues, where: string, row: Record<string, string | null>): void {
  const target = targetOf(dataset, issues, where, row.resource_type ?? '', row.resource_id ?? '');
  if (!target) return;
  const extension: Record<string, unknown> = { ...extensionOf(target) };
  for (const name of ['original_language', 'region_code', 'municipality_code', 'last_verified_at', 'published_at'] as const) {
    if (row[name]) extension[name] = row[name];
  }
  if (row.is_free) extension.is_free = row.is_free === 'true' ? true : row.is_free === 'false' ? false : row.is_free;
  target[EXTENSION_KEY] = extension;
}

/** Attaches a row of x_crocevia_translations.csv to the record it translates. */
export function attachTranslationRow(dataset: Dataset, issues: Issues, where: string, row: Record<string, string | null>): void {
  const target = targetOf(dataset, issues, where, row.resource_type ?? '', row.resource_id ?? '');
  if (!target || !row.field || !row.language) {
    if (target) issues.error(where, row.field ? 'language' : 'field', 'is required');
    return;
  }
  const extension: Extension = { ...extensionOf(target) };
  const translations = { ...(extension.translations ?? {}) };
  translations[row.field] = {
    ...(translations[row.field] ?? {}),
    [row.language]: { value: row.value ?? '', status: (row.status ?? '') as ExtensionTranslation['status'], ...(row.updated_at ? { updated_at: row.updated_at } : {}) },
  };
  target[EXTENSION_KEY] = { ...extension, translations };
}
