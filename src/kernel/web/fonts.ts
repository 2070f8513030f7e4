// The typefaces of generated documents (PDF, PNG) and how text in any of the ten public languages is set with
// them: each character gets the first face that has it (Titillium Web for Latin, the shipped Noto subsets for
// Cyrillic, Arabic, Bengali and Chinese), and each line is put in visual order with the Unicode bidirectional
// algorithm, so Arabic and Urdu read right to left with numbers and Latin names left to right inside them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import bidiModule from 'bidi-js';
import * as fontkit from 'fontkit';
import { fontsDir } from './assets.ts';

/** The weights documents use; faces without a weight use the nearest (light → regular, semibold → bold). */
export type FontWeight = 'light' | 'regular' | 'semibold' | 'bold';

/** A typeface and its files, in fallback order in {@link FACES}. */
export interface Face {
  id: 'titillium-web' | 'noto-sans' | 'noto-sans-arabic' | 'noto-sans-bengali' | 'noto-sans-sc';
  family: string;
  files: Readonly<Record<FontWeight, string>>;
  /** Line height in ems for lines set (partly) in this face; the taller scripts need more room. */
  lineHeight: number;
  /** Whether its letters connect (Arabic, Bengali), so letter-spacing must not pull them apart. */
  isJoined: boolean;
}

const titillium = (file: string) => path.join(fontsDir, 'Titillium_Web', `titillium-web-v10-latin-ext_latin-${file}.ttf`);
const noto = (file: string) => fileURLToPath(new URL(`./assets/fonts/${file}`, import.meta.url));
const twoWeights = (name: string, ext: string) => {
  const regular = noto(`${name}-regular.${ext}`);
  const bold = noto(`${name}-bold.${ext}`);
  return { light: regular, regular, semibold: bold, bold };
};

/** The faces, in the order a character looks for one that has it. */
export const FACES: readonly Face[] = [
  // Bootstrap Italia's typeface: every Latin-script language (it, en, fr, es, sq).
  { id: 'titillium-web', family: 'Titillium Web', files: { light: titillium('300'), regular: titillium('regular'), semibold: titillium('600'), bold: titillium('700') }, lineHeight: 1.52, isJoined: false },
  // Cyrillic (uk), Greek and the signs Titillium lacks.
  { id: 'noto-sans', family: 'Noto Sans', files: twoWeights('noto-sans', 'ttf'), lineHeight: 1.52, isJoined: false },
  { id: 'noto-sans-arabic', family: 'Noto Sans Arabic', files: twoWeights('noto-sans-arabic', 'ttf'), lineHeight: 1.8, isJoined: true },
  { id: 'noto-sans-bengali', family: 'Noto Sans Bengali', files: twoWeights('noto-sans-bengali', 'ttf'), lineHeight: 1.6, isJoined: true },
  { id: 'noto-sans-sc', family: 'Noto Sans CJK SC', files: twoWeights('noto-sans-sc', 'otf'), lineHeight: 1.6, isJoined: false },
];

/** The primary face (Titillium Web): its metrics place the baseline of every line. */
export const primaryFace = FACES[0]!;

/** Every font file of every face (for renderers that take a list of files). */
export function fontFiles(): string[] {
  return [...new Set(FACES.flatMap((face) => Object.values(face.files)))];
}

const opened = new Map<string, fontkit.Font>();

/** The parsed font of a face at a weight (parsed once per process). */
export function fontOf(face: Face, weight: FontWeight): fontkit.Font {
  const file = face.files[weight];
  let font = opened.get(file);
  if (!font) {
    font = fontkit.openSync(file) as fontkit.Font;
    opened.set(file, font);
  }
  return font;
}

/** Whether a face has a glyph for a character (its weights are subset alike). */
export function hasGlyph(face: Face, codePoint: number): boolean {
  return fontOf(face, 'regular').hasGlyphForCodePoint(codePoint);
}

// Spaces, digits, punctuation and combining marks belong to no script: they stay in the face around them.
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
// Invisible format characters (joiners, bidirectional marks) go with the character before them.
const FORMAT = /^\p{Cf}$/u;
// The scripts fontkit lays out right to left (it reverses their glyphs itself).
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
// Marks and embeddings that only steer the bidirectional algorithm: nothing to draw.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A text without the bidirectional control characters, which steer the ordering but draw nothing. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A face for each UTF-16 unit of the text (both units of a surrogate pair get the same). */
export function facesOf(text: string): Face[] {
  const chars = [...text];
  const isFormat = chars.map((char) => FORMAT.test(char));
  const chosen: (Face | null)[] = chars.map((char, i) =>
    isFormat[i] || NEUTRAL.test(char) ? null : (FACES.find((f) => hasGlyph(f, char.codePointAt(0)!)) ?? primaryFace));
  // A neutral character keeps the face before it, else takes the one after it, else the first that has it.
  let previous: Face | null = null;
  for (let i = 0; i < chars.length; i++) {
    if (isFormat[i]) continue;
    if (chosen[i]) {
      previous = chosen[i]!;
      continue;
    }
    const code = chars[i]!.codePointAt(0)!;
    const next = chosen.slice(i + 1).find((f) => f !== null) ?? null;
    chosen[i] = [previous, next].find((f) => f && hasGlyph(f, code)) ?? FACES.find((f) => hasGlyph(f, code)) ?? primaryFace;
    previous = chosen[i]!;
  }
  for (let i = 0; i < chars.length; i++) {
    if (isFormat[i]) chosen[i] = chosen[i - 1] ?? chosen.slice(i + 1).find((f) => f !== null) ?? primaryFace;
  }
  return chars.flatMap((char, i) => (char.length === 2 ? [chosen[i]!, chosen[i]!] : [chosen[i]!]));
}

