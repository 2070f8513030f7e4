import { MIX_ATTRIBUTES, MIX_WEIGHTS, splitScore, type Member } from './mix-score.ts';
import { seededRandom, shuffled } from './random.ts';
import { searchGroups } from './group-search.ts';

/** The largest group size the form offers. */
export const MAX_GROUP_SIZE = 12;

/** Why a group size cannot work for a class. */
export type GroupSizeProblem = 'tooFewParticipants' | 'sizeTooSmall' | 'sizeTooLarge' | 'sizeLargerThanClass' | 'wouldLeaveAlone';

/** What the manager is warned about when a class cannot be mixed well. */
export type GroupingWarning = 'organisationUnavoidable' | 'fewProfiles' | 'profileDominates' | 'lowScore';

/** A split of a class into groups. */
export interface GroupingResult {
  /** Member ids per group. */
  groups: string[][];
  score: number;
  sameOrganisationPairs: number;
  warnings: GroupingWarning[];
}

/** A split below this score is called poorly mixed. */
export const LOW_SCORE = 60;

/** How many groups a class gets for a chosen size (sizes then differ by at most one), or why it cannot work. */
export function planGroups(participants: number, groupSize: number): { count: number } | { problem: GroupSizeProblem } {
  if (participants < 2) return { problem: 'tooFewParticipants' };
  if (!Number.isInteger(groupSize) || groupSize < 2) return { problem: 'sizeTooSmall' };
  if (groupSize > MAX_GROUP_SIZE) return { problem: 'sizeTooLarge' };
  if (groupSize > participants) return { problem: 'sizeLargerThanClass' };
  const count = Math.ceil(participants / groupSize);
  if (Math.floor(participants / count) < 2) return { problem: 'wouldLeaveAlone' };
  return { count };
}

/** The fewest same-organisation pairs any balanced split into `count` groups can have. */
export function minimumSameOrganisationPairs(members: readonly Member[], count: number): number {
  const sizes = new Map<string, number>();
  for (const m of members) sizes.set(m.organisation, (sizes.get(m.organisation) ?? 0) + 1);
  let pairs = 0;
  for (const size of sizes.values()) {
    const base = Math.floor(size / count);
    const extra = size % count;
    pairs += extra * ((base + 1) * base) / 2 + (count - extra) * (base * (base - 1)) / 2;
  }
  return pairs;
}

/** Deals a list round-robin into `count` groups: sizes differ by at most one. */
function deal<T>(items: readonly T[], count: number): T[][] {
  const groups: T[][] = Array.from({ length: count }, () => []);
  items.forEach((item, i) => groups[i % count]!.push(item));
  return groups;
}

/** A random balanced split, the baseline the algorithm is measured against. */
export function randomSplit(members: readonly Member[], groupSize: number, seed: number): string[][] {
  const plan = planGroups(members.length, groupSize);
  if ('problem' in plan) throw new Error(`group size cannot work: ${plan.problem}`);
  return deal(shuffled(members, seededRandom(seed)), plan.count).map((g) => g.map((m) => m.id));
}

/** How many starting points the search tries: small classes afford many. */
function restartsFor(n: number): number {
  return n <= 60 ? 12 : n <= 400 ? 3 : 1;
}

/**
 * Splits a class into balanced groups as mixed as possible in profile, organisation, role level and region.
 * Each start deals the class sorted by organisation (largest first) round-robin, which spreads every
 * organisation as evenly as possible — so two people of one organisation share a group only when that is
 * unavoidable; a local search then swaps and moves people while it raises the mix without adding a
 * same-organisation pair. The best of a few seeded starts wins: the same input and seed give the same groups.
 */
export function formGroups(input: { members: readonly Member[]; groupSize: number; seed: number }): GroupingResult {
  const plan = planGroups(input.members.length, input.groupSize);
  if ('problem' in plan) throw new Error(`group size cannot work: ${plan.problem}`);
  const random = seededRandom(input.seed);
  const members = [...input.members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const values = MIX_ATTRIBUTES.map((attribute) => {
    const index = new Map<string, number>();
    return Int32Array.from(members, (m) => {
      const key = m[attribute];
      if (!index.has(key)) index.set(key, index.size);
      return index.get(key)!;
    });
  });
  const organisationAttribute = MIX_ATTRIBUTES.indexOf('organisation');
  const organisations = values[organisationAttribute]!;
  const orgSize = new Map<number, number>();
  for (const v of organisations) orgSize.set(v, (orgSize.get(v) ?? 0) + 1);

  let best: { groups: number[][]; cost: number } | null = null;
  for (let restart = 0; restart < restartsFor(members.length); restart++) {
    const tieBreak = new Map([...orgSize.keys()].map((v) => [v, random()]));
    const order = shuffled(members.map((_, i) => i), random).sort((a, b) => {
      const oa = organisations[a]!;
      const ob = organisations[b]!;
      return orgSize.get(ob)! - orgSize.get(oa)! || tieBreak.get(oa)! - tieBreak.get(ob)! || oa - ob;
    });
    const found = searchGroups({ values, weights: MIX_ATTRIBUTES.map((a) => MIX_WEIGHTS[a]), organisationAttribute, start: deal(order, plan.count), random });
    if (!best || found.cost < best.cost - 1e-9) best = found;
  }
  const result = best!.groups.map((g) => g.map((p) => members[p]!).sort((a, b) => (a.id < b.id ? -1 : 1)));
  const { score, sameOrganisationPairs } = splitScore(result);
  return { groups: result.map((g) => g.map((m) => m.id)), score, sameOrganisationPairs, warnings: warningsFor(input.members, plan.count, score) };
}

/** Why a class cannot be mixed well, in words the manager sees. */
export function warningsFor(members: readonly Member[], count: number, score: number): GroupingWarning[] {
  const warnings: GroupingWarning[] = [];
  if (minimumSameOrganisationPairs(members, count) > 0) warnings.push('organisationUnavoidable');
  const profiles = new Map<string, number>();
  for (const m of members) profiles.set(m.profile, (profiles.get(m.profile) ?? 0) + 1);
  if (profiles.size < 3) warnings.push('fewProfiles');
  if (Math.max(...profiles.values()) > members.length / 2) warnings.push('profileDominates');
  if (score < LOW_SCORE) warnings.push('lowScore');
  return warnings;
}
