// SVG → PNG with resvg, using the Titillium Web fonts shipped with Bootstrap Italia (no system fonts: the same
// pictures on every machine).
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { fontsDir } from '../../../kernel/web/assets.ts';

/** The Titillium Web TTF files (regular and semibold) used for PNG and PDF output. */
export const TITILLIUM = {
  regular: path.join(fontsDir, 'Titillium_Web', 'titillium-web-v10-latin-ext_latin-regular.ttf'),
  semibold: path.join(fontsDir, 'Titillium_Web', 'titillium-web-v10-latin-ext_latin-600.ttf'),
};

/** Renders an SVG document as a PNG (white background), `scale` times its size. */
export function renderPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: [TITILLIUM.regular, TITILLIUM.semibold], loadSystemFonts: false, defaultFontFamily: 'Titillium Web' },
  });
  return resvg.render().asPng();
}
