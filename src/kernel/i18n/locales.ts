/** The languages of the public pages; staff pages need at least it and en. */
export const PUBLIC_LOCALES = ['it', 'en', 'fr', 'es', 'ar', 'zh', 'sq', 'uk', 'bn', 'ur'] as const;

export type Locale = (typeof PUBLIC_LOCALES)[number];

/** The languages every staff string must exist in. */
export const STAFF_LOCALES: readonly Locale[] = ['it', 'en'];

export const DEFAULT_LOCALE: Locale = 'it';

/** Each language in its own name, for the language switcher. */
export const AUTONYMS: Record<Locale, string> = {
  it: 'Italiano',
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  zh: '中文',
  sq: 'Shqip',
  uk: 'Українська',
  bn: 'বাংলা',
  ur: 'اردو',
};

const RTL: ReadonlySet<Locale> = new Set(['ar', 'ur']);

/** Whether a string is one of Crocevia's languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (PUBLIC_LOCALES as readonly string[]).includes(value);
}

/** Text direction of a language. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** Picks the best language from an Accept-Language header, defaulting to Italian. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
