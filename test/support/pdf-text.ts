// Reads back the text of the PDFs pdfkit writes (tests only): every text operator's glyphs, mapped to their
// characters through the font's ToUnicode table, with the font and the position they are drawn at. Glyphs
// come in drawing order, left to right: a right-to-left word reads backwards.
import zlib from 'node:zlib';

/** The glyphs one text operator draws. */
export interface PdfTextRun {
  page: number;
  /** The font's name without its subset prefix (`NotoSansArabic-Regular`). */
  font: string;
  x: number;
  /** The baseline, from the bottom of the page. */
  y: number;
  /** The characters of each glyph, in drawing order (a ligature has several). */
  glyphs: string[];
}

interface PdfObject {
  dictionary: string;
  stream: Buffer | null;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\n/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('\nendobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('\nstream\n');
    if (streamAt === -1) {
      objects.set(Number(match[1]), { dictionary: body, stream: null });
      continue;
    }
    const dictionary = body.slice(0, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1]);
    const from = start + streamAt + '\nstream\n'.length;
    const raw = pdf.subarray(from, from + length);
    objects.set(Number(match[1]), { dictionary, stream: dictionary.includes('/FlateDecode') ? zlib.inflateSync(raw) : raw });
    header.lastIndex = from + length;
  }
  return objects;
}

/** The characters of each glyph code, from a pdfkit ToUnicode CMap (`<start> <end> [<code units> …]`). */
function toUnicodeOf(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, start, entries] of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
    [...entries!.matchAll(/<([0-9a-f ]*)>/gi)].forEach(([, hex], i) => {
      const units = hex!.replace(/ /g, '').match(/.{4}/g) ?? [];
      map.set(parseInt(start!, 16) + i, String.fromCharCode(...units.map((u) => parseInt(u, 16))));
    });
  }
  return map;
}

/** Every text run of a pdfkit document, page by page in drawing order. */
export function pdfTextRuns(pdf: Buffer): PdfTextRun[] {
  const objects = objectsOf(pdf);
  const ref = (dictionary: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary)?.[1]);
  const fonts = new Map<string, { name: string; unicode: Map<number, string> }>();
  for (const { dictionary } of objects.values()) {
    for (const [, id, number] of dictionary.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(number))!.dictionary;
      const cmap = objects.get(ref(font, 'ToUnicode'))?.stream?.toString('latin1') ?? '';
      fonts.set(id!, { name: /\/BaseFont \/(?:[A-Z]{6}\+)?(\S+)/.exec(font)?.[1] ?? id!, unicode: toUnicodeOf(cmap) });
    }
  }
  const runs: PdfTextRun[] = [];
  const pages = [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dictionary));
  pages.forEach((page, index) => {
    const content = objects.get(ref(page.dictionary, 'Contents'))?.stream?.toString('latin1') ?? '';
    let font = '';
    let run: PdfTextRun | null = null;
    let isStart = false;
    // One BT … ET block per piece of text pdfkit draws; inside it, further Tm only shift marks.
    for (const line of content.split('\n')) {
      const tf = /^\/(F\d+) [\d.]+ Tf$/.exec(line);
      const tm = /^1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm$/.exec(line);
      if (line === 'BT') isStart = true;
      else if (line === 'ET') run = null;
      else if (tf) {
        font = tf[1]!;
        // pdfkit sets the font after the position.
        if (run && run.glyphs.length === 0) run.font = fonts.get(font)?.name ?? font;
      }
      else if (tm && isStart) {
        run = { page: index, font: fonts.get(font)?.name ?? font, x: Number(tm[1]), y: Number(tm[2]), glyphs: [] };
        runs.push(run);
        isStart = false;
      } else if (run && line.endsWith('TJ')) {
        const unicode = fonts.get(font)?.unicode ?? new Map<number, string>();
        run.glyphs.push(...[...line.matchAll(/<([0-9a-f]+)>/gi)].flatMap(([, hex]) => (hex!.match(/.{4}/g) ?? []).map((g) => unicode.get(parseInt(g, 16)) ?? '\ufffd')));
      }
    }
  });
  return runs;
}

/** The lines of a page as drawn, left to right: runs on one baseline, by x. */
export function pdfVisualLines(pdf: Buffer, page = 0): { y: number; runs: PdfTextRun[]; text: string }[] {
  const byBaseline = new Map<number, PdfTextRun[]>();
  for (const run of pdfTextRuns(pdf).filter((r) => r.page === page)) {
    const y = Math.round(run.y * 10) / 10;
    byBaseline.set(y, [...(byBaseline.get(y) ?? []), run]);
  }
  return [...byBaseline.entries()]
    .sort(([a], [b]) => b - a)
    .map(([y, runs]) => {
      const sorted = runs.sort((a, b) => a.x - b.x);
      return { y, runs: sorted, text: sorted.flatMap((r) => r.glyphs).join('') };
    });
}

/** A line drawn right to left, read in its own order (glyphs reversed; a ligature's characters kept in order). */
export function readRightToLeft(runs: PdfTextRun[]): string {
  return runs.flatMap((r) => r.glyphs).reverse().join('');
}
