import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rtlcss from 'rtlcss';
import { purgeCss, scanSources } from './purge-css.ts';

const require = createRequire(import.meta.url);
const biDist = path.join(path.dirname(require.resolve('bootstrap-italia/package.json')), 'dist');

/** The folder of Bootstrap Italia's fonts, served under /assets/fonts. */
export const fontsDir = path.join(biDist, 'fonts');

/** Icons of the Bootstrap Italia sprite that Crocevia uses; the page loads only these. */
const ICONS = [
  'it-arrow-right', 'it-arrow-left', 'it-calendar', 'it-check-circle', 'it-chevron-left', 'it-chevron-right', 'it-clock',
  'it-close', 'it-download', 'it-error', 'it-external-link', 'it-file', 'it-info-circle', 'it-key', 'it-list', 'it-locked',
  'it-logout', 'it-mail', 'it-map-marker', 'it-pa', 'it-pencil', 'it-plus', 'it-print', 'it-search', 'it-settings',
  'it-telephone', 'it-user', 'it-warning-circle', 'it-warning', 'it-help-circle', 'it-chart-line', 'it-presentation',
  'it-horn', 'it-delete', 'it-refresh', 'it-files', 'it-inbox',
];

// The purged stylesheet is the same for every server of the process (tests build many).
let purgedBootstrap: string | null = null;

/** A static asset held in memory with a content hash for cache-busting. */
export interface MemoryAsset {
  body: Buffer;
  contentType: string;
  hash: string;
  /** The body compressed once with brotli's best quality, on first demand. */
  brotli?: Buffer;
}

function asset(body: string | Buffer, contentType: string): MemoryAsset {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return { body: buffer, contentType, hash: createHash('sha256').update(buffer).digest('hex').slice(0, 12) };
}

/** Builds the page assets once per process: Bootstrap Italia CSS (and its mirrored copy), app CSS, icon sprite. */
export function buildAssets(): Map<string, MemoryAsset> {
  const assets = new Map<string, MemoryAsset>();
  const css = (purgedBootstrap ??= purgeCss(
    fs.readFileSync(path.join(biDist, 'css', 'bootstrap-italia.min.css'), 'utf8').replace(/\/\*# sourceMappingURL=.*?\*\//g, '')
      // Crocevia has no video player: drop the VideoJS icon font, an inline data: font the CSP would refuse.
      .replace(/@font-face\{font-family:VideoJS;[^}]*\}/g, ''),
    // Only the rules whose classes Crocevia's sources may use: 86 kB gzip of CSS become about 16 kB.
    scanSources([fileURLToPath(new URL('../../', import.meta.url))]),
  ));
  assets.set('bootstrap-italia.css', asset(css, 'text/css; charset=utf-8'));
  // Bootstrap Italia ships no right-to-left build: mirror it for Arabic and Urdu.
  assets.set('bootstrap-italia.rtl.css', asset(rtlcss.process(css), 'text/css; charset=utf-8'));
  const appCss = fs.readFileSync(new URL('./assets/app.css', import.meta.url), 'utf8');
  assets.set('app.css', asset(appCss, 'text/css; charset=utf-8'));
  const sprite = fs.readFileSync(path.join(biDist, 'svg', 'sprites.svg'), 'utf8');
  const symbols = ICONS.map((id) => {
    const match = new RegExp(`<symbol id="${id}"[\\s\\S]*?</symbol>`).exec(sprite);
    return match ? match[0] : '';
  }).join('');
  assets.set('icons.svg', asset(`<svg xmlns="http://www.w3.org/2000/svg">${symbols}</svg>`, 'image/svg+xml'));
  return assets;
}
