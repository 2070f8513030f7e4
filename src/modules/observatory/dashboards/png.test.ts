import { describe, expect, it } from 'vitest';
import { renderChartSvg } from './chart-svg.ts';
import { drawSvg, renderPng } from './png.ts';

const WIDTH = 260;
const HEIGHT = 60;

/** The image of one line of text at 24 px, starting at x = 20 on baseline 40. */
function draw(text: string, anchor = 'start'): { pixels: Buffer; width: number } {
  const image = drawSvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><text x="20" y="40" font-size="24" text-anchor="${anchor}">${text}</text></svg>`, 1);
  return { pixels: image.pixels, width: image.width };
}

/** Dark grey to black pixels (text, not the blue bars) in columns [from, to) and rows [top, bottom). */
function ink(image: { pixels: Buffer; width: number }, from = 0, to = WIDTH, top = 0, bottom = Infinity): number {
  let count = 0;
  for (let i = 0; i < image.pixels.length; i += 4) {
    const x = (i / 4) % image.width;
    const y = Math.floor(i / 4 / image.width);
    if (x >= from && x < to && y >= top && y < bottom && Math.max(image.pixels[i]!, image.pixels[i + 1]!, image.pixels[i + 2]!) < 128) count++;
  }
  return count;
}

describe('PNG charts in every public language', () => {
  // Pairs of words with as many characters: missing glyphs would draw the same boxes (or nothing) for both.
  const words: Record<string, [string, string]> = {
    it: ['Casa', 'Nido'],
    uk: ['Київ', 'Львів'],
    ar: ['سلام', 'شكرا'],
    ur: ['شہری', 'ملکی'],
    zh: ['外国居民', '人口数量'],
    bn: ['বাংলা', 'ভাষার'],
  };
  for (const [locale, [first, second]] of Object.entries(words)) {
    it(`draws the letters of ${locale} labels`, () => {
      const a = draw(first);
      const b = draw(second);
      expect(ink(a)).toBeGreaterThan(150);
      expect(ink(b)).toBeGreaterThan(150);
      expect(a.pixels.equals(b.pixels)).toBe(false);
      expect(ink(draw(''))).toBe(0);
    });
  }

  it('puts a Latin name inside an Arabic label on the left, where right-to-left reading ends', () => {
    const mixed = draw('ب ABC');
    const latin = draw('ABC');
    const latinEnd = 20 + Math.max(...[...Array(WIDTH).keys()].filter((x) => ink(latin, x, x + 1) > 0));
    // The columns of "ABC" are the same in both images, and the Arabic letter comes after them.
    for (let x = 0; x < latinEnd - 20; x++) expect(ink(mixed, x, x + 1), `column ${x}`).toBe(ink(latin, x, x + 1));
    expect(ink(mixed, latinEnd, WIDTH)).toBeGreaterThan(20);
  });

  it('anchors right-to-left text at its end like any other text', () => {
    const end = draw('سلام', 'end');
    expect(ink(end, 0, 20)).toBeGreaterThan(50);
    expect(ink(end, 21, WIDTH)).toBe(0);
  });

  it('draws the Arabic title and the Chinese categories of a chart', () => {
    const svg = renderChartSvg({ title: 'المقيمون الأجانب', kind: 'bar', categories: ['摩洛哥', '乌克兰'], series: [{ name: 'x', values: [1, 2] }] });
    // resvg's `pixels` is a getter that copies the image: read it once.
    const drawnImage = drawSvg(svg, 1);
    const image = { pixels: drawnImage.pixels, width: drawnImage.width };
    expect(ink(image, 0, 640, 0, 24)).toBeGreaterThan(100);
    // Category labels under the axis (y = 280), one under each bar.
    expect(ink(image, 0, 320, 284, 304)).toBeGreaterThan(40);
    expect(ink(image, 320, 640, 284, 304)).toBeGreaterThan(40);
    expect(renderPng(svg, 1).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
