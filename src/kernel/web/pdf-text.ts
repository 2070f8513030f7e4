// Text in pdfkit documents in any of the ten public languages. pdfkit sets a string in one font and left to
// right; this writer splits each line into pieces by face (fonts.ts) and puts them in visual order, so Arabic
// and Urdu come out shaped and right to left, Chinese and Bengali in their own fonts, all on one baseline.
import { analyseParagraph, breakPoints, FACES, fontOf, lineHeightOf, primaryFace, visualPieces, withoutBidiControls, type Direction, type Face, type FontWeight, type Paragraph, type Piece } from './fonts.ts';

const WEIGHTS: readonly FontWeight[] = ['light', 'regular', 'semibold', 'bold'];

/** The pdfkit name of a face at a weight: Titillium keeps the plain names (`regular`, `bold`…). */
export function pdfFontName(face: Face, weight: FontWeight): string {
  return face === primaryFace ? weight : `${face.id}-${weight}`;
}

/** Registers every face at every weight in a document (pdfkit embeds only the fonts and glyphs used). */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  for (const face of FACES) for (const weight of WEIGHTS) doc.registerFont(pdfFontName(face, weight), face.files[weight]);
  doc.font(pdfFontName(primaryFace, 'regular'));
}

/** How to write a text; `start`/`end` alignments follow the text's direction. */
export interface PdfTextOptions {
  size: number;
  weight?: FontWeight;
  /** Left edge of the box (default: the document's x). */
  x?: number;
  /** Top of the first line (default: the document's y). */
  y?: number;
  /** Width of the box (default: to the right margin). */
  width?: number;
  align?: 'start' | 'end' | 'center' | 'left' | 'right';
  /** Base direction; `auto` (the default) takes each paragraph's first letter. */
  direction?: Direction | 'auto';
  /** One line only, cut with an ellipsis when it does not fit. */
  isSingleLine?: boolean;
  characterSpacing?: number;
  link?: string;
  underline?: boolean;
}

interface Line {
  pieces: Piece[];
  widths: number[];
  width: number;
}

// Given `features`, pdfkit lays a string out whole; without, word by word, and a right-to-left piece would come
// out with its words in left-to-right order.
const WHOLE: PDFKit.Mixins.TextOptions = { features: [] };

function measure(doc: PDFKit.PDFDocument, piece: Pick<Piece, 'text' | 'face'>, options: PdfTextOptions): number {
  const spacing = piece.face.isJoined ? 0 : (options.characterSpacing ?? 0);
  const text = withoutBidiControls(piece.text);
  return doc.font(pdfFontName(piece.face, options.weight ?? 'regular')).fontSize(options.size).widthOfString(text, WHOLE) + spacing * [...text].length;
}

/** Width of the logical range [start, end) of a paragraph, trailing spaces left out. */
function widthOf(doc: PDFKit.PDFDocument, paragraph: Paragraph, start: number, end: number, options: PdfTextOptions): number {
  while (end > start && /\s/.test(paragraph.text[end - 1]!)) end--;
  let width = 0;
  let from = start;
  for (let i = start + 1; i <= end; i++) {
    if (i === end || paragraph.faces[i] !== paragraph.faces[from]) {
      width += measure(doc, { text: paragraph.text.slice(from, i), face: paragraph.faces[from]! }, options);
      from = i;
    }
  }
  return width;
}

/** Greedy line breaking at break points; a word wider than the box is broken between characters. */
function wrap(doc: PDFKit.PDFDocument, paragraph: Paragraph, width: number, options: PdfTextOptions): [number, number][] {
  const { text } = paragraph;
  const points = [...breakPoints(text), text.length];
  const lines: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = -1;
    for (const point of points) {
      if (point <= start) continue;
      if (widthOf(doc, paragraph, start, point, options) > width) break;
      end = point;
    }
    if (end === -1) {
      const next = points.find((p) => p > start)!;
      const cuts = [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text.slice(start, next))].map((s) => start + s.index + s.segment.length);
      end = cuts.filter((cut) => widthOf(doc, paragraph, start, cut, options) <= width).pop() ?? cuts[0]!;
    }
    lines.push([start, end]);
    start = end;
  }
  return lines;
}

