import { originalLocaleOf, pickText, type TranslatedText, type TranslationValue } from '../../../kernel/i18n/content.ts';
import { isLocale, type Locale } from '../../../kernel/i18n/locales.ts';
import { flattenText, type FlatRecord } from '../domain/flatten.ts';
import { SERVICE_EXTRA_FIELDS, tableSpec, type DatasetTable } from './catalogue.ts';
import { isObject, type HsdsRecord } from './dataset.ts';
import { EXTENSION_KEY, extensionOf, type Extension, type ExtensionTranslation } from './extension.ts';
import { LINK_FIELDS } from './relations.ts';

/** A database row of a directory table, as selected (or as frozen in a published snapshot). */
export type DbRow = Record<string, unknown>;

/** Tables whose rows name the language of their original texts. */
const WITH_LOCALE: ReadonlySet<DatasetTable> = new Set(['service', 'organization', 'location']);

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? new Date(value).toISOString() : null);

function textOf(row: DbRow, field: string): TranslatedText | null {
  const value = row[field];
  return isObject(value) && Object.keys(value).length > 0 ? (value as TranslatedText) : null;
}

function originalOf(text: TranslatedText, recordLocale: string | undefined): Locale {
  return originalLocaleOf(text) ?? (recordLocale && isLocale(recordLocale) && text[recordLocale] ? recordLocale : (Object.keys(text)[0] as Locale));
}

/** The Crocevia columns that travel in the extension, by table. */
function crocevia(table: DatasetTable, row: DbRow): Extension {
  const out: Extension = {};
  const put = <K extends keyof Extension>(key: K, value: unknown) => {
    if (value !== null && value !== undefined) out[key] = (value instanceof Date ? value.toISOString() : value) as Extension[K];
  };
  if (table === 'service' || table === 'organization' || table === 'location') put('region_code', row.region_code);
  if (table === 'location') put('municipality_code', row.municipality_code);
  if (table === 'service') {
    put('is_free', row.is_free);
    put('last_verified_at', row.last_verified_at);
    put('published_at', row.published_at);
  }
  return out;
}

/**
 * Presents a database row as an HSDS record: each translated field's plain value is its original-language
 * text (or, with `displayLocale`, that language's text with a fallback), and every other language travels
 * in `x_crocevia.translations`; Crocevia's own columns travel in `x_crocevia` too.
 */
export function toHsds(table: DatasetTable, row: DbRow, options: { displayLocale?: Locale } = {}): HsdsRecord {
  const spec = tableSpec(table);
  const out: HsdsRecord = {};
  const recordLocale = typeof row.original_locale === 'string' ? row.original_locale : undefined;
  const extension: Extension = {};
  const translations: NonNullable<Extension['translations']> = {};
  const fallbacks: Record<string, string> = {};
  let language = recordLocale;
  const extra = table === 'service' && isObject(row.extra) ? row.extra : {};
  for (const field of spec.fields) {
    let value: unknown;
    if (spec.translated.includes(field.name)) {
      const text = textOf(row, field.name);
      if (!text) continue;
      const original = originalOf(text, recordLocale);
      language ??= original;
      let shown: Locale = original;
      if (options.displayLocale) {
        const picked = pickText(text, options.displayLocale);
        if (picked) shown = picked.locale;
        if (shown !== options.displayLocale) fallbacks[field.name] = shown;
      }
      value = text[shown]?.value;
      for (const [locale, entry] of Object.entries(text) as [Locale, TranslationValue][]) {
        if (locale === shown) continue;
        (translations[field.name] ??= {})[locale] = { value: entry.value, status: entry.status, updated_at: entry.updatedAt };
      }
    } else if (table === 'service' && SERVICE_EXTRA_FIELDS.includes(field.name)) value = extra[field.name];
    else if (table === 'service' && field.name === 'last_modified') value = iso(row.updated_at);
    else value = row[field.name];
    if (value instanceof Date) value = value.toISOString();
    if (value !== null && value !== undefined) out[field.name] = value;
  }
  for (const [key, value] of Object.entries(extra)) if (!(key in out) && value !== null && value !== undefined) out[key] = value;
  if (language && (WITH_LOCALE.has(table) || Object.keys(translations).length > 0 || spec.translated.some((f) => out[f] !== undefined))) extension.original_language = language;
  if (Object.keys(translations).length > 0) extension.translations = translations;
  Object.assign(extension, crocevia(table, row));
  if (options.displayLocale && spec.translated.some((f) => out[f] !== undefined)) {
    extension.display_language = options.displayLocale;
    if (Object.keys(fallbacks).length > 0) extension.fallback_languages = fallbacks;
  }
  if (Object.keys(extension).length > 0) out[EXTENSION_KEY] = extension;
  return out;
}

