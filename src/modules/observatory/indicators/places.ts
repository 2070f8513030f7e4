// Turns territory codes of a dataset into the places dashboards speak of: 'IT', a region code ('08') or a UTS
// province code ('237'). Pure, so the rules (e.g. Trentino-Alto Adige as the sum of its two autonomous
// provinces when a file has no row for the region) are tested without a database.
import type { IndicatorRow } from './formulas.ts';

/** What a territory code resolves to (from the store's codes). */
export interface TerritoryRef {
  refKind: string | null;
  regionCode: string | null;
  provinceCode: string | null;
}

/** The level of the places wanted. */
export type PlaceLevel = 'country' | 'region' | 'province';

/** A summed row of one territory code, before it becomes a place. */
export interface CodedRow {
  territory: string;
  time: string;
  group: string | null;
  value: number | null;
}

function placeOf(ref: TerritoryRef, level: PlaceLevel): { place: string; isPreferred: boolean } | null {
  if (level === 'country') {
    if (ref.refKind === 'country') return { place: 'IT', isPreferred: true };
    if (ref.refKind === 'region' || (ref.refKind === 'autonomous_province' && ref.regionCode)) return { place: 'IT', isPreferred: false };
    return null;
  }
  if (level === 'region') {
    if (!ref.regionCode) return null;
    if (ref.refKind === 'region') return { place: ref.regionCode, isPreferred: true };
    if (ref.refKind === 'autonomous_province') return { place: ref.regionCode, isPreferred: false };
    return null;
  }
  if (!ref.provinceCode) return null;
  if (ref.refKind === 'province') return { place: ref.provinceCode, isPreferred: true };
  if (ref.refKind === 'autonomous_province') return { place: ref.provinceCode, isPreferred: false };
  return null;
}

/**
 * Sums coded rows into places of a level. A place takes its own rows (the country's, the region's) when the file
 * has them, and the sum of its parts (regions for Italy, autonomous provinces for a region) only when it has not;
 * a fallback to regions for Italy counts region 04 through its autonomous provinces when it has no row of its own;
 * a province prefers its province code (ITD10) to the same territory as an autonomous province (ITD1).
 */
export function sumByPlace(rows: CodedRow[], refOf: (code: string) => TerritoryRef | undefined, level: PlaceLevel): IndicatorRow[] {
  const preferred = new Map<string, IndicatorRow>();
  const fallback = new Map<string, IndicatorRow>();
  const regionsWithOwnRow = new Set<string>();
  for (const r of rows) {
    const ref = refOf(r.territory);
    if (ref?.refKind === 'region' && ref.regionCode && r.value !== null) regionsWithOwnRow.add(`${ref.regionCode}\u0000${r.time}\u0000${r.group ?? ''}`);
  }
  for (const r of rows) {
    const ref = refOf(r.territory);
    if (!ref) continue;
    const at = placeOf(ref, level);
    if (!at) continue;
    if (level === 'country' && ref.refKind === 'autonomous_province' && regionsWithOwnRow.has(`${ref.regionCode}\u0000${r.time}\u0000${r.group ?? ''}`)) continue;
    const target = at.isPreferred ? preferred : fallback;
    const key = `${at.place}\u0000${r.time}\u0000${r.group ?? ''}`;
    const before = target.get(key);
    const value = before ? (before.value === null ? r.value : r.value === null ? before.value : before.value + r.value) : r.value;
    target.set(key, { place: at.place, time: r.time, group: r.group, value });
  }
  for (const [key, row] of fallback) if (!preferred.has(key)) preferred.set(key, row);
  return [...preferred.values()];
}
