import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Position } from 'geojson';
import { loadProvinceBoundaries, type BoundaryCollection } from '../../territory/index.ts';

const require = createRequire(import.meta.url);
const leafletDist = path.join(path.dirname(require.resolve('leaflet/package.json')), 'dist');
const own = (name: string) => new URL(`../assets/${name}`, import.meta.url);

/** A static file of the finder, held in memory with a content hash and compressed once, as hard as it goes. */
export interface FinderAsset {
  body: Buffer;
  brotli: Buffer;
  gzip: Buffer;
  contentType: string;
  hash: string;
}

/** The finder's static files: its scripts and styles, Leaflet, the service worker, the boundaries. */
export interface FinderAssets {
  get(name: string): FinderAsset | undefined;
  /** The versioned URL of an asset (immutable for a year). */
  url(name: string): string;
  /** The service worker, with its version (changes whenever any shell asset changes). */
  serviceWorker: FinderAsset;
  /** The province boundaries of a region as compact GeoJSON, or null for an unknown region. */
  boundaries(regionCode: string): FinderAsset | null;
}

const hashOf = (body: Buffer) => createHash('sha256').update(body).digest('hex').slice(0, 12);
const asset = (body: Buffer, contentType: string): FinderAsset => ({
  body,
  brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: zlib.gzipSync(body, { level: 9 }),
  contentType,
  hash: hashOf(body),
});

// About 100 m: enough to draw a province behind the markers, a fraction of the bytes.
const round = (value: number) => Math.round(value * 1000) / 1000;
const TOLERANCE = 0.002;

function distanceToSegment(p: Position, a: Position, b: Position): number {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Douglas–Peucker: drops the points closer than the tolerance to the line between their neighbours.
function simplify(points: Position[]): Position[] {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = TOLERANCE;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i]!, points[first]!, points[last]!);
      if (d > distance) (farthest = i), (distance = d);
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function compactRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [lon = 0, lat = 0] of simplify(ring)) {
    const point = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out.length >= 4 ? out : ring.map(([lon = 0, lat = 0]) => [round(lon), round(lat)]);
}

/** Province boundaries of one region with coordinates rounded and repeated points dropped. */
export function compactBoundaries(all: BoundaryCollection, regionCode: string): object | null {
  const features = all.features.filter((f) => f.properties.regionCode === regionCode);
  if (features.length === 0) return null;
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      properties: { name: f.properties.name },
      geometry:
        f.geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: f.geometry.coordinates.map(compactRing) }
          : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((polygon) => polygon.map(compactRing)) },
    })),
  };
}

let built: FinderAssets | null = null;

/** Reads and compresses the finder's files once per process (Leaflet straight from node_modules/leaflet/dist). */
export function buildFinderAssets(): FinderAssets {
  built ??= readFinderAssets();
  return built;
}

function readFinderAssets(): FinderAssets {
  const files = new Map<string, FinderAsset>();
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  for (const name of ['finder.js', 'map.js']) files.set(name, asset(fs.readFileSync(own(name)), js));
  files.set('finder.css', asset(fs.readFileSync(own('finder.css')), css));
  files.set('leaflet.js', asset(fs.readFileSync(path.join(leafletDist, 'leaflet.js')), js));
  files.set('leaflet.css', asset(fs.readFileSync(path.join(leafletDist, 'leaflet.css')), css));
  const versions = [...files.values()].map((f) => f.hash).join('.');
  const source = fs.readFileSync(own('sw.js'), 'utf8').replace('__VERSION__', hashOf(Buffer.from(versions + fs.readFileSync(own('sw.js'), 'utf8'))));
  const boundaryCache = new Map<string, FinderAsset | null>();
  let provinces: BoundaryCollection | null = null;
  return {
    get: (name) => files.get(name),
    url: (name) => `/assets/finder/${name}?v=${files.get(name)?.hash ?? '0'}`,
    serviceWorker: asset(Buffer.from(source, 'utf8'), js),
    boundaries(regionCode) {
      if (!/^\d{2}$/.test(regionCode)) return null;
      if (!boundaryCache.has(regionCode)) {
        provinces ??= loadProvinceBoundaries();
        const compact = compactBoundaries(provinces, regionCode);
        boundaryCache.set(regionCode, compact ? asset(Buffer.from(JSON.stringify(compact)), 'application/geo+json') : null);
      }
      return boundaryCache.get(regionCode) ?? null;
    },
  };
}
