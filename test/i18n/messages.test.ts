import { describe, expect, it } from 'vitest';
import { messageSources } from '../../src/kernel/app.ts';
import { isStaffKey, readMessages } from '../../src/kernel/i18n/messages.ts';
import { PUBLIC_LOCALES, STAFF_LOCALES, type Locale } from '../../src/kernel/i18n/locales.ts';
import { modules } from '../../src/modules.ts';
import { ROOT, fileFor, keysMissing, messagesOf, readCatalog, shapeOf, syntaxProblems, type SourceCatalog } from './catalog.ts';
import { scanKeyLiterals, scanKeyUses } from './key-usage.ts';

const sources = messageSources(modules);
const catalogs = sources.map(readCatalog);

/** Fails with one line per problem under a heading that says how to fix them. */
function expectNone(problems: string[], heading: string): void {
  if (problems.length) expect.fail(`${heading}\n  ${problems.join('\n  ')}`);
  expect(problems).toEqual([]);
}

/** Groups keys by the file they belong in: "path (n): key, key". */
function byFile(entries: { file: string; key: string }[]): string[] {
  const groups = new Map<string, string[]>();
  for (const { file, key } of entries) groups.set(file, [...(groups.get(file) ?? []), key]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([file, keys]) => `${file} (${keys.length}): ${keys.sort().join(', ')}`);
}

describe.each(catalogs.map((c) => [c.name, c] as [string, SourceCatalog]))('interface strings of %s', (_name, catalog) => {
  const italian = messagesOf(catalog, 'it');
  const english = messagesOf(catalog, 'en');

  it('has well-named language files of string values, read the same way the app reads them', () => {
    const problems = [...catalog.problems];
    const parts = (locale: Locale) => new Set(catalog.files.filter((f) => f.locale === locale).map((f) => f.part));
    for (const part of parts('it')) if (!parts('en').has(part)) problems.push(`${fileFor(catalog, part, 'en')} is missing (Italian has ${fileFor(catalog, part, 'it')})`);
    for (const part of parts('en')) if (!parts('it').has(part)) problems.push(`${fileFor(catalog, part, 'it')} is missing (English has ${fileFor(catalog, part, 'en')})`);
    const source = sources[catalogs.indexOf(catalog)]!;
    for (const locale of PUBLIC_LOCALES) {
      const app = readMessages(source, locale);
      const here = messagesOf(catalog, locale);
      if (app.size !== here.size || keysMissing(app.keys(), here).length) problems.push(`${catalog.dir}: the app reads ${app.size} ${locale} keys, this test ${here.size}`);
    }
    expectNone(problems, `Fix these language files of ${catalog.name}:`);
  });

  it('has exactly the same keys in Italian and English', () => {
    const missing = [
      ...keysMissing(italian.keys(), english).map((key) => ({ file: fileFor(catalog, italian.get(key)!.file.part, 'en'), key })),
      ...keysMissing(english.keys(), italian).map((key) => ({ file: fileFor(catalog, english.get(key)!.file.part, 'it'), key })),
    ];
    expectNone(byFile(missing), 'Italian and English must define the same keys. Add these keys to the files named:');
  });

  it('has every public key in every public language and every staff key in Italian and English, none empty', () => {
    const missing: { file: string; key: string }[] = [];
    for (const locale of PUBLIC_LOCALES) {
      const translated = messagesOf(catalog, locale);
      for (const [key, { file }] of italian) {
        if (isStaffKey(key) && !STAFF_LOCALES.includes(locale)) continue;
        const text = translated.get(key)?.text;
        if (text === undefined || text.trim() === '') missing.push({ file: fileFor(catalog, file.part, locale), key: text === undefined ? key : `${key} (empty)` });
      }
    }
    expectNone(
      byFile(missing),
      `Missing or empty strings of ${catalog.name} (public keys need all of ${PUBLIC_LOCALES.join(', ')}; keys with a "staff" segment need only ${STAFF_LOCALES.join(', ')}). Add them to the files named:`,
    );
  });

  it('has no key that Italian lacks, and each key in the same part as in Italian', () => {
    const problems: string[] = [];
    for (const file of catalog.files.filter((f) => f.locale !== 'it')) {
      const extra = keysMissing(file.messages.keys(), italian);
      if (extra.length) problems.push(`${file.path}: ${extra.join(', ')} (add them to Italian first, or remove them)`);
      const misplaced = [...file.messages.keys()].filter((key) => italian.has(key) && italian.get(key)!.file.part !== file.part);
      for (const key of misplaced) problems.push(`${file.path}: ${key} belongs in ${fileFor(catalog, italian.get(key)!.file.part, file.locale)}, like in Italian`);
    }
    expectNone(problems, `Keys of ${catalog.name} outside the Italian catalogue:`);
  });

  it('writes every message as valid ICU, with the arguments of the Italian one and plurals that have "other"', () => {
    const problems: string[] = [];
    for (const locale of PUBLIC_LOCALES) {
      for (const [key, { text, file }] of messagesOf(catalog, locale)) {
        const original = italian.get(key);
        try {
          const shape = shapeOf(text, locale);
          for (const problem of syntaxProblems(text, shape, locale)) problems.push(`${file.path}: ${key}: ${problem}`);
          if (!original || locale === 'it') continue;
          const expected = [...shapeOf(original.text, 'it').argumentNames].sort().join(', ');
          const actual = [...shape.argumentNames].sort().join(', ');
          if (actual !== expected) problems.push(`${file.path}: ${key}: uses arguments {${actual}} but Italian uses {${expected}}`);
        } catch (error) {
          problems.push(`${file.path}: ${key}: not valid ICU (${(error as Error).message})`);
        }
      }
    }
    expectNone(problems, `Messages of ${catalog.name} to correct (keep ICU syntax and argument names as in Italian; translate only the text):`);
  });
});

