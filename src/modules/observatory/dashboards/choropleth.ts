// Choropleth maps drawn as SVG from the shipped boundaries: lon/lat projected equirectangularly, x scaled by
// cos(mean latitude) so Italy keeps its shape; five classes by quantile, a legend, a <title> on every area.
import type { BoundaryFeature } from '../../territory/index.ts';
import { escapeHtml } from '../../../kernel/web/html.ts';

/** A map to draw: areas with their values, the title, how to print a value, the label of missing data. */
export interface ChoroplethSpec {
  title: string;
  features: BoundaryFeature[];
  values: Map<string, number | null>;
  format: (value: number) => string;
  missingLabel: string;
}

const COLOURS = ['#e6f0fa', '#b3d1f0', '#6fa8dc', '#2f77c2', '#0b4a8b'];
const MISSING = '#d9d9d9';

/** Class limits (upper bounds) splitting the values into up to five quantile classes. */
export function classBreaks(values: number[], classes = 5): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let k = 1; k <= classes; k++) {
    const at = sorted[Math.min(sorted.length - 1, Math.ceil((k * sorted.length) / classes) - 1)]!;
    if (breaks.length === 0 || at > breaks[breaks.length - 1]!) breaks.push(at);
  }
  return breaks;
}

function rings(feature: BoundaryFeature): number[][][] {
  return feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
}

/** Renders the map as a standalone SVG with role="img"; values are matched by each feature's code. */
export function renderChoroplethSvg(spec: ChoroplethSpec, width = 560): string {
  const points = spec.features.flatMap((f) => rings(f).flat());
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const mapWidth = width - 180;
  const scale = mapWidth / ((maxLon - minLon) * k || 1);
  const mapHeight = Math.max(200, (maxLat - minLat) * scale);
  const height = mapHeight + 40;
  const project = (p: number[]) => `${(8 + (p[0]! - minLon) * k * scale).toFixed(1)},${(32 + (maxLat - p[1]!) * scale).toFixed(1)}`;
  const known = [...spec.values.values()].filter((v): v is number => v !== null);
  const breaks = classBreaks(known);
  const colourOf = (v: number | null | undefined) => (v === null || v === undefined ? MISSING : COLOURS[Math.max(0, breaks.findIndex((b) => v <= b)) + COLOURS.length - breaks.length]!);
  const areas = spec.features.map((f) => {
    const v = spec.values.get(f.properties.code);
    const d = rings(f).map((ring) => `M${ring.map(project).join('L')}Z`).join('');
    const label = `${f.properties.name}: ${v === null || v === undefined ? spec.missingLabel : spec.format(v)}`;
    return `<path d="${d}" fill="${colourOf(v)}" stroke="#ffffff" stroke-width="0.6"><title>${escapeHtml(label)}</title></path>`;
  });
  const lower = (i: number) => (i === 0 ? Math.min(...known) : breaks[i - 1]!);
  const legend = breaks.map((b, i) => {
    const y = 40 + i * 22;
    const text = `${spec.format(lower(i))} – ${spec.format(b)}`;
    return `<rect x="${mapWidth + 24}" y="${y}" width="16" height="14" fill="${COLOURS[i + COLOURS.length - breaks.length]}" stroke="#5c6f82" stroke-width="0.5"/><text x="${mapWidth + 46}" y="${y + 11}" font-size="12">${escapeHtml(text)}</text>`;
  });
  const missingY = 40 + breaks.length * 22;
  legend.push(`<rect x="${mapWidth + 24}" y="${missingY}" width="16" height="14" fill="${MISSING}" stroke="#5c6f82" stroke-width="0.5"/><text x="${mapWidth + 46}" y="${missingY + 11}" font-size="12">${escapeHtml(spec.missingLabel)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(spec.title)}" width="${width}" height="${height.toFixed(0)}" viewBox="0 0 ${width} ${height.toFixed(0)}" font-family="Titillium Web, sans-serif">`
    + `<text x="8" y="20" font-size="14" font-weight="600">${escapeHtml(spec.title)}</text>${areas.join('')}${legend.join('')}</svg>`;
}
