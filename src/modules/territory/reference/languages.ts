import { ISO_639_1, ISO_639_3_EXTRAS } from './iso-639-data.ts';
import { PUBLIC_LOCALES, type PublicLocale } from './public-locales.ts';

/** A language (ISO 639) with its autonym and its name in every public locale. */
export interface LanguageRef {
  /** ISO 639-1 code where one exists ('bn'), else ISO 639-3 ('pcm'). */
  code: string;
  /** ISO 639-3 code ('ben'); for macrolanguages, the macrolanguage code ('ara', 'zho'). */
  iso6393: string;
  /** The language's name in itself, e.g. 'বাংলা'; the English name when no autonym is known. */
  autonym: string;
  names: Record<PublicLocale, string>;
}

/**
 * Codes whose ICU display names are misleading, so the English name from the data is used in every
 * locale: 'sh' (ICU: "Serbian (Latin)"), 'tl' (ICU: "Filipino", same as 'fil'), 'tw' (ICU: "Akan",
 * same as 'ak'), 'kmr' (ICU: "Kurdish", same as 'ku') and 'bin' (ICU: "Bini", a dated exonym for Edo).
 */
const USE_DATA_NAME: ReadonlySet<string> = new Set(['sh', 'tl', 'tw', 'kmr', 'bin']);

/**
 * True when ICU canonicalises the code to another tag (CLDR aliases such as 'prs' -> 'fa-AF',
 * 'pnb' -> 'lah'); `Intl.DisplayNames([code])` would then speak that other locale.
 */
function isAliased(code: string): boolean {
  return (Intl.getCanonicalLocales(code)[0] ?? code) !== code;
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** ICU name of `code` in `locale`, or undefined when ICU has none. */
function intlName(locale: string, code: string): string | undefined {
  let names = displayNames.get(locale);
  if (names === undefined) {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    displayNames.set(locale, names);
  }
  const name = names.of(code);
  return name && name !== code ? name : undefined;
}

function buildLanguage(code: string, iso6393: string, english: string, autonymOverride?: string): LanguageRef {
  const trusted = !USE_DATA_NAME.has(code);
  const names = {} as Record<PublicLocale, string>;
  for (const locale of PUBLIC_LOCALES) {
    names[locale] = (trusted ? intlName(locale, code) : undefined) ?? english;
  }
  // Without ICU locale data for the language, DisplayNames([code]) silently uses the default locale.
  const hasLocaleData = !isAliased(code) && Intl.DisplayNames.supportedLocalesOf([code]).length > 0;
  const autonym = autonymOverride ?? (trusted && hasLocaleData ? intlName(code, code) : undefined) ?? english;
  return { code, iso6393, autonym, names };
}

/**
 * Lists the ISO 639-1 languages (184 codes) plus ISO 639-3 languages spoken by migrants to Italy
 * that lack a 639-1 code, sorted by code. Names come from ICU (`Intl.DisplayNames`), falling back
 * to the English name of the data table.
 */
export function listLanguages(): LanguageRef[] {
  const languages = [
    ...ISO_639_1.map(([code, iso6393, english, autonym]) => buildLanguage(code, iso6393, english, autonym)),
    ...ISO_639_3_EXTRAS.map(([iso6393, english, autonym]) => buildLanguage(iso6393, iso6393, english, autonym)),
  ];
  return languages.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
