import { FEEDBACK_QUESTIONS, type FeedbackQuestion, type Profile } from './vocabulary.ts';

/** An average with how many answers it rests on (null when there are none). */
export interface Average {
  mean: number | null;
  count: number;
}

/** Satisfaction of an edition (or a path): per question over edition questionnaires, and overall per session and per profile. */
export interface SatisfactionResult {
  byQuestion: Record<FeedbackQuestion, Average>;
  sessionsOverall: Average;
  byProfile: Partial<Record<Profile, Average>>;
}

/** Competence change from the self-assessments: before, after and the change of those who answered both. */
export interface CompetenceResult {
  /** Per competence position. */
  byCompetence: { before: Average; after: Average; change: Average }[];
  overallChange: Average;
  byProfile: Partial<Record<Profile, Average>>;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The mean of numbers, rounded to two decimals. */
export function average(values: number[]): Average {
  return { mean: values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null, count: values.length };
}

/** Satisfaction results from questionnaire answers; `profileOf` tells each answer's profile. */
export function satisfactionOf(feedback: { applicationId: string; sessionId: string | null; scores: Record<string, number> }[], profileOf: (applicationId: string) => Profile | undefined): SatisfactionResult {
  const editionAnswers = feedback.filter((f) => f.sessionId === null);
  const byQuestion = Object.fromEntries(
    FEEDBACK_QUESTIONS.map((q) => [q, average(editionAnswers.map((f) => f.scores[q]).filter((v): v is number => typeof v === 'number'))]),
  ) as Record<FeedbackQuestion, Average>;
  const sessionsOverall = average(feedback.filter((f) => f.sessionId !== null).map((f) => f.scores.overall).filter((v): v is number => typeof v === 'number'));
  const groups = new Map<Profile, number[]>();
  for (const f of editionAnswers) {
    const profile = profileOf(f.applicationId);
    if (profile && typeof f.scores.overall === 'number') groups.set(profile, [...(groups.get(profile) ?? []), f.scores.overall]);
  }
  return { byQuestion, sessionsOverall, byProfile: Object.fromEntries([...groups].map(([p, v]) => [p, average(v)])) };
}

/** Competence change from self-assessments (scores 1–5 per competence position). */
export function competenceChangeOf(
  assessments: { applicationId: string; phase: 'before' | 'after'; scores: number[] }[],
  competenceCount: number,
  profileOf: (applicationId: string) => Profile | undefined,
): CompetenceResult {
  const before = new Map(assessments.filter((a) => a.phase === 'before').map((a) => [a.applicationId, a.scores]));
  const after = new Map(assessments.filter((a) => a.phase === 'after').map((a) => [a.applicationId, a.scores]));
  const paired = [...before.keys()].filter((id) => after.has(id));
  const byCompetence = Array.from({ length: competenceCount }, (_, i) => ({
    before: average([...before.values()].map((s) => s[i]).filter((v): v is number => typeof v === 'number')),
    after: average([...after.values()].map((s) => s[i]).filter((v): v is number => typeof v === 'number')),
    change: average(paired.filter((id) => before.get(id)![i] !== undefined && after.get(id)![i] !== undefined).map((id) => after.get(id)![i]! - before.get(id)![i]!)),
  }));
  const personChange = (id: string) => {
    const b = before.get(id)!;
    const a = after.get(id)!;
    const diffs = b.map((v, i) => (a[i] ?? v) - v);
    return diffs.length ? diffs.reduce((x, y) => x + y, 0) / diffs.length : 0;
  };
  const groups = new Map<Profile, number[]>();
  for (const id of paired) {
    const profile = profileOf(id);
    if (profile) groups.set(profile, [...(groups.get(profile) ?? []), personChange(id)]);
  }
  return {
    byCompetence,
    overallChange: average(paired.map(personChange)),
    byProfile: Object.fromEntries([...groups].map(([p, v]) => [p, average(v)])),
  };
}