/** A text direction; where `'auto'` is also accepted, it is taken from the first letter (Unicode rules P2–P3). */
export type Direction = 'ltr' | 'rtl';

/** A paragraph analysed once: the face and the bidirectional embedding level of each UTF-16 unit. */
export interface Paragraph {
  text: string;
  faces: Face[];
  levels: Uint8Array;
  isRtl: boolean;
}

// bidi-js is CommonJS exporting the factory itself; its types describe an ES module's default export.
const bidi = (bidiModule as unknown as typeof bidiModule.default)();

/** Analyses a paragraph (text without line breaks) for setting. */
export function analyseParagraph(text: string, direction: Direction | 'auto' = 'auto'): Paragraph {
  const embedding = bidi.getEmbeddingLevels(text, direction);
  const level = embedding.paragraphs[0]?.level ?? (direction === 'rtl' ? 1 : 0);
  return { text, faces: facesOf(text), levels: embedding.levels, isRtl: level % 2 === 1 };
}

/** The direction of a text by its first letter (Arabic, Urdu: right to left), or `fallback` when it has none. */
export function textDirectionOf(text: string, fallback: Direction = 'ltr'): Direction {
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return fallback;
}

/** A stretch of a line in one face and one direction, its text ready for fontkit (see {@link visualPieces}). */
export interface Piece {
  text: string;
  face: Face;
  isRtl: boolean;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const reverseGraphemes = (text: string) => [...graphemes.segment(text)].map((s) => s.segment).reverse().join('');

/**
 * The pieces of the line `[start, end)` of a paragraph, from left to right. fontkit shapes a string and then
 * reverses it when its first letter is of a right-to-left script; each piece's text is given so that what
 * fontkit draws reads in the right order: mirrored brackets in right-to-left pieces, and reversed beforehand
 * when fontkit would not reverse it (a right-to-left run of punctuation) or would wrongly (Arabic-Indic digits
 * inside a right-to-left line, which read left to right).
 */
export function visualPieces(paragraph: Paragraph, start = 0, end = paragraph.text.length): Piece[] {
  const { text, faces, levels } = paragraph;
  const runs: { start: number; end: number; level: number; face: Face }[] = [];
  for (let i = start; i < end; i++) {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i] && last.face === faces[i]) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level: levels[i]!, face: faces[i]! });
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above.
  const highest = Math.max(0, ...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i]!.level < level) continue;
      let j = i;
      while (j + 1 < runs.length && runs[j + 1]!.level >= level) j++;
      runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return runs.map((run) => {
    const isRtl = run.level % 2 === 1;
    let piece = withoutBidiControls(text.slice(run.start, run.end));
    if (isRtl) piece = [...piece].map((c) => bidi.getMirroredCharacter(c) ?? c).join('');
    const first = SCRIPTED.exec(piece)?.[0];
    const isReversedByFontkit = first !== undefined && RTL_SCRIPT.test(first);
    if (isRtl !== isReversedByFontkit) piece = reverseGraphemes(piece);
    return { text: piece, face: run.face, isRtl };
  }).filter((piece) => piece.text !== '');
}

// Where a line may not start (closing punctuation) or end (opening punctuation) in Chinese text.
const NO_START = /[、。，．：；？！）」』】〉》〕］｝”’…·%)\]}:;,.!?]/u;
const NO_END = /[（「『【〈《〔［｛“‘([{]/u;
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/** Indices where a new line may start: after spaces, and between Chinese characters. */
export function breakPoints(text: string): number[] {
  const points: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const before = text[i - 1]!;
    const after = text[i]!;
    if (/\s/.test(after)) continue;
    if (/\s/.test(before)) points.push(i);
    else if ((IDEOGRAPHIC.test(before) || IDEOGRAPHIC.test(after)) && !NO_START.test(after) && !NO_END.test(before) && !/[\udc00-\udfff]/.test(after)) points.push(i);
  }
  return points;
}

/** Line height (in ems) of a line using these faces. */
export function lineHeightOf(faces: Iterable<Face>): number {
  let height = primaryFace.lineHeight;
  for (const face of faces) height = Math.max(height, face.lineHeight);
  return height;
}

/** The outline of one line of text as an SVG path (baseline at y = 0, starting at x = 0) and its advance width. */
export function outlineText(text: string, options: { size: number; weight: FontWeight; direction?: Direction | 'auto' }): { d: string; width: number } {
  const paragraph = analyseParagraph(text, options.direction ?? 'auto');
  const parts: string[] = [];
  let x = 0;
  for (const piece of visualPieces(paragraph)) {
    const font = fontOf(piece.face, options.weight);
    const scale = options.size / font.unitsPerEm;
    const run = font.layout(piece.text);
    run.glyphs.forEach((glyph, i) => {
      const position = run.positions[i]!;
      const d = glyph.path.transform(scale, 0, 0, -scale, x + position.xOffset * scale, -position.yOffset * scale).toSVG();
      if (d) parts.push(d);
      x += position.xAdvance * scale;
    });
  }
  return { d: parts.join(''), width: x };
}
