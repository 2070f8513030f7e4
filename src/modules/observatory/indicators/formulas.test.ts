import { describe, expect, it } from 'vitest';
import { applyFormula, CONCENTRATION_GROUPS, type IndicatorRow } from './formulas.ts';
import { INDICATORS, findIndicator } from './definitions.ts';
import { sumByPlace, type TerritoryRef } from './places.ts';
import { isSuppressed, readSuppressionThreshold } from './suppression.ts';

const row = (place: string, time: string, value: number | null, group: string | null = null): IndicatorRow => ({ place, time, group, value });

describe('applyFormula', () => {
  it('computes the change from the previous period in percent, skipping the first and zero bases', () => {
    const rows = applyFormula({ kind: 'change', measure: 'm' }, { m: [row('08', '2021', 110), row('08', '2020', 100), row('08', '2022', 99), row('19', '2020', 0), row('19', '2021', 5)] });
    expect(rows).toEqual([row('08', '2021', 10), row('08', '2022', -10), row('19', '2021', null)]);
  });

  it('computes a rate per 1,000 on matching place and period only', () => {
    const rows = applyFormula({ kind: 'rate', numerator: 'n', denominator: 'd', per: 1000 }, { n: [row('IT', '2023', 50), row('IT', '2022', 7)], d: [row('IT', '2023', 20000)] });
    expect(rows).toEqual([row('IT', '2022', null), row('IT', '2023', 2.5)]);
  });

  it('computes each group as a share of the groups of its place and period', () => {
    const rows = applyFormula({ kind: 'share', measure: 'm' }, { m: [row('IT', '2023', 30, '1'), row('IT', '2023', 70, '2'), row('IT', '2022', 1, '1'), row('IT', '2022', 3, '2')] });
    expect(rows).toEqual([row('IT', '2022', 25, '1'), row('IT', '2022', 75, '2'), row('IT', '2023', 30, '1'), row('IT', '2023', 70, '2')]);
  });

  it('computes the top-n share and the Herfindahl index over the total', () => {
    // Total 200; countries 80, 60, 40 (the other 20 are unlisted). Top 2: 140/200 = 70%.
    // HHI = 40² + 30² + 20² = 1600 + 900 + 400 = 2900.
    const parts = [row('08', '2023', 60, 'BD'), row('08', '2023', 80, 'MA'), row('08', '2023', 40, 'PK')];
    const rows = applyFormula({ kind: 'concentration', measure: 'p', total: 't', top: 2 }, { p: parts, t: [row('08', '2023', 200)] });
    expect(rows).toEqual([row('08', '2023', 2900, CONCENTRATION_GROUPS.herfindahl), row('08', '2023', 70, CONCENTRATION_GROUPS.top)]);
  });

  it('answers null concentration without a total', () => {
    const rows = applyFormula({ kind: 'concentration', measure: 'p', total: 't', top: 5 }, { p: [row('08', '2023', 1, 'MA')], t: [] });
    expect(rows.map((r) => r.value)).toEqual([null, null]);
  });
});

describe('sumByPlace', () => {
  const refs: Record<string, TerritoryRef> = {
    IT: { refKind: 'country', regionCode: null, provinceCode: null },
    ITD5: { refKind: 'region', regionCode: '08', provinceCode: null },
    ITD1: { refKind: 'autonomous_province', regionCode: '04', provinceCode: '021' },
    ITD2: { refKind: 'autonomous_province', regionCode: '04', provinceCode: '022' },
    ITD55: { refKind: 'province', regionCode: '08', provinceCode: '237' },
    ITD10: { refKind: 'province', regionCode: '04', provinceCode: '021' },
  };
  const coded = (territory: string, value: number | null, time = '2023') => ({ territory, time, group: null, value });
  const refOf = (code: string) => refs[code];

  it('makes region 04 the sum of its autonomous provinces when it has no row of its own', () => {
    const rows = sumByPlace([coded('ITD5', 100), coded('ITD1', 10), coded('ITD2', 20), coded('ITD55', 40)], refOf, 'region');
    expect(rows.sort((a, b) => a.place.localeCompare(b.place))).toEqual([row('04', '2023', 30), row('08', '2023', 100)]);
  });

  it('prefers the country row for Italy, and sums the regions when there is none', () => {
    expect(sumByPlace([coded('IT', 1000), coded('ITD5', 100)], refOf, 'country')).toEqual([row('IT', '2023', 1000)]);
    expect(sumByPlace([coded('ITD5', 100), coded('ITD1', 10), coded('ITD2', 20)], refOf, 'country')).toEqual([row('IT', '2023', 130)]);
  });

  it('places provinces by their UTS code, autonomous provinces included', () => {
    expect(sumByPlace([coded('ITD55', 40), coded('ITD1', 10), coded('ITD5', 100)], refOf, 'province').map((r) => r.place).sort()).toEqual(['021', '237']);
    expect(sumByPlace([coded('ITD1', 10), coded('ITD10', 10)], refOf, 'province')).toEqual([row('021', '2023', 10)]);
  });
});

describe('suppression', () => {
  it('reads and validates the threshold', () => {
    expect(readSuppressionThreshold({})).toBe(5);
    expect(readSuppressionThreshold({ OBSERVATORY_SUPPRESS_BELOW: '10' })).toBe(10);
    expect(() => readSuppressionThreshold({ OBSERVATORY_SUPPRESS_BELOW: 'five' })).toThrow(/OBSERVATORY_SUPPRESS_BELOW/);
    expect(() => readSuppressionThreshold({ OBSERVATORY_SUPPRESS_BELOW: '0' })).toThrow();
  });

  it('withholds counts from 1 to threshold - 1 only', () => {
    expect([0, 1, 4, 5, null].map((v) => isSuppressed(v, 5))).toEqual([false, true, true, false, false]);
  });
});

describe('definitions', () => {
  it('have unique keys, versions and measures named by their formulas', () => {
    expect(new Set(INDICATORS.map((i) => i.key)).size).toBe(INDICATORS.length);
    for (const i of INDICATORS) {
      expect(i.version).toBeGreaterThanOrEqual(1);
      const f = i.formula;
      const named = f.kind === 'rate' ? [f.numerator, f.denominator] : f.kind === 'concentration' ? [f.measure, f.total] : [f.measure];
      for (const name of named) expect(i.measures[name], `${i.key}.${name}`).toBeDefined();
    }
    expect(findIndicator('foreign-residents')?.measures.residents?.filters).toEqual({ DATA_TYPE: ['FJAN'], SEX: ['9'] });
    expect(findIndicator('nope')).toBeNull();
  });
});
