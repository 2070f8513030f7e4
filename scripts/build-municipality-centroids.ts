// Computes one representative point per municipality from Openpolis' municipal boundaries
// (shared/data/geo-italy-openpolis, CC BY 4.0) and writes the table Crocevia ships.
// Run once when the boundaries change: node --import tsx scripts/build-municipality-centroids.ts <topojson dir>
import fs from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

function ringCentroid(ring: Position[]): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  area /= 2;
  return area === 0 ? { area: 0, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 } : { area, x: x / (6 * area), y: y / (6 * area) };
}

// The centroid of the largest outer ring: islands and exclaves do not pull the point into the sea.
function representativePoint(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = { area: -1, x: 0, y: 0 };
  for (const polygon of polygons) {
    const c = ringCentroid(polygon[0] ?? []);
    if (Math.abs(c.area) > best.area) best = { area: Math.abs(c.area), x: c.x, y: c.y };
  }
  return [best.y, best.x];
}

const dir = process.argv[2] ?? '../shared/data/geo-italy-openpolis/topojson';
const rows: string[] = [];
for (const file of fs.readdirSync(dir).filter((f) => /^limits_R_\d+_municipalities\.topo\.json$/.test(f))) {
  const topology = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Topology;
  const object = topology.objects.comuni;
  if (!object) throw new Error(`${file} has no "comuni" object`);
  const collection = feature(topology, object) as unknown as { features: Feature<Polygon | MultiPolygon, { com_istat_code: string }>[] };
  for (const f of collection.features) {
    if (!f.geometry) {
      process.stderr.write(`${file}: ${f.properties.com_istat_code} has no geometry, skipped\n`);
      continue;
    }
    const [lat, lon] = representativePoint(f.geometry);
    rows.push(`${f.properties.com_istat_code},${lat.toFixed(5)},${lon.toFixed(5)}`);
  }
}
rows.sort();
const out = new URL('../src/modules/territory/assets/municipality-centroids.csv', import.meta.url);
fs.writeFileSync(out, `code,lat,lon\n${rows.join('\n')}\n`);
process.stdout.write(`${rows.length} municipalities written to ${out.pathname}\n`);