describe('message keys used in the code', () => {
  const italianKeys = new Set(catalogs.flatMap((c) => [...messagesOf(c, 'it').keys()]));
  const kernelNamespaces = new Set([...messagesOf(catalogs[0]!, 'it').keys()].map((key) => key.split('.')[0]!));
  const namespaces = new Set([...kernelNamespaces, ...modules.map((m) => m.name)]);
  // Field and error keys travel as plain strings (FieldError.messageKey, AppError's keys): look for them anywhere.
  const anywhereNamespaces = new Set(['validation', 'errors'].filter((n) => kernelNamespaces.has(n)));
  const uses = scanKeyUses({ root: ROOT, dir: 'src', namespaces, anywhereNamespaces });

  it('finds the keys the code uses (the scan itself works)', () => {
    expect(uses.some((u) => u.key === 'layout.skip.main' && u.file.endsWith('layout.ts'))).toBe(true);
    expect(uses.some((u) => u.key === 'errors.notFound.title' && u.file.endsWith('errors.ts'))).toBe(true);
    expect(uses.some((u) => u.pattern?.test('validation.format.email'))).toBe(true);
  });

  it('uses only keys that exist in Italian', () => {
    const unknown = uses.filter((u) => !u.pattern && !italianKeys.has(u.key)).map((u) => `${u.file}:${u.line}: ${u.key}`);
    expectNone(unknown, 'The code uses message keys that no Italian file defines (add them to it.json and en.json of the module, or fix the key):');
  });

  it('computes keys (`${…}` templates) that can match at least one Italian key', () => {
    const dead = uses.filter((u) => u.pattern && ![...italianKeys].some((key) => u.pattern!.test(key))).map((u) => `${u.file}:${u.line}: ${u.key}`);
    expectNone(dead, 'These computed keys match no Italian key (a typo in the fixed part?):');
  });

  it('lists keys no code seems to use (a warning, not a failure)', () => {
    const literals = scanKeyLiterals({ root: ROOT, dir: 'src' });
    const isUsed = (key: string) => literals.has(key) || uses.some((u) => (u.pattern ? u.pattern.test(key) : u.key === key));
    const unused = [...italianKeys].filter((key) => !isUsed(key)).sort();
    if (unused.length) console.warn(`Message keys no code seems to use (${unused.length}; some may be used in ways the scan cannot see):\n  ${unused.join('\n  ')}`);
    expect(unused.length).toBeLessThan(italianKeys.size);
  });
});
