import { readFileSync } from 'node:fs';
import type { MunicipalityRef } from './istat-municipalities.ts';

/** URL of the shipped representative points (built by scripts/build-municipality-centroids.ts from Openpolis boundaries). */
export const CENTROIDS_ASSET = new URL('../assets/municipality-centroids.csv', import.meta.url);

/** A municipality's representative point. */
export interface Centroid {
  latitude: number;
  longitude: number;
}

/** Reads the shipped table: ISTAT code → point. */
export function loadCentroids(): Map<string, Centroid> {
  const out = new Map<string, Centroid>();
  const lines = readFileSync(CENTROIDS_ASSET, 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [code, lat, lon] = line.split(',');
    if (!code || !lat || !lon) continue;
    out.set(code, { latitude: Number(lat), longitude: Number(lon) });
  }
  return out;
}

/**
 * Points for every municipality of the list; the few the boundaries lack (created after June 2023)
 * get the mean point of their province's municipalities.
 */
export function centroidsFor(municipalities: MunicipalityRef[], known: Map<string, Centroid> = loadCentroids()): Map<string, Centroid> {
  const out = new Map<string, Centroid>();
  const byProvince = new Map<string, Centroid[]>();
  for (const m of municipalities) {
    const c = known.get(m.code);
    if (!c) continue;
    out.set(m.code, c);
    byProvince.set(m.provinceCode, [...(byProvince.get(m.provinceCode) ?? []), c]);
  }
  for (const m of municipalities) {
    if (out.has(m.code)) continue;
    const points = byProvince.get(m.provinceCode) ?? [];
    if (points.length === 0) continue;
    out.set(m.code, {
      latitude: points.reduce((s, p) => s + p.latitude, 0) / points.length,
      longitude: points.reduce((s, p) => s + p.longitude, 0) / points.length,
    });
  }
  return out;
}
