import { describe, expect, it } from 'vitest';
import type { BoundaryCollection } from '../../territory/index.ts';
import { compactBoundaries } from './public-assets.ts';
import { readMapTiles } from './public-routes.ts';

describe('readMapTiles', () => {
  it('has no tiles unless MAP_TILE_URL is set', () => {
    expect(readMapTiles({})).toBeNull();
    expect(readMapTiles({ MAP_TILE_URL: '  ' })).toBeNull();
  });

  it('reads an https template with its attribution', () => {
    expect(readMapTiles({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors' })).toEqual({
      url: 'https://tiles.example.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap contributors',
    });
  });

  it('refuses a template that is not https or lacks a placeholder, naming the variable', () => {
    expect(() => readMapTiles({ MAP_TILE_URL: 'http://tiles.example.org/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => readMapTiles({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}.png' })).toThrow(/MAP_TILE_URL/);
  });
});

describe('compactBoundaries', () => {
  const square = (code: string, regionCode: string) => ({
    type: 'Feature' as const,
    id: code,
    properties: { code, name: `P${code}`, regionCode },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [[[11, 44], [11.00001, 44.000001], [11.5, 44.0005], [12, 44], [12, 45], [11, 45], [11, 44]]],
    },
  });
  const all: BoundaryCollection = { type: 'FeatureCollection', features: [square('237', '08'), square('036', '08'), square('082', '19')] };

  it('keeps the provinces of the region, their names, and the shape with fewer, rounded points', () => {
    const compact = compactBoundaries(all, '08') as { features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[] };
    expect(compact.features.map((f) => f.properties.name)).toEqual(['P237', 'P036']);
    expect(compact.features[0]!.geometry.coordinates[0]).toEqual([[11, 44], [12, 44], [12, 45], [11, 45], [11, 44]]);
  });

  it('has nothing for a region without provinces', () => {
    expect(compactBoundaries(all, '99')).toBeNull();
  });
});
