import { originalLocaleOf, pickText, setText, type TranslatedText } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';

/**
 * Writes a content field in the staff member's language: the original when the field is new or was first
 * written in this language, otherwise a reviewed translation.
 */
export function writeText(existing: TranslatedText | null | undefined, locale: Locale, value: string): TranslatedText {
  const original = existing ? originalLocaleOf(existing) : null;
  return setText(existing ?? {}, locale, value, original === null || original === locale ? 'original' : 'reviewed');
}

/** Writes a list of content fields (one per line of a text area), keeping the other languages of unchanged positions. */
export function writeTextList(existing: TranslatedText[], locale: Locale, lines: string[]): TranslatedText[] {
  return lines.map((line, i) => writeText(existing[i], locale, line));
}

/** The value of a content field to show in a language ('' when empty). */
export function textIn(text: TranslatedText | null | undefined, locale: Locale): string {
  return pickText(text, locale)?.value ?? '';
}
