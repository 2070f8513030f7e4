import { MAIN_PROFILES, type Profile } from './vocabulary.ts';

/** An applicant as selection sees them, in the order applications arrived. */
export interface Candidate {
  id: string;
  profile: Profile;
}

/** The rules of a class: seats, the most of each profile, the least of each main profile. */
export interface ClassRules {
  seats: number;
  quotas: Partial<Record<Profile, number>>;
  minPerProfile: number;
}

/** What selection proposes: who is admitted, who waits, and which main profiles stay below the minimum. */
export interface SelectionProposal {
  admit: string[];
  wait: string[];
  shortfalls: { profile: Profile; missing: number }[];
}

/** Whether one more person of a profile fits the quota. */
export function fitsQuota(rules: ClassRules, counts: Map<Profile, number>, profile: Profile): boolean {
  const quota = rules.quotas[profile];
  return quota === undefined || (counts.get(profile) ?? 0) < quota;
}

/**
 * Fills the free seats: first the main profiles below the minimum mix, one per profile in turn and earliest
 * applicant first; then everyone else in order of arrival within the quotas. The others wait, in order.
 */
export function proposeSelection(options: { candidates: Candidate[]; admitted: Candidate[]; rules: ClassRules }): SelectionProposal {
  const { rules } = options;
  const counts = new Map<Profile, number>();
  for (const a of options.admitted) counts.set(a.profile, (counts.get(a.profile) ?? 0) + 1);
  let free = rules.seats - options.admitted.length;
  const admitted = new Set<string>();
  const admit = (c: Candidate) => {
    admitted.add(c.id);
    counts.set(c.profile, (counts.get(c.profile) ?? 0) + 1);
    free--;
  };

  let isFilling = true;
  while (isFilling && free > 0) {
    isFilling = false;
    for (const profile of MAIN_PROFILES) {
      if (free === 0 || (counts.get(profile) ?? 0) >= rules.minPerProfile || !fitsQuota(rules, counts, profile)) continue;
      const next = options.candidates.find((c) => c.profile === profile && !admitted.has(c.id));
      if (!next) continue;
      admit(next);
      isFilling = true;
    }
  }
  for (const candidate of options.candidates) {
    if (free === 0) break;
    if (!admitted.has(candidate.id) && fitsQuota(rules, counts, candidate.profile)) admit(candidate);
  }
  const shortfalls = MAIN_PROFILES.map((profile) => ({ profile, missing: rules.minPerProfile - (counts.get(profile) ?? 0) })).filter((s) => s.missing > 0);
  return {
    admit: options.candidates.filter((c) => admitted.has(c.id)).map((c) => c.id),
    wait: options.candidates.filter((c) => !admitted.has(c.id)).map((c) => c.id),
    shortfalls,
  };
}
