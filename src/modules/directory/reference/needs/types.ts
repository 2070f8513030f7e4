import type { Locale } from '../../../../kernel/i18n/locales.ts';

/** A text written in every public language. */
export type AllLanguages = Record<Locale, string>;

/** A term of the needs taxonomy, with its sub-terms. */
export interface NeedDef {
  /** Stable code: `documents`, `documents.permit-renewal`; also the seed of the term's UUID. */
  code: string;
  name: AllLanguages;
  description: AllLanguages;
  children?: NeedDef[];
}
