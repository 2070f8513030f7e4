import type { Locale } from '../../../kernel/i18n/locales.ts';

/** The ten public locales, as defined by the kernel (`src/kernel/i18n/locales.ts`). */
export { PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';

/** One of the ten public locales ('it', 'en', 'fr', 'es', 'ar', 'zh', 'sq', 'uk', 'bn', 'ur'). */
export type PublicLocale = Locale;
