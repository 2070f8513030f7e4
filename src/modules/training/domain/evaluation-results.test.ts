import { describe, expect, it } from 'vitest';
import { competenceChangeOf, satisfactionOf } from './evaluation-results.ts';
import type { Profile } from './vocabulary.ts';

const profiles: Record<string, Profile> = { a: 'pa_official', b: 'third_sector', c: 'pa_official' };
const profileOf = (id: string) => profiles[id];

describe('evaluation results', () => {
  it('averages satisfaction per question, over sessions, and per profile', () => {
    const result = satisfactionOf(
      [
        { applicationId: 'a', sessionId: null, scores: { overall: 5, content: 4, trainers: 5, organisation: 3 } },
        { applicationId: 'b', sessionId: null, scores: { overall: 4, content: 4, trainers: 4, organisation: 4 } },
        { applicationId: 'a', sessionId: 's1', scores: { overall: 3 } },
      ],
      profileOf,
    );
    expect(result.byQuestion.overall).toEqual({ mean: 4.5, count: 2 });
    expect(result.byQuestion.organisation).toEqual({ mean: 3.5, count: 2 });
    expect(result.sessionsOverall).toEqual({ mean: 3, count: 1 });
    expect(result.byProfile).toEqual({ pa_official: { mean: 5, count: 1 }, third_sector: { mean: 4, count: 1 } });
  });

  it('measures the change of those who assessed themselves before and after', () => {
    const result = competenceChangeOf(
      [
        { applicationId: 'a', phase: 'before', scores: [2, 3] },
        { applicationId: 'a', phase: 'after', scores: [4, 4] },
        { applicationId: 'b', phase: 'before', scores: [3, 3] },
        { applicationId: 'b', phase: 'after', scores: [3, 4] },
        { applicationId: 'c', phase: 'before', scores: [1, 1] },
      ],
      2,
      profileOf,
    );
    expect(result.byCompetence[0]).toEqual({ before: { mean: 2, count: 3 }, after: { mean: 3.5, count: 2 }, change: { mean: 1, count: 2 } });
    expect(result.overallChange).toEqual({ mean: 1, count: 2 });
    expect(result.byProfile).toEqual({ pa_official: { mean: 1.5, count: 1 }, third_sector: { mean: 0.5, count: 1 } });
  });
});
