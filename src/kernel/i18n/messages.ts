import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { PUBLIC_LOCALES, type Locale } from './locales.ts';

/** Values interpolated in an ICU message. */
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

/** Translates a message key in a fixed language. */
export type Translate = (key: string, values?: MessageValues) => string;

/** A source of messages: the kernel (no prefix) or a module (keys prefixed with its name). */
export interface MessageSource {
  prefix: string | null;
  dir: URL;
}

/**
 * Whether a key belongs to staff pages only (it and en are enough there): a `staff` segment that is not
 * the last one (`accounts.staff.people.title`), so a role named "staff" (`accounts.roles.staff`) stays public.
 */
export function isStaffKey(key: string): boolean {
  return key.split('.').slice(0, -1).includes('staff');
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (typeof value === 'string') {
    out.set(prefix, value);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
}

/**
 * Reads a source's files for one language into flat keys: `<locale>.json` and any `<part>.<locale>.json`
 * (a module may split its strings by area, e.g. `auth.it.json`, `admin.it.json`).
 */
export function readMessages(source: MessageSource, locale: Locale): Map<string, string> {
  const out = new Map<string, string>();
  const dir = fileURLToPath(source.dir);
  if (!fs.existsSync(dir)) return out;
  const pattern = new RegExp(`^(?:[a-z0-9-]+\\.)?${locale}\\.json$`);
  for (const file of fs.readdirSync(dir).filter((f) => pattern.test(f)).sort()) {
    const part = new Map<string, string>();
    flatten(JSON.parse(fs.readFileSync(`${dir}/${file}`, 'utf8')), source.prefix ?? '', part);
    for (const [k, v] of part) {
      if (out.has(k)) throw new Error(`Message key ${k} is defined twice in ${dir} (${locale})`);
      out.set(k, v);
    }
  }
  return out;
}

/** Every language file name of a source, by language (for the completeness test). */
export function messageFiles(source: MessageSource): string[] {
  const dir = fileURLToPath(source.dir);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
}

/** The interface strings of every module, compiled lazily per language. */
export class I18n {
  private readonly messages = new Map<Locale, Map<string, string>>();
  private readonly compiled = new Map<string, IntlMessageFormat>();

  constructor(sources: MessageSource[]) {
    for (const locale of PUBLIC_LOCALES) {
      const merged = new Map<string, string>();
      for (const source of sources) for (const [k, v] of readMessages(source, locale)) merged.set(k, v);
      this.messages.set(locale, merged);
    }
  }

  /** Whether a key exists in a language (without fallback). */
  has(locale: Locale, key: string): boolean {
    return this.messages.get(locale)?.has(key) ?? false;
  }

  /** Formats a message; staff-only keys fall back to English, then Italian. */
  t(locale: Locale, key: string, values?: MessageValues): string {
    const chain: Locale[] = [locale, 'en', 'it'];
    for (const candidate of chain) {
      const text = this.messages.get(candidate)?.get(key);
      if (text === undefined) continue;
      const cacheKey = `${candidate}\u0000${key}`;
      let format = this.compiled.get(cacheKey);
      if (!format) {
        format = new IntlMessageFormat(text, candidate);
        this.compiled.set(cacheKey, format);
      }
      return String(format.format(values as Record<string, string | number | Date>));
    }
    return key;
  }

  /** A translator bound to one language. */
  translator(locale: Locale): Translate {
    return (key, values) => this.t(locale, key, values);
  }
}
