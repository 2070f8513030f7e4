import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formGroups, minimumSameOrganisationPairs, planGroups, randomSplit } from './grouping.ts';
import { splitScore, type Member } from './mix-score.ts';

const PROFILES = ['pa_manager', 'pa_official', 'third_sector', 'migrant_association', 'other'];
const LEVELS = ['executive', 'coordinator', 'operator', 'volunteer'];
const REGIONS = ['08', '19', '12'];

/** A generated class: people with a profile, an organisation out of a pool, a role level and a region. */
const classArbitrary = (options: { minSize?: number; maxSize?: number } = {}) =>
  fc
    .record({ size: fc.integer({ min: options.minSize ?? 4, max: options.maxSize ?? 48 }), organisations: fc.integer({ min: 1, max: 40 }) })
    .chain(({ size, organisations }) =>
      fc.array(
        fc.record({
          profile: fc.constantFrom(...PROFILES),
          organisation: fc.integer({ min: 0, max: organisations - 1 }).map((o) => `org-${o}`),
          roleLevel: fc.constantFrom(...LEVELS),
          region: fc.constantFrom(...REGIONS),
        }),
        { minLength: size, maxLength: size },
      ),
    )
    .map((people) => people.map((p, i): Member => ({ id: `p${String(i).padStart(4, '0')}`, ...p })));

/** A class and a group size that can work for it. */
const classWithSize = classArbitrary().chain((members) =>
  fc.integer({ min: 2, max: 8 }).filter((size) => 'count' in planGroups(members.length, size)).map((groupSize) => ({ members, groupSize })),
);

const byId = (members: readonly Member[]) => new Map(members.map((m) => [m.id, m]));
const membersOf = (groups: string[][], members: readonly Member[]) => groups.map((g) => g.map((id) => byId(members).get(id)!));

describe('planGroups', () => {
  it('refuses sizes that cannot work, naming why', () => {
    expect(planGroups(1, 3)).toEqual({ problem: 'tooFewParticipants' });
    expect(planGroups(10, 1)).toEqual({ problem: 'sizeTooSmall' });
    expect(planGroups(10, 13)).toEqual({ problem: 'sizeTooLarge' });
    expect(planGroups(5, 6)).toEqual({ problem: 'sizeLargerThanClass' });
    expect(planGroups(5, 2)).toEqual({ problem: 'wouldLeaveAlone' });
    expect(planGroups(10, 2.5)).toEqual({ problem: 'sizeTooSmall' });
  });

  it('makes as many groups as the size asks, never larger than it', () => {
    expect(planGroups(30, 5)).toEqual({ count: 6 });
    expect(planGroups(31, 5)).toEqual({ count: 7 });
    expect(planGroups(4, 4)).toEqual({ count: 1 });
  });
});

describe('formGroups (property-based)', () => {
  it('loses and duplicates nobody', () => {
    fc.assert(
      fc.property(classWithSize, fc.integer(), ({ members, groupSize }, seed) => {
        const { groups } = formGroups({ members, groupSize, seed });
        expect(groups.flat().sort()).toEqual(members.map((m) => m.id).sort());
      }),
      { numRuns: 100 },
    );
  });

  it('keeps group sizes within one of each other and never above the size chosen', () => {
    fc.assert(
      fc.property(classWithSize, fc.integer(), ({ members, groupSize }, seed) => {
        const sizes = formGroups({ members, groupSize, seed }).groups.map((g) => g.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(groupSize);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 100 },
    );
  });

  it('never puts two people of one organisation together when a split without it exists', () => {
    // Built so that a solution provably exists: no organisation has more people than there are groups.
    const solvable = classWithSize.map(({ members, groupSize }) => {
      const count = (planGroups(members.length, groupSize) as { count: number }).count;
      // Cut each organisation into chunks of at most `count` people (each chunk its own organisation).
      const seen = new Map<string, number>();
      const capped = members.map((m) => {
        const rank = seen.get(m.organisation) ?? 0;
        seen.set(m.organisation, rank + 1);
        return { ...m, organisation: `${m.organisation}-${Math.floor(rank / count)}` };
      });
      return { members: capped, groupSize, count };
    });
    fc.assert(
      fc.property(solvable, fc.integer(), ({ members, groupSize, count }, seed) => {
        expect(minimumSameOrganisationPairs(members, count)).toBe(0);
        const result = formGroups({ members, groupSize, seed });
        expect(result.sameOrganisationPairs).toBe(0);
        expect(result.warnings).not.toContain('organisationUnavoidable');
      }),
      { numRuns: 100 },
    );
  });

  it('puts people of one organisation together no more than unavoidable, and warns when it is', () => {
    fc.assert(
      fc.property(classWithSize, fc.integer(), ({ members, groupSize }, seed) => {
        const count = (planGroups(members.length, groupSize) as { count: number }).count;
        const minimum = minimumSameOrganisationPairs(members, count);
        const result = formGroups({ members, groupSize, seed });
        expect(result.sameOrganisationPairs).toBe(minimum);
        expect(result.warnings.includes('organisationUnavoidable')).toBe(minimum > 0);
      }),
      { numRuns: 100 },
    );
  });

  // "As mixed" puts the organisation rule first: fewer same-organisation pairs, or as few and a score as high.
  it('mixes at least as well as a random split of the same class', () => {
    fc.assert(
      fc.property(classWithSize, fc.integer(), fc.integer(), ({ members, groupSize }, seed, randomSeed) => {
        const formed = formGroups({ members, groupSize, seed });
        const random = splitScore(membersOf(randomSplit(members, groupSize, randomSeed), members));
        expect(formed.sameOrganisationPairs).toBeLessThanOrEqual(random.sameOrganisationPairs);
        if (formed.sameOrganisationPairs === random.sameOrganisationPairs) expect(formed.score).toBeGreaterThanOrEqual(random.score);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same groups for the same class and seed, whatever the order the class is listed in', () => {
    fc.assert(
      fc.property(classWithSize, fc.integer(), ({ members, groupSize }, seed) => {
        const first = formGroups({ members, groupSize, seed });
        const again = formGroups({ members: [...members].reverse(), groupSize, seed });
        expect(again.groups).toEqual(first.groups);
        expect(again.score).toBe(first.score);
      }),
      { numRuns: 100 },
    );
  });
});

describe('formGroups (examples)', () => {
  it('spreads four worlds over four groups of four', () => {
    const members: Member[] = [];
    for (let i = 0; i < 16; i++) members.push({ id: `m${i}`, profile: PROFILES[i % 4]!, organisation: `o${i}`, roleLevel: LEVELS[i % 2]!, region: '08' });
    const result = formGroups({ members, groupSize: 4, seed: 7 });
    for (const group of membersOf(result.groups, members)) expect(new Set(group.map((m) => m.profile)).size).toBe(4);
    expect(result.warnings).toEqual([]);
  });

  it('warns when a class of one profile cannot be mixed', () => {
    const members: Member[] = Array.from({ length: 8 }, (_, i) => ({ id: `m${i}`, profile: 'pa_official', organisation: 'same', roleLevel: 'operator', region: '08' }));
    const result = formGroups({ members, groupSize: 4, seed: 1 });
    expect(result.warnings).toEqual(['organisationUnavoidable', 'fewProfiles', 'profileDominates', 'lowScore']);
  });
});
