/** What the grouping mixes: one value per attribute for each participant. */
export interface Member {
  id: string;
  profile: string;
  organisation: string;
  roleLevel: string;
  region: string;
}

/** The attributes a group should mix, and how much each counts in the score. */
export const MIX_WEIGHTS = { profile: 0.4, organisation: 0.3, roleLevel: 0.15, region: 0.15 } as const;
export type MixAttribute = keyof typeof MIX_WEIGHTS;
export const MIX_ATTRIBUTES = Object.keys(MIX_WEIGHTS) as MixAttribute[];

/** How mixed one group is: per attribute, the share of pairs of members who differ. */
export interface GroupMix {
  size: number;
  /** 0–100: the weighted share of pairs that differ. */
  score: number;
  /** Per attribute, the share (0–1) of pairs that differ. */
  byAttribute: Record<MixAttribute, number>;
  /** Per attribute, how many members have each value. */
  counts: Record<MixAttribute, Record<string, number>>;
  /** Pairs of members from the same organisation. */
  sameOrganisationPairs: number;
}

const pairsOf = (n: number) => (n * (n - 1)) / 2;

/** The attributes that vary in a class: one every participant shares cannot be mixed, so it does not count. */
export function varyingAttributes(members: readonly Member[]): MixAttribute[] {
  const varying = MIX_ATTRIBUTES.filter((a) => new Set(members.map((m) => m[a])).size > 1);
  return varying.length ? varying : MIX_ATTRIBUTES;
}

/**
 * The mix of one group over the attributes that vary in its class (weights scaled to sum to one).
 * A group of one has nothing to mix and scores 100.
 */
export function mixOf(members: readonly Member[], attributes: readonly MixAttribute[] = MIX_ATTRIBUTES): GroupMix {
  const counts = Object.fromEntries(MIX_ATTRIBUTES.map((a) => [a, {} as Record<string, number>])) as Record<MixAttribute, Record<string, number>>;
  for (const m of members) for (const a of MIX_ATTRIBUTES) counts[a][m[a]] = (counts[a][m[a]] ?? 0) + 1;
  const total = pairsOf(members.length);
  const byAttribute = {} as Record<MixAttribute, number>;
  let score = 0;
  const weightSum = attributes.reduce((sum, a) => sum + MIX_WEIGHTS[a], 0);
  for (const a of MIX_ATTRIBUTES) {
    const same = Object.values(counts[a]).reduce((sum, c) => sum + pairsOf(c), 0);
    byAttribute[a] = total === 0 ? 1 : 1 - same / total;
    if (attributes.includes(a)) score += (MIX_WEIGHTS[a] / weightSum) * byAttribute[a];
  }
  const sameOrganisationPairs = Object.values(counts.organisation).reduce((sum, c) => sum + pairsOf(c), 0);
  return { size: members.length, score: Math.round(score * 1000) / 10, byAttribute, counts, sameOrganisationPairs };
}

/** The mix of a whole split: the groups' scores averaged by size (0–100), and the same-organisation pairs. */
export function splitScore(groups: readonly (readonly Member[])[]): { score: number; sameOrganisationPairs: number } {
  const attributes = varyingAttributes(groups.flat());
  let weighted = 0;
  let people = 0;
  let sameOrganisationPairs = 0;
  for (const group of groups) {
    const mix = mixOf(group, attributes);
    weighted += mix.score * group.length;
    people += group.length;
    sameOrganisationPairs += mix.sameOrganisationPairs;
  }
  return { score: people === 0 ? 0 : Math.round((weighted / people) * 10) / 10, sameOrganisationPairs };
}
