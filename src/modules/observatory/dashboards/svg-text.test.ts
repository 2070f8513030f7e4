import { describe, expect, it } from 'vitest';
import { outlineText } from '../../../kernel/web/fonts.ts';
import { outlineSvgText } from './svg-text.ts';

describe('SVG text as outlines', () => {
  it('replaces each text by the path of its glyphs, keeping transform and paint', () => {
    const svg = '<svg><text dominant-baseline="central" text-anchor="middle" style="font-size:12px;font-family:Titillium Web, sans-serif;font-weight:600;" y="6" transform="translate(208 272)" fill="#1a1a1a">A &amp; B</text></svg>';
    const out = outlineSvgText(svg);
    const { d, width } = outlineText('A & B', { size: 12, weight: 'semibold' });
    expect(out).not.toContain('<text');
    expect(out).toContain(`d="${d}"`);
    expect(out).toMatch(/^<svg><g transform="translate\(208 272\)"><path transform="translate\(([-\d.]+) ([-\d.]+)\)" d="[^"]+" fill="#1a1a1a"\/><\/g><\/svg>$/);
    const [, x, y] = /translate\(([-\d.]+) ([-\d.]+)\)" d=/.exec(out)!;
    expect(Number(x)).toBeCloseTo(-width / 2, 1);
    // A central baseline sits below y, by about a third of the size.
    expect(Number(y)).toBeGreaterThan(6 + 12 * 0.3);
    expect(Number(y)).toBeLessThan(6 + 12 * 0.45);
  });

  it('anchors at the end and reads sizes from attributes; leaves text with child elements alone', () => {
    const out = outlineSvgText('<svg font-family="x"><text x="100" y="20" font-size="14" text-anchor="end">مرحبا</text><text x="0" y="0"><tspan>a</tspan></text></svg>');
    const { width } = outlineText('مرحبا', { size: 14, weight: 'regular' });
    expect(out).toContain(`<path transform="translate(${(100 - width).toFixed(2)} 20.00)"`);
    expect(out).toContain('<text x="0" y="0"><tspan>a</tspan></text>');
  });
});
