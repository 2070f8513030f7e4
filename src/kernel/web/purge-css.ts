import fs from 'node:fs';
import path from 'node:path';

/** The names Crocevia's sources may use as classes: every word of them, and prefixes of computed names. */
export interface UsedNames {
  words: Set<string>;
  /** `btn-${kind}` in a template makes every class starting with "btn-" possibly used. */
  prefixes: string[];
}

const WORD = /[A-Za-z_][\w-]*/g;
const COMPUTED_PREFIX = /([A-Za-z_][\w-]*-)\$\{/g;

/** Collects the words of every source file (.ts, .js) under the given folders: a superset of the classes used. */
export function scanSources(dirs: string[]): UsedNames {
  const words = new Set<string>();
  const prefixes = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        for (const match of text.matchAll(WORD)) words.add(match[0]);
        for (const match of text.matchAll(COMPUTED_PREFIX)) prefixes.add(match[1]!);
      }
    }
  };
  for (const dir of dirs) if (fs.existsSync(dir)) visit(dir);
  return { words, prefixes: [...prefixes] };
}

/** Index just after the block or string or comment starting at `i`, or after the matching closer. */
function skipString(css: string, i: number): number {
  const quote = css[i];
  for (let j = i + 1; j < css.length; j++) {
    if (css[j] === '\\') j++;
    else if (css[j] === quote) return j + 1;
  }
  return css.length;
}

function matchingBrace(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") i = skipString(css, i) - 1;
    else if (c === '/' && css[i + 1] === '*') i = css.indexOf('*/', i + 2) + 1 || css.length;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return css.length - 1;
}

interface Node {
  prelude: string;
  /** Inside the braces; null for a statement ending with ';' or a comment. */
  body: string | null;
}

function parse(css: string): Node[] {
  const nodes: Node[] = [];
  let i = 0;
  while (i < css.length) {
    while (i < css.length && /\s/.test(css[i]!)) i++;
    if (i >= css.length) break;
    if (css.startsWith('/*', i)) {
      const end = css.indexOf('*/', i + 2);
      const stop = end < 0 ? css.length : end + 2;
      if (css[i + 2] === '!') nodes.push({ prelude: css.slice(i, stop), body: null });
      i = stop;
      continue;
    }
    let j = i;
    let depth = 0;
    while (j < css.length) {
      const c = css[j];
      if (c === '"' || c === "'") j = skipString(css, j);
      else if (c === '(' || c === '[') (depth++, j++);
      else if (c === ')' || c === ']') (depth--, j++);
      else if (depth === 0 && (c === '{' || c === ';' || c === '}')) break;
      else j++;
    }
    if (css[j] === ';' || css[j] === '}' || j >= css.length) {
      const statement = css.slice(i, j).trim();
      if (statement) nodes.push({ prelude: `${statement};`, body: null });
      i = j + 1;
      continue;
    }
    const close = matchingBrace(css, j);
    nodes.push({ prelude: css.slice(i, j).trim(), body: css.slice(j + 1, close) });
    i = close + 1;
  }
  return nodes;
}

/** Splits a selector list at its top-level commas. */
function splitSelectors(prelude: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const c = prelude[i];
    if (c === '"' || c === "'") i = skipString(prelude, i) - 1;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(prelude.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(prelude.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

// Arguments of these pseudo-classes only narrow or widen a selector that already matches without them.
function withoutOptionalParts(selector: string): string {
  let out = selector.replace(/\[[^\]]*\]/g, '');
  for (let guard = 0; guard < 10; guard++) {
    const next = out.replace(/:(?:not|is|where|has|matches|-webkit-any|-moz-any)\((?:[^()]|\([^()]*\))*\)/g, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Whether every class a selector requires may appear in the sources. */
export function isSelectorUsed(selector: string, used: UsedNames): boolean {
  for (const match of withoutOptionalParts(selector).matchAll(/\.(-?[_a-zA-Z\\][\w\\/:.%-]*?)(?=[\s>+~.#:[\])]|$)/g)) {
    const name = match[1]!;
    if (name.includes('\\')) return false;
    if (!used.words.has(name) && !used.prefixes.some((p) => name.startsWith(p))) return false;
  }
  return true;
}

const GROUPING = /^@(media|supports|container|layer|document|-moz-document)\b/i;
const KEYFRAMES = /^@(-webkit-|-moz-)?keyframes\s+([\w-]+)/i;

function purgeNodes(nodes: Node[], used: UsedNames): string {
  let out = '';
  for (const node of nodes) {
    if (node.body === null) out += node.prelude;
    else if (GROUPING.test(node.prelude)) {
      const inner = purgeNodes(parse(node.body), used);
      if (inner) out += `${node.prelude}{${inner}}`;
    } else if (node.prelude.startsWith('@')) out += `${node.prelude}{${node.body}}`;
    else {
      const kept = splitSelectors(node.prelude).filter((s) => isSelectorUsed(s, used));
      if (kept.length) out += `${kept.join(',')}{${node.body}}`;
    }
  }
  return out;
}

/** Drops the keyframes no kept declaration animates with. */
function dropUnusedKeyframes(css: string): string {
  const nodes = parse(css);
  const rest = nodes.filter((n) => !KEYFRAMES.test(n.prelude)).map((n) => `${n.prelude}{${n.body ?? ''}}`).join('');
  return nodes
    .filter((n) => {
      const name = KEYFRAMES.exec(n.prelude)?.[2];
      return !name || new RegExp(`[\\s:,]${name}(?![\\w-])`).test(rest);
    })
    .map((n) => (n.body === null ? n.prelude : `${n.prelude}{${n.body}}`))
    .join('');
}

/**
 * Keeps the rules of a stylesheet whose selectors need only classes that may appear in the sources
 * (element, attribute and id selectors always stay), and the at-rules that still hold some.
 */
export function purgeCss(css: string, used: UsedNames): string {
  return dropUnusedKeyframes(purgeNodes(parse(css), used));
}
