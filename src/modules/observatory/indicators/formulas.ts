import type { Formula } from './definitions.ts';

/** One summed measure or one computed indicator value at a place, in a period, for a kept group (or none). */
export interface IndicatorRow {
  place: string;
  time: string;
  group: string | null;
  value: number | null;
}

/** The group codes a concentration formula answers with. */
export const CONCENTRATION_GROUPS = { top: 'TOP', herfindahl: 'HHI' } as const;

const keyOf = (r: { place: string; time: string; group?: string | null }, withGroup = true) => `${r.place}\u0000${r.time}${withGroup ? `\u0000${r.group ?? ''}` : ''}`;

function sortRows(rows: IndicatorRow[]): IndicatorRow[] {
  return rows.sort((a, b) => a.place.localeCompare(b.place) || a.time.localeCompare(b.time) || (a.group ?? '').localeCompare(b.group ?? ''));
}

function byPlaceAndTime(rows: IndicatorRow[]): Map<string, IndicatorRow[]> {
  const out = new Map<string, IndicatorRow[]>();
  for (const r of rows) {
    const k = keyOf(r, false);
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

function change(rows: IndicatorRow[]): IndicatorRow[] {
  const series = new Map<string, IndicatorRow[]>();
  for (const r of rows) series.set(`${r.place}\u0000${r.group ?? ''}`, [...(series.get(`${r.place}\u0000${r.group ?? ''}`) ?? []), r]);
  const out: IndicatorRow[] = [];
  for (const points of series.values()) {
    points.sort((a, b) => a.time.localeCompare(b.time));
    for (let i = 1; i < points.length; i++) {
      const [before, now] = [points[i - 1]!.value, points[i]!.value];
      out.push({ ...points[i]!, value: before === null || now === null || before === 0 ? null : ((now - before) / before) * 100 });
    }
  }
  return out;
}

function rate(numerators: IndicatorRow[], denominators: IndicatorRow[], per: number): IndicatorRow[] {
  const below = new Map(denominators.map((r) => [keyOf(r), r.value]));
  return numerators.map((r) => {
    const d = below.get(keyOf(r));
    return { ...r, value: r.value === null || d === undefined || d === null || d === 0 ? null : (r.value / d) * per };
  });
}

function share(rows: IndicatorRow[]): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  for (const group of byPlaceAndTime(rows).values()) {
    const total = group.reduce((s, r) => s + (r.value ?? 0), 0);
    for (const r of group) out.push({ ...r, value: r.value === null || total === 0 ? null : (r.value / total) * 100 });
  }
  return out;
}

function concentration(parts: IndicatorRow[], totals: IndicatorRow[], top: number): IndicatorRow[] {
  const totalAt = new Map(totals.map((r) => [keyOf(r, false), r.value]));
  const out: IndicatorRow[] = [];
  for (const [k, group] of byPlaceAndTime(parts)) {
    const total = totalAt.get(k);
    const { place, time } = group[0]!;
    if (total === undefined || total === null || total === 0) {
      out.push({ place, time, group: CONCENTRATION_GROUPS.top, value: null }, { place, time, group: CONCENTRATION_GROUPS.herfindahl, value: null });
      continue;
    }
    const values = group.map((r) => r.value ?? 0).sort((a, b) => b - a);
    const topShare = (values.slice(0, top).reduce((s, v) => s + v, 0) / total) * 100;
    const herfindahl = values.reduce((s, v) => s + ((v / total) * 100) ** 2, 0);
    out.push({ place, time, group: CONCENTRATION_GROUPS.top, value: topShare }, { place, time, group: CONCENTRATION_GROUPS.herfindahl, value: herfindahl });
  }
  return out;
}

/** Applies a formula to the summed measures (measure name → rows); answers rows sorted by place, time, group. */
export function applyFormula(formula: Formula, measures: Record<string, IndicatorRow[]>): IndicatorRow[] {
  const of = (name: string) => measures[name] ?? [];
  switch (formula.kind) {
    case 'sum':
      return sortRows([...of(formula.measure)]);
    case 'change':
      return sortRows(change(of(formula.measure)));
    case 'rate':
      return sortRows(rate(of(formula.numerator), of(formula.denominator), formula.per));
    case 'share':
      return sortRows(share(of(formula.measure)));
    case 'concentration':
      return sortRows(concentration(of(formula.measure), of(formula.total), formula.top));
  }
}
