import type { TerritoryRef, TerritoryResolver } from '../importers/cube.ts';
import type { Itter107Entry } from './reference-data.ts';

/** The foundation's territories a resolver knows, as the territory module lists them. */
export interface KnownTerritories {
  itter107: Itter107Entry[];
  regions: { code: string; name: string }[];
  provinces: { code: string; name: string; regionCode: string }[];
  municipalities: { code: string; name: string; provinceCode: string; regionCode: string }[];
}

/**
 * Resolves a territory code of a statistics file: an ITTER107 code (`ITD55`, `IT108`, `ITTOT`) through the
 * shipped table, else an ISTAT region (`08`), province/UTS (`237`) or municipality (`037006`) code.
 */
export function createTerritoryResolver(known: KnownTerritories): TerritoryResolver {
  const byCode = new Map<string, TerritoryRef>();
  for (const r of known.regions) byCode.set(r.code, { level: 'region', regionCode: r.code, provinceCode: null, municipalityCode: null, name: r.name });
  for (const p of known.provinces) byCode.set(p.code, { level: 'province', regionCode: p.regionCode, provinceCode: p.code, municipalityCode: null, name: p.name });
  for (const m of known.municipalities) {
    byCode.set(m.code, { level: 'municipality', regionCode: m.regionCode, provinceCode: m.provinceCode, municipalityCode: m.code, name: m.name });
  }
  for (const e of known.itter107) {
    byCode.set(e.code, { level: e.level, regionCode: e.regionCode, provinceCode: e.provinceCode, municipalityCode: null, name: e.name });
  }
  return (code) => byCode.get(code.trim().toUpperCase()) ?? byCode.get(code.trim()) ?? null;
}
