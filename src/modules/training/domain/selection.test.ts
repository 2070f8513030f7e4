import { describe, expect, it } from 'vitest';
import { proposeSelection, type Candidate } from './selection.ts';
import type { Profile } from './vocabulary.ts';

const list = (...profiles: Profile[]): Candidate[] => profiles.map((profile, i) => ({ id: `c${i}`, profile }));

describe('proposeSelection', () => {
  it('admits in order of arrival within the seats; the others wait in order', () => {
    const result = proposeSelection({ candidates: list('pa_official', 'third_sector', 'pa_manager', 'other'), admitted: [], rules: { seats: 2, quotas: {}, minPerProfile: 0 } });
    expect(result).toEqual({ admit: ['c0', 'c1'], wait: ['c2', 'c3'], shortfalls: [] });
  });

  it('secures the minimum mix before filling by arrival', () => {
    const candidates = list('pa_official', 'pa_official', 'pa_official', 'pa_official', 'migrant_association', 'third_sector', 'pa_manager');
    const result = proposeSelection({ candidates, admitted: [], rules: { seats: 4, quotas: {}, minPerProfile: 1 } });
    expect(result.admit.sort()).toEqual(['c0', 'c4', 'c5', 'c6']);
    expect(result.shortfalls).toEqual([]);
  });

  it('keeps each profile within its quota', () => {
    const candidates = list('pa_official', 'pa_official', 'pa_official', 'third_sector');
    const result = proposeSelection({ candidates, admitted: [], rules: { seats: 4, quotas: { pa_official: 2 }, minPerProfile: 0 } });
    expect(result.admit).toEqual(['c0', 'c1', 'c3']);
    expect(result.wait).toEqual(['c2']);
  });

  it('counts those already admitted and names the main profiles left below the minimum', () => {
    const result = proposeSelection({
      candidates: list('third_sector', 'pa_official'),
      admitted: [{ id: 'x', profile: 'pa_manager' }],
      rules: { seats: 3, quotas: {}, minPerProfile: 1 },
    });
    expect(result.admit).toEqual(['c0', 'c1']);
    expect(result.shortfalls).toEqual([{ profile: 'migrant_association', missing: 1 }]);
  });

  it('admits nobody when the class is full', () => {
    const result = proposeSelection({ candidates: list('other'), admitted: [{ id: 'x', profile: 'other' }], rules: { seats: 1, quotas: {}, minPerProfile: 0 } });
    expect(result).toEqual({ admit: [], wait: ['c0'], shortfalls: [] });
  });
});
