// Turns the <text> of our SVG charts and maps into outlines set by the kernel's fonts (fonts.ts): resvg's own
// text layout drops spaces and vowel signs in Bengali and does not fall back from one font to another inside a
// right-to-left run, so the PNGs are drawn from paths shaped the same way as the PDFs.
import { fontOf, outlineText, primaryFace, type Direction, type FontWeight } from '../../../kernel/web/fonts.ts';

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const unescape = (text: string) =>
  text.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name!.toLowerCase()]!);

/** The attributes of an element, with its `style` declarations taking precedence. */
function propertiesOf(attributes: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const [, name, value] of attributes.matchAll(ATTRIBUTE)) properties.set(name!, value!);
  for (const declaration of (properties.get('style') ?? '').split(';')) {
    const [name, ...value] = declaration.split(':');
    if (name?.trim() && value.length > 0) properties.set(name.trim(), value.join(':').trim());
  }
  return properties;
}

function weightOf(value: string | undefined): FontWeight {
  if (value === 'bold' || value === 'bolder') return 'bold';
  const number = Number(value);
  if (number >= 700) return 'bold';
  if (number >= 600) return 'semibold';
  if (number > 0 && number < 400) return 'light';
  return 'regular';
}

/** Offset from `y` to the alphabetic baseline for a `dominant-baseline`, in ems (Titillium's metrics). */
function baselineShift(baseline: string | undefined): number {
  const font = fontOf(primaryFace, 'regular');
  const ascent = font.ascent / font.unitsPerEm;
  const descent = font.descent / font.unitsPerEm;
  switch (baseline) {
    case 'central':
    case 'middle':
      return (ascent + descent) / 2;
    case 'hanging':
    case 'text-before-edge':
    case 'text-top':
      return ascent;
    case 'text-after-edge':
    case 'text-bottom':
    case 'ideographic':
      return descent;
    default:
      return 0;
  }
}

/**
 * Replaces every plain `<text>` element (no child elements) of an SVG document by a `<path>` of its glyphs,
 * keeping its position, anchor, baseline, transform and paint. Text with child elements is left as it is.
 */
export function outlineSvgText(svg: string, fallbackSize = 12): string {
  return svg.replace(TEXT, (_element, attributes: string, content: string) => {
    const text = unescape(content);
    const p = propertiesOf(attributes);
    const size = Number.parseFloat(p.get('font-size') ?? '') || fallbackSize;
    const direction = p.get('direction') as Direction | undefined;
    const { d, width } = outlineText(text, { size, weight: weightOf(p.get('font-weight')), direction: direction ?? 'auto' });
    const x = Number.parseFloat(p.get('x') ?? '0') || 0;
    const y = Number.parseFloat(p.get('y') ?? '0') || 0;
    const anchor = p.get('text-anchor') ?? 'start';
    const isEnd = direction === 'rtl' ? anchor === 'start' : anchor === 'end';
    const left = anchor === 'middle' ? x - width / 2 : isEnd ? x - width : x;
    const baseline = y + baselineShift(p.get('dominant-baseline')) * size;
    const paint = ['fill', 'fill-opacity', 'opacity', 'stroke', 'stroke-width']
      .filter((name) => p.has(name))
      .map((name) => ` ${name}="${p.get(name)}"`)
      .join('');
    const path = `<path transform="translate(${left.toFixed(2)} ${baseline.toFixed(2)})" d="${d}"${paint}/>`;
    return p.has('transform') ? `<g transform="${p.get('transform')}">${path}</g>` : path;
  });
}
