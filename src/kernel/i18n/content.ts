import { PUBLIC_LOCALES, isLocale, type Locale } from './locales.ts';

/** How a language version of a content field came to be. */
export type TranslationStatus = 'original' | 'machine' | 'reviewed' | 'outdated';

/** One language's value of a content field. */
export interface TranslationValue {
  value: string;
  status: TranslationStatus;
  updatedAt: string;
}

/** A free-text content field with per-language values (stored as jsonb). */
export type TranslatedText = Partial<Record<Locale, TranslationValue>>;

/** What a page shows for a content field in a language. */
export interface ShownText {
  value: string;
  /** The language the value is actually in. */
  locale: Locale;
  /** True when the requested language had no usable value and another was shown. */
  isFallback: boolean;
  status: TranslationStatus;
}

/** The language the field was first written in. */
export function originalLocaleOf(text: TranslatedText): Locale | null {
  for (const locale of PUBLIC_LOCALES) if (text[locale]?.status === 'original') return locale;
  return null;
}

/** Picks the value to show: the language asked for, else the original, else Italian, else any. */
export function pickText(text: TranslatedText | null | undefined, locale: Locale): ShownText | null {
  if (!text) return null;
  const own = text[locale];
  if (own && own.value.trim() !== '') return { value: own.value, locale, isFallback: false, status: own.status };
  const candidates: Locale[] = [];
  const original = originalLocaleOf(text);
  if (original) candidates.push(original);
  candidates.push('it', 'en', ...PUBLIC_LOCALES);
  for (const candidate of candidates) {
    const entry = text[candidate];
    if (entry && entry.value.trim() !== '') return { value: entry.value, locale: candidate, isFallback: true, status: entry.status };
  }
  return null;
}

/**
 * Sets one language's value. Writing the original marks every other language outdated;
 * writing a translation keeps the status given (machine or reviewed).
 */
export function setText(
  text: TranslatedText | null | undefined,
  locale: Locale,
  value: string,
  status: TranslationStatus,
  now: Date = new Date(),
): TranslatedText {
  const next: TranslatedText = { ...(text ?? {}) };
  const at = now.toISOString();
  const trimmed = value.trim();
  const previous = next[locale];
  if (trimmed === '') {
    delete next[locale];
    return next;
  }
  const isOriginal = status === 'original' || (previous?.status === 'original' && status !== 'outdated');
  if (isOriginal) {
    const existing = originalLocaleOf(next);
    if (existing && existing !== locale) throw new Error(`The original of this text is in ${existing}, not ${locale}`);
    const changed = previous?.value !== trimmed;
    next[locale] = { value: trimmed, status: 'original', updatedAt: changed ? at : (previous?.updatedAt ?? at) };
    if (changed) {
      for (const other of PUBLIC_LOCALES) {
        const entry = next[other];
        if (other !== locale && entry) next[other] = { ...entry, status: 'outdated' };
      }
    }
    return next;
  }
  next[locale] = { value: trimmed, status, updatedAt: at };
  return next;
}

/** Builds a field from plain per-language strings; the first language given is the original. */
export function textFrom(values: Partial<Record<Locale, string>>, statusOfOthers: TranslationStatus = 'reviewed'): TranslatedText {
  let text: TranslatedText = {};
  let isFirst = true;
  for (const [locale, value] of Object.entries(values)) {
    if (!isLocale(locale) || value === undefined) continue;
    text = setText(text, locale, value, isFirst ? 'original' : statusOfOthers);
    isFirst = false;
  }
  return text;
}

/** Languages whose value is missing or outdated, for the translators' view. */
export function translationGaps(text: TranslatedText, locales: readonly Locale[] = PUBLIC_LOCALES): { missing: Locale[]; outdated: Locale[] } {
  const missing: Locale[] = [];
  const outdated: Locale[] = [];
  for (const locale of locales) {
    const entry = text[locale];
    if (!entry) missing.push(locale);
    else if (entry.status === 'outdated') outdated.push(locale);
  }
  return { missing, outdated };
}
