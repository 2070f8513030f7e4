import fs from 'node:fs';
import path from 'node:path';

/** A message key written in the code: a plain key, or a template with `${…}` parts turned into a pattern. */
export interface KeyUse {
  key: string;
  /** Set for template keys: matches the keys the template can produce. */
  pattern?: RegExp;
  file: string;
  line: number;
}

const LITERAL = String.raw`(?:'([^'\\\n]*)'|"([^"\\\n]*)"|\x60([^\x60\\]*)\x60)`;
const ANY_LITERAL = new RegExp(LITERAL, 'g');
// t(…), req.t(…), ctx.t(…): the key is the first argument.
const TRANSLATE_CALL = /(?<![\w$])t\(/g;
// ctx.i18n.t(locale, …): the key is the second argument.
const I18N_CALL = /\bi18n\.t\(/g;
// Properties and variables that hold message keys by convention.
const PROPERTY = new RegExp(String.raw`\b(?:labelKey|titleKey|descriptionKey|messageKey|detailKey|hintKey)\s*[:=]\s*${LITERAL}`, 'g');
const ERROR_CONSTRUCTOR = /\bnew\s+[A-Z]\w*Error\(/g;
const KEY_LIKE = /^[a-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$/;
const PLACEHOLDER = /\$\{[^}]*\}/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// The top-level arguments of the call whose "(" is at `open`, skipping over strings and nested brackets.
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) return [...args, text.slice(start, i)];
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return args;
}

function literalsIn(text: string): string[] {
  return [...text.matchAll(ANY_LITERAL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function toUse(raw: string, file: string, line: number): KeyUse | null {
  if (raw.includes('${')) {
    if (!KEY_LIKE.test(raw.replace(PLACEHOLDER, 'x'))) return null;
    const pattern = raw
      .split(PLACEHOLDER)
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+');
    return { key: raw, pattern: new RegExp(`^${pattern}$`), file, line };
  }
  return KEY_LIKE.test(raw) ? { key: raw, file, line } : null;
}

/**
 * Finds the message keys the code under `dir` uses: literals in the key argument of `t(…)` and
 * `i18n.t(locale, …)` (both branches of a ternary too), `*Key:` properties, literals passed to
 * `new …Error(…)` that start with a message namespace (`namespaces`: the kernel's and the modules'),
 * and anywhere, literals that start with one of `anywhereNamespaces` (field and error keys: `validation.`, `errors.`).
 */
export function scanKeyUses(options: { root: string; dir: string; namespaces: ReadonlySet<string>; anywhereNamespaces: ReadonlySet<string> }): KeyUse[] {
  const uses = new Map<string, KeyUse>();
  const add = (raws: string[], file: string, line: number, within?: ReadonlySet<string>): void => {
    for (const raw of raws) {
      if (within && !within.has(raw.split('.')[0] ?? '')) continue;
      const use = toUse(raw, file, line);
      if (use) uses.set(`${file}:${line}:${use.key}`, use);
    }
  };
  for (const full of sourceFiles(path.join(options.root, options.dir))) {
    const file = path.relative(options.root, full);
    const text = fs.readFileSync(full, 'utf8');
    const calls: [RegExp, number, ReadonlySet<string> | undefined][] = [
      [TRANSLATE_CALL, 0, undefined],
      [I18N_CALL, 1, undefined],
      [ERROR_CONSTRUCTOR, -1, options.namespaces],
    ];
    for (const [re, index, within] of calls) {
      for (const m of text.matchAll(re)) {
        const args = callArguments(text, m.index + m[0].length - 1);
        const chosen = index < 0 ? args : args.slice(index, index + 1);
        add(chosen.flatMap(literalsIn), file, lineAt(text, m.index), within);
      }
    }
    for (const m of text.matchAll(PROPERTY)) add([m[1] ?? m[2] ?? m[3] ?? ''], file, lineAt(text, m.index));
    for (const m of text.matchAll(ANY_LITERAL)) add([m[1] ?? m[2] ?? m[3] ?? ''], file, lineAt(text, m.index), options.anywhereNamespaces);
  }
  return [...uses.values()];
}

/** Every dotted string literal under `dir`: a key kept in a table (`created: 'accounts.staff.notices.created'`) counts as used. */
export function scanKeyLiterals(options: { root: string; dir: string }): Set<string> {
  const out = new Set<string>();
  for (const full of sourceFiles(path.join(options.root, options.dir))) {
    for (const raw of literalsIn(fs.readFileSync(full, 'utf8'))) if (KEY_LIKE.test(raw)) out.add(raw);
  }
  return out;
}
