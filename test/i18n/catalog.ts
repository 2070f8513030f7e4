import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { messageFiles, type MessageSource } from '../../src/kernel/i18n/messages.ts';
import { PUBLIC_LOCALES, type Locale } from '../../src/kernel/i18n/locales.ts';

/** The repository root, to print paths a developer can open. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One language file of a message source, flattened to prefixed keys. */
export interface MessageFile {
  /** Path from the repository root, e.g. src/modules/accounts/locales/auth.fr.json. */
  path: string;
  /** The part of the module's strings (`auth` in auth.it.json), null for `<locale>.json`. */
  part: string | null;
  locale: Locale;
  messages: Map<string, string>;
}

/** The files of one source, plus what is wrong with their names or shape. */
export interface SourceCatalog {
  name: string;
  dir: string;
  files: MessageFile[];
  problems: string[];
}

const FILE_NAME = /^(?:([a-z0-9-]+)\.)?([a-z]{2,3})\.json$/;

function flatten(value: unknown, key: string, out: Map<string, string>, problems: string[], file: string): void {
  if (typeof value === 'string') {
    out.set(key, value);
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, key ? `${key}.${k}` : k, out, problems, file);
  } else {
    problems.push(`${file}: ${key || '(root)'} must be a string or an object of strings, not ${JSON.stringify(value)}`);
  }
}

/** Reads every language file of a source, keeping track of which file holds each key. */
export function readCatalog(source: MessageSource): SourceCatalog {
  const dir = path.relative(ROOT, fileURLToPath(source.dir));
  const catalog: SourceCatalog = { name: source.prefix ?? 'kernel', dir, files: [], problems: [] };
  for (const name of messageFiles(source).sort()) {
    const file = `${dir}/${name}`;
    const match = FILE_NAME.exec(name);
    const locale = match?.[2];
    if (!match || !(PUBLIC_LOCALES as readonly string[]).includes(locale ?? '')) {
      catalog.problems.push(`${file}: the name is not <locale>.json or <part>.<locale>.json with one of ${PUBLIC_LOCALES.join(', ')}, so no language reads it`);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    } catch (error) {
      catalog.problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const messages = new Map<string, string>();
    flatten(json, source.prefix ?? '', messages, catalog.problems, file);
    catalog.files.push({ path: file, part: match[1] ?? null, locale: locale as Locale, messages });
  }
  return catalog;
}

/** The file a key of the given part should live in, for a language. */
export function fileFor(catalog: SourceCatalog, part: string | null, locale: Locale): string {
  return `${catalog.dir}/${part ? `${part}.` : ''}${locale}.json`;
}

/** Every message of a language in a source, with the file holding it. */
export function messagesOf(catalog: SourceCatalog, locale: Locale): Map<string, { text: string; file: MessageFile }> {
  const out = new Map<string, { text: string; file: MessageFile }>();
  for (const file of catalog.files.filter((f) => f.locale === locale)) {
    for (const [key, text] of file.messages) out.set(key, { text, file });
  }
  return out;
}

/** What a message needs from its caller and how its plurals are written. */
export interface MessageShape {
  /** Argument and tag names the caller must pass. */
  argumentNames: Set<string>;
  /** Plural and selectordinal selectors, with whether the message is ordinal. */
  plurals: { argument: string; isOrdinal: boolean; selectors: string[] }[];
  selects: { argument: string; selectors: string[] }[];
}

function walk(elements: MessageFormatElement[], shape: MessageShape): void {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    shape.argumentNames.add(el.value);
    if (el.type === TYPE.plural) {
      shape.plurals.push({ argument: el.value, isOrdinal: el.pluralType === 'ordinal', selectors: Object.keys(el.options) });
      for (const option of Object.values(el.options)) walk(option.value, shape);
    } else if (el.type === TYPE.select) {
      shape.selects.push({ argument: el.value, selectors: Object.keys(el.options) });
      for (const option of Object.values(el.options)) walk(option.value, shape);
    } else if (el.type === TYPE.tag) {
      walk(el.children, shape);
    }
  }
}

/** Parses a message as ICU in its language (throws on bad syntax) and describes its arguments and plurals. */
export function shapeOf(text: string, locale: Locale): MessageShape {
  const shape: MessageShape = { argumentNames: new Set(), plurals: [], selects: [] };
  walk(new IntlMessageFormat(text, locale).getAst(), shape);
  return shape;
}

/**
 * Problems with a message's syntax in its language: an ASCII apostrophe before a brace (ICU reads it as the
 * start of quoted text, so the argument silently disappears), a plural or select without `other`, or a
 * plural category the language never selects.
 */
export function syntaxProblems(text: string, shape: MessageShape, locale: Locale): string[] {
  const problems: string[] = [];
  if (/'[{}]/.test(text)) problems.push(`an apostrophe (') right before { or } quotes what follows: use the typographic ’ or rephrase`);
  for (const plural of shape.plurals) {
    const categories = new Intl.PluralRules(locale, { type: plural.isOrdinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories;
    if (!plural.selectors.includes('other')) problems.push(`the plural of {${plural.argument}} has no "other" case`);
    const unused = plural.selectors.filter((s) => !s.startsWith('=') && !(categories as string[]).includes(s));
    if (unused.length) {
      problems.push(`the plural of {${plural.argument}} uses ${unused.join(', ')}, which ${locale} never selects (its categories: ${categories.join(', ')}; use =N for exact numbers)`);
    }
  }
  for (const select of shape.selects) {
    if (!select.selectors.includes('other')) problems.push(`the select of {${select.argument}} has no "other" case`);
  }
  return problems;
}

/** Keys present in one map but not in another, sorted. */
export function keysMissing(from: Iterable<string>, present: { has(key: string): boolean }): string[] {
  return [...from].filter((key) => !present.has(key)).sort();
}
