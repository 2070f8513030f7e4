// SVG → PNG with resvg. Text is turned into outlines first (svg-text.ts) with the fonts shipped in the
// repository, so every language draws the same on every machine, whatever fonts the system has.
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import { fontFiles, primaryFace } from '../../../kernel/web/fonts.ts';
import { outlineSvgText } from './svg-text.ts';

/** Draws an SVG document on a white background, `scale` times its size. */
export function drawSvg(svg: string, scale = 2): RenderedImage {
  const outlined = outlineSvgText(svg);
  const resvg = new Resvg(outlined, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    // Only text with child elements is left for resvg to set.
    font: { fontFiles: outlined.includes('<text') ? fontFiles() : [], loadSystemFonts: false, defaultFontFamily: primaryFace.family },
  });
  return resvg.render();
}

/** Renders an SVG document as a PNG (white background), `scale` times its size. */
export function renderPng(svg: string, scale = 2): Buffer {
  return drawSvg(svg, scale).asPng();
}