/** Merges an imported plain text and its translations into the stored text, keeping what did not change. */
export function mergeText(
  existing: TranslatedText | null | undefined,
  plain: string | null,
  language: Locale,
  translations: Record<string, ExtensionTranslation> | undefined,
  now: Date,
): TranslatedText | null {
  if (plain === null) return null;
  const at = now.toISOString();
  const keeps = existing && (originalLocaleOf(existing) ?? language) === language;
  const text: TranslatedText = keeps ? { ...existing } : {};
  const previous = text[language];
  const isSame = previous?.value === plain && previous.status === 'original';
  if (!isSame) {
    text[language] = { value: plain, status: 'original', updatedAt: at };
    for (const [locale, entry] of Object.entries(text) as [Locale, TranslationValue][]) {
      if (locale !== language && !translations?.[locale]) text[locale] = { ...entry, status: 'outdated' };
    }
  }
  for (const [locale, entry] of Object.entries(translations ?? {})) {
    if (!isLocale(locale) || locale === language) continue;
    const before = text[locale];
    const isUnchanged = before?.value === entry.value && before.status === entry.status;
    text[locale] = { value: entry.value, status: entry.status, updatedAt: entry.updated_at ?? (isUnchanged ? before.updatedAt : at) };
  }
  return text;
}

/**
 * The database values an HSDS record writes. Fields the record does not carry are left out, so the stored
 * value stays: link fields always (a JSON file shows only the links its nesting implies), every field when
 * `keepAbsent` (a CSV table without that column). `last_modified` becomes the row's `updated_at`.
 */
export function toDbValues(
  table: DatasetTable,
  record: HsdsRecord,
  options: { existing: DbRow | undefined; language: Locale; keepAbsent: boolean; now: Date },
): DbRow {
  const spec = tableSpec(table);
  const extension = extensionOf(record);
  const language = isLocale(extension.original_language) ? extension.original_language : options.language;
  const values: DbRow = { id: record.id };
  const extra: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const name = field.name;
    if (!(name in record) && (options.keepAbsent || LINK_FIELDS.has(name))) continue;
    const raw = record[name] ?? null;
    if (spec.translated.includes(name)) {
      values[name] = mergeText(textOf(options.existing ?? {}, name), raw === null ? null : String(raw), language, extension.translations?.[name], options.now);
    } else if (table === 'service' && SERVICE_EXTRA_FIELDS.includes(name)) extra[name] = raw;
    else if (table === 'service' && name === 'last_modified') {
      if (raw !== null) values.updated_at = raw;
    } else values[name] = raw;
  }
  if (table === 'service') {
    for (const [key, value] of Object.entries(record)) if (!spec.fieldByName.has(key) && key !== EXTENSION_KEY) extra[key] = value;
    const kept = options.keepAbsent && isObject(options.existing?.extra) ? options.existing.extra : {};
    values.extra = Object.fromEntries(Object.entries({ ...kept, ...extra }).filter(([, v]) => v !== null && v !== undefined));
    if (extension.is_free !== undefined) values.is_free = extension.is_free;
    if (extension.last_verified_at !== undefined) values.last_verified_at = extension.last_verified_at;
  }
  if (table === 'location' && extension.municipality_code !== undefined) values.municipality_code = extension.municipality_code;
  if (WITH_LOCALE.has(table)) values.original_locale = language;
  return values;
}

const LOGGED_STAMPS = new Set(['last_verified_at']);

/** A row reduced to named text values (translated fields per language), to log what an import changed. */
export function flattenRow(table: DatasetTable, row: DbRow): FlatRecord {
  const spec = tableSpec(table);
  const out: FlatRecord = {};
  for (const field of spec.fields) {
    if (field.name === 'id' || field.name === 'last_modified') continue;
    if (spec.translated.includes(field.name)) {
      flattenText(out, field.name, textOf(row, field.name));
      continue;
    }
    const value = table === 'service' && SERVICE_EXTRA_FIELDS.includes(field.name) && isObject(row.extra) ? row.extra[field.name] : row[field.name];
    if (value !== null && value !== undefined && value !== '') out[field.name] = value instanceof Date ? value.toISOString() : String(value);
  }
  for (const name of ['is_free', 'municipality_code', ...LOGGED_STAMPS]) {
    const value = row[name];
    if (value === null || value === undefined) continue;
    out[name] = LOGGED_STAMPS.has(name) ? (iso(value) ?? '') : String(value);
  }
  return out;
}