function layoutLine(doc: PDFKit.PDFDocument, paragraph: Paragraph, start: number, end: number, options: PdfTextOptions): Line {
  const { text } = paragraph;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const pieces = visualPieces(paragraph, start, end);
  const widths = pieces.map((piece) => measure(doc, piece, options));
  return { pieces, widths, width: widths.reduce((a, b) => a + b, 0) };
}

/** A single line cut at the end (logically) with an ellipsis so that it fits the width. */
function ellipsize(doc: PDFKit.PDFDocument, text: string, width: number, options: PdfTextOptions): Line {
  const whole = analyseParagraph(text, options.direction ?? 'auto');
  const line = layoutLine(doc, whole, 0, text.length, options);
  if (line.width <= width) return line;
  const cuts = [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)].map((s) => s.index);
  let low = 0;
  let high = cuts.length - 1;
  let best = layoutLine(doc, analyseParagraph('…'), 0, 1, options);
  while (low <= high) {
    const middle = (low + high) >> 1;
    const cut = `${text.slice(0, cuts[middle]).trimEnd()}…`;
    const candidate = layoutLine(doc, analyseParagraph(cut, whole.isRtl ? 'rtl' : 'ltr'), 0, cut.length, options);
    if (candidate.width <= width) {
      best = candidate;
      low = middle + 1;
    } else high = middle - 1;
  }
  return best;
}

/** Where a written text ended up. */
export interface WrittenText {
  /** The y under its last line. */
  bottom: number;
  /** The baseline of its first line (to put a bullet beside it). */
  firstBaseline: number;
}

/**
 * Writes a text in a box, wrapping lines and adding pages like pdfkit's `text`, in the current fill colour;
 * leaves the document's position under the text (x at the box's left edge) and its font at the primary
 * face, so `moveDown` keeps working.
 */
export function writePdfText(doc: PDFKit.PDFDocument, text: string, options: PdfTextOptions): WrittenText {
  const x = options.x ?? doc.x;
  let y = options.y ?? doc.y;
  const width = options.width ?? doc.page.width - doc.page.margins.right - x;
  const weight = options.weight ?? 'regular';
  const ascentOf = (face: Face) => (fontOf(face, weight).ascent / fontOf(face, weight).unitsPerEm) * options.size;
  let firstBaseline: number | null = null;
  for (const paragraphText of text.split('\n')) {
    const paragraph = analyseParagraph(paragraphText, options.direction ?? 'auto');
    const lines = options.isSingleLine
      ? [ellipsize(doc, paragraphText, width, options)]
      : wrap(doc, paragraph, width, options).map(([start, end]) => layoutLine(doc, paragraph, start, end, options));
    if (lines.length === 0) lines.push({ pieces: [], widths: [], width: 0 });
    for (const line of lines) {
      const height = lineHeightOf(line.pieces.map((p) => p.face)) * options.size;
      if (!options.isSingleLine && y + height > doc.page.height - doc.page.margins.bottom && y > doc.page.margins.top) {
        doc.addPage();
        y = doc.page.margins.top;
      }
      const align = options.align ?? 'start';
      const isRight = align === 'right' || (align === 'start' && paragraph.isRtl) || (align === 'end' && !paragraph.isRtl);
      let left = align === 'center' ? x + (width - line.width) / 2 : isRight ? x + width - line.width : x;
      // Every line's baseline sits where Titillium's would, so texts written side by side line up; the taller
      // scripts' extra room goes under it.
      const baseline = y + ascentOf(primaryFace);
      firstBaseline ??= baseline;
      line.pieces.forEach((piece, i) => {
        doc.font(pdfFontName(piece.face, weight)).fontSize(options.size).text(piece.text, left, baseline - ascentOf(piece.face), {
          ...WHOLE,
          lineBreak: false,
          characterSpacing: piece.face.isJoined ? 0 : options.characterSpacing,
          link: options.link,
          underline: options.underline,
        });
        left += line.widths[i]!;
      });
      y += height;
    }
  }
  doc.font(pdfFontName(primaryFace, weight)).fontSize(options.size);
  doc.x = x;
  doc.y = y;
  return { bottom: y, firstBaseline: firstBaseline ?? y };
}
