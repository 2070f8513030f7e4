import { average, type Average } from './evaluation-results.ts';
import { PROFILES, type Profile } from './vocabulary.ts';

/** The raw figures of one edition, which add up across editions, paths and regions. */
export interface RawFigures {
  editions: number;
  completedEditions: number;
  applicants: Record<Profile, number>;
  participants: Record<Profile, number>;
  minutesAttended: number;
  minutesPlanned: number;
  /** Participants of completed editions, and those of them whose attendance reached the threshold. */
  completedParticipants: number;
  eligible: number;
  certified: number;
  /** Overall satisfaction (1–5) of each edition questionnaire, with the answerer's profile. */
  satisfaction: { profile: Profile; score: number }[];
  /** Mean change of each participant's self-assessed competences (after − before), with their profile. */
  competenceChanges: { profile: Profile; change: number }[];
}

/** The figures a funder reads. */
export interface Figures {
  editions: number;
  completedEditions: number;
  applicants: number;
  applicantsByProfile: Record<Profile, number>;
  participants: number;
  participantsByProfile: Record<Profile, number>;
  /** Percent of the hours held so far attended by the participants. */
  attendanceRate: number | null;
  /** Percent of the participants of completed editions who reached the attendance threshold. */
  completionRate: number | null;
  certified: number;
  satisfaction: Average;
  satisfactionByProfile: Partial<Record<Profile, Average>>;
  competenceChange: Average;
  competenceChangeByProfile: Partial<Record<Profile, Average>>;
}

const zeroes = () => Object.fromEntries(PROFILES.map((p) => [p, 0])) as Record<Profile, number>;

/** Empty figures, to add editions to. */
export function emptyFigures(): RawFigures {
  return { editions: 0, completedEditions: 0, applicants: zeroes(), participants: zeroes(), minutesAttended: 0, minutesPlanned: 0, completedParticipants: 0, eligible: 0, certified: 0, satisfaction: [], competenceChanges: [] };
}

/** Adds raw figures together. */
export function addFigures(a: RawFigures, b: RawFigures): RawFigures {
  const sum = (x: Record<Profile, number>, y: Record<Profile, number>) => Object.fromEntries(PROFILES.map((p) => [p, x[p] + y[p]])) as Record<Profile, number>;
  return {
    editions: a.editions + b.editions,
    completedEditions: a.completedEditions + b.completedEditions,
    applicants: sum(a.applicants, b.applicants),
    participants: sum(a.participants, b.participants),
    minutesAttended: a.minutesAttended + b.minutesAttended,
    minutesPlanned: a.minutesPlanned + b.minutesPlanned,
    completedParticipants: a.completedParticipants + b.completedParticipants,
    eligible: a.eligible + b.eligible,
    certified: a.certified + b.certified,
    satisfaction: [...a.satisfaction, ...b.satisfaction],
    competenceChanges: [...a.competenceChanges, ...b.competenceChanges],
  };
}

function byProfile(values: { profile: Profile; value: number }[]): Partial<Record<Profile, Average>> {
  const out: Partial<Record<Profile, Average>> = {};
  for (const profile of PROFILES) {
    const own = values.filter((v) => v.profile === profile).map((v) => v.value);
    if (own.length) out[profile] = average(own);
  }
  return out;
}

/** Turns raw figures into rates and averages. */
export function summarise(raw: RawFigures): Figures {
  const total = (x: Record<Profile, number>) => PROFILES.reduce((s, p) => s + x[p], 0);
  const participants = total(raw.participants);
  return {
    editions: raw.editions,
    completedEditions: raw.completedEditions,
    applicants: total(raw.applicants),
    applicantsByProfile: raw.applicants,
    participants,
    participantsByProfile: raw.participants,
    attendanceRate: raw.minutesPlanned > 0 ? Math.round((raw.minutesAttended / raw.minutesPlanned) * 1000) / 10 : null,
    completionRate: raw.completedParticipants > 0 ? Math.round((raw.eligible / raw.completedParticipants) * 1000) / 10 : null,
    certified: raw.certified,
    satisfaction: average(raw.satisfaction.map((s) => s.score)),
    satisfactionByProfile: byProfile(raw.satisfaction.map((s) => ({ profile: s.profile, value: s.score }))),
    competenceChange: average(raw.competenceChanges.map((c) => c.change)),
    competenceChangeByProfile: byProfile(raw.competenceChanges.map((c) => ({ profile: c.profile, value: c.change }))),
  };
}
