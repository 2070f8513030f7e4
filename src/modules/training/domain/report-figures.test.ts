import { describe, expect, it } from 'vitest';
import { addFigures, emptyFigures, summarise } from './report-figures.ts';

describe('report figures', () => {
  it('adds editions up and turns them into rates, completion counting only completed editions', () => {
    const completed = { ...emptyFigures(), editions: 1, completedEditions: 1, minutesAttended: 900, minutesPlanned: 1200, completedParticipants: 4, eligible: 3, certified: 3 };
    completed.participants.pa_official = 2;
    completed.participants.third_sector = 2;
    completed.applicants.pa_official = 5;
    completed.satisfaction = [{ profile: 'pa_official', score: 4 }, { profile: 'third_sector', score: 5 }];
    completed.competenceChanges = [{ profile: 'third_sector', change: 1.5 }];
    const running = { ...emptyFigures(), editions: 1, minutesAttended: 100, minutesPlanned: 400 };
    running.participants.migrant_association = 2;
    const figures = summarise(addFigures(completed, running));
    expect(figures).toMatchObject({ editions: 2, completedEditions: 1, applicants: 5, participants: 6, attendanceRate: 62.5, completionRate: 75, certified: 3 });
    expect(figures.satisfaction).toEqual({ mean: 4.5, count: 2 });
    expect(figures.satisfactionByProfile).toEqual({ pa_official: { mean: 4, count: 1 }, third_sector: { mean: 5, count: 1 } });
    expect(figures.competenceChangeByProfile).toEqual({ third_sector: { mean: 1.5, count: 1 } });
  });

  it('says nothing rather than zero when there is nothing to measure', () => {
    expect(summarise(emptyFigures())).toMatchObject({ attendanceRate: null, completionRate: null, satisfaction: { mean: null, count: 0 } });
  });
});
