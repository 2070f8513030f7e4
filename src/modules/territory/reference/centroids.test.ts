import { describe, expect, it } from 'vitest';
import { centroidsFor, loadCentroids } from './centroids.ts';
import { loadIstatMunicipalities } from './istat-municipalities.ts';

describe('municipality centroids', () => {
  const { municipalities } = loadIstatMunicipalities();
  const points = centroidsFor(municipalities);

  it('gives every municipality of the ISTAT list a point inside Italy', () => {
    expect(points.size).toBe(municipalities.length);
    for (const p of points.values()) {
      expect(p.latitude).toBeGreaterThan(35.4);
      expect(p.latitude).toBeLessThan(47.1);
      expect(p.longitude).toBeGreaterThan(6.6);
      expect(p.longitude).toBeLessThan(18.6);
    }
  });

  it('puts Bologna and Palermo near their centres', () => {
    const bologna = points.get('037006');
    const palermo = points.get('082053');
    expect(bologna?.latitude).toBeCloseTo(44.49, 1);
    expect(bologna?.longitude).toBeCloseTo(11.34, 1);
    expect(palermo?.latitude).toBeCloseTo(38.12, 1);
    expect(palermo?.longitude).toBeCloseTo(13.34, 1);
  });

  it('fills the municipalities missing from the boundaries from their province', () => {
    const known = loadCentroids();
    const missing = municipalities.filter((m) => !known.has(m.code));
    expect(missing.length).toBeLessThan(10);
    for (const m of missing) expect(points.get(m.code)).toBeDefined();
  });
});
