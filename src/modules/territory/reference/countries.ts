import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { LocaleData } from 'i18n-iso-countries';
import { PUBLIC_LOCALES, type PublicLocale } from './public-locales.ts';

/** A country (ISO 3166-1) with its name in every public locale. */
export interface CountryRef {
  /** ISO 3166-1 alpha-2, e.g. 'MA'. */
  alpha2: string;
  /** ISO 3166-1 alpha-3, e.g. 'MAR'. */
  alpha3: string;
  /** ISO 3166-1 numeric, three digits, e.g. '504'. */
  numeric: string;
  names: Record<PublicLocale, string>;
}

const require = createRequire(import.meta.url);
let registered = false;

/** Registers the package's locale files for the public locales (idempotent). */
function registerLocales(): void {
  if (registered) return;
  for (const locale of PUBLIC_LOCALES) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`) as LocaleData);
  }
  registered = true;
}

/** Name of a region code from ICU (CLDR), or undefined when ICU has none. */
function intlRegionName(locale: PublicLocale, alpha2: string): string | undefined {
  const name = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(alpha2);
  return name && name !== alpha2 ? name : undefined;
}

/**
 * Lists the ISO 3166-1 countries known to `i18n-iso-countries` (249 assigned codes plus Kosovo,
 * 'XK'/'XKK'/'983', which are user-assigned codes widely used, e.g. by the EU), sorted by alpha-2.
 * Names come from the package's locale files, falling back to ICU `Intl.DisplayNames`.
 */
export function listCountries(): CountryRef[] {
  registerLocales();
  const localised = Object.fromEntries(
    PUBLIC_LOCALES.map((locale) => [locale, countries.getNames(locale, { select: 'official' })]),
  ) as Record<PublicLocale, Record<string, string>>;

  return Object.keys(countries.getAlpha2Codes())
    .sort()
    .map((alpha2): CountryRef => {
      const alpha3 = countries.alpha2ToAlpha3(alpha2);
      const numeric = countries.alpha2ToNumeric(alpha2);
      if (alpha3 === undefined || numeric === undefined) {
        throw new Error(`countries: no alpha-3/numeric code for ${alpha2}`);
      }
      const names = {} as Record<PublicLocale, string>;
      for (const locale of PUBLIC_LOCALES) {
        const name = localised[locale][alpha2]?.trim() || intlRegionName(locale, alpha2);
        if (!name) throw new Error(`countries: no ${locale} name for ${alpha2}`);
        names[locale] = name;
      }
      return { alpha2, alpha3, numeric, names };
    });
}
