import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import {
  loadProvinceBoundaries,
  loadRegionBoundaries,
  PROVINCE_BOUNDARIES_ASSET,
  type BoundaryFeature,
} from './boundaries.ts';
import { loadIstatMunicipalities } from './istat-municipalities.ts';

const ref = loadIstatMunicipalities();
const regions = loadRegionBoundaries();
const provinces = loadProvinceBoundaries(ref.provinces);

/** Even-odd ray casting over every ring of a (Multi)Polygon. */
function contains(feature: BoundaryFeature, [x, y]: [number, number]): boolean {
  const polygons: Position[][][] =
    feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  let inside = false;
  for (const ring of polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

const BOLOGNA_PIAZZA_MAGGIORE: [number, number] = [11.3431, 44.4938];

describe('loadRegionBoundaries', () => {
  it('has exactly one boundary per ISTAT region, with the ISTAT code and name', () => {
    expect(regions.type).toBe('FeatureCollection');
    expect(regions.features.map((f) => f.properties)).toEqual(
      ref.regions.map((r) => ({ code: r.code, name: r.name, regionCode: r.code })),
    );
    expect(regions.features.every((f) => f.id === f.properties.code)).toBe(true);
  });

  it('returns WGS84 polygons: Piazza Maggiore lies in Emilia-Romagna only', () => {
    const hits = regions.features.filter((f) => contains(f, BOLOGNA_PIAZZA_MAGGIORE));
    expect(hits.map((f) => f.properties.code)).toEqual(['08']);
  });
});

describe('loadProvinceBoundaries', () => {
  it('has exactly one boundary per ISTAT province/UTS, keyed by the UTS code', () => {
    expect(provinces.features.map((f) => f.properties.code)).toEqual(ref.provinces.map((p) => p.code));
    expect(provinces.features.map((f) => f.properties)).toEqual(
      ref.provinces.map((p) => ({ code: p.code, name: p.name, regionCode: p.regionCode })),
    );
    expect(provinces.features.every((f) => ['Polygon', 'MultiPolygon'].includes(f.geometry.type))).toBe(true);
  });

  it('maps the Openpolis historic province code to the UTS code (037 -> 237)', () => {
    const bologna = provinces.features.filter((f) => contains(f, BOLOGNA_PIAZZA_MAGGIORE));
    expect(bologna.map((f) => f.properties)).toEqual([{ code: '237', name: 'Bologna', regionCode: '08' }]);
  });

  it('agrees with the ISTAT list on the vehicle code of every province', () => {
    const topo = JSON.parse(readFileSync(PROVINCE_BOUNDARIES_ASSET, 'utf8')) as {
      objects: { provinces: { geometries: { properties: { prov_istat_code: string; prov_acr: string } }[] } };
    };
    const carCodes = new Map(ref.provinces.map((p) => [p.historicCode, p.carCode]));
    for (const { properties } of topo.objects.provinces.geometries) {
      expect(carCodes.get(properties.prov_istat_code)).toBe(properties.prov_acr);
    }
  });

  it('uses the ISTAT name where Openpolis differs', () => {
    expect(provinces.features.find((f) => f.properties.code === '280')?.properties.name).toBe('Reggio Calabria');
  });

  it('throws when a boundary matches no province', () => {
    const withoutBologna = ref.provinces.filter((p) => p.code !== '237');
    expect(() => loadProvinceBoundaries(withoutBologna)).toThrow(/province boundary 037 \(Bologna\) matches no ISTAT/);
  });

  it('throws when a boundary is in another region', () => {
    const moved = ref.provinces.map((p) => (p.code === '237' ? { ...p, regionCode: '09' } : p));
    expect(() => loadProvinceBoundaries(moved)).toThrow(/is in region 08, ISTAT says 09/);
  });
});
