import { describe, expect, it } from 'vitest';
import { attendedMinutes, hoursOf, totalsByParticipant } from './attendance.ts';

const morning = { id: 's1', startsAt: '09:00', endsAt: '13:00' };
const afternoon = { id: 's2', startsAt: '14:00', endsAt: '16:00' };

describe('attendance', () => {
  it('counts a whole session when present, nothing when absent or unmarked, the overlap when partial', () => {
    expect(attendedMinutes(morning, { sessionId: 's1', applicationId: 'a', status: 'present', arrivedAt: null, leftAt: null })).toBe(240);
    expect(attendedMinutes(morning, { sessionId: 's1', applicationId: 'a', status: 'absent', arrivedAt: null, leftAt: null })).toBe(0);
    expect(attendedMinutes(morning, undefined)).toBe(0);
    expect(attendedMinutes(morning, { sessionId: 's1', applicationId: 'a', status: 'partial', arrivedAt: '10:30', leftAt: null })).toBe(150);
    expect(attendedMinutes(morning, { sessionId: 's1', applicationId: 'a', status: 'partial', arrivedAt: '08:00', leftAt: '12:00' })).toBe(180);
    expect(attendedMinutes(morning, { sessionId: 's1', applicationId: 'a', status: 'partial', arrivedAt: '13:30', leftAt: '14:00' })).toBe(0);
  });

  it('decides eligibility with the threshold on the planned time', () => {
    const totals = totalsByParticipant({
      sessions: [morning, afternoon],
      participantIds: ['full', 'exact', 'short'],
      threshold: 75,
      marks: [
        { sessionId: 's1', applicationId: 'full', status: 'present', arrivedAt: null, leftAt: null },
        { sessionId: 's2', applicationId: 'full', status: 'present', arrivedAt: null, leftAt: null },
        { sessionId: 's1', applicationId: 'exact', status: 'present', arrivedAt: null, leftAt: null },
        { sessionId: 's2', applicationId: 'exact', status: 'partial', arrivedAt: '14:00', leftAt: '14:30' },
        { sessionId: 's1', applicationId: 'short', status: 'present', arrivedAt: null, leftAt: null },
        { sessionId: 's2', applicationId: 'short', status: 'partial', arrivedAt: '14:00', leftAt: '14:29' },
      ],
    });
    expect(totals.get('full')).toEqual({ minutesAttended: 360, minutesPlanned: 360, rate: 100, isEligible: true });
    expect(totals.get('exact')).toMatchObject({ minutesAttended: 270, rate: 75, isEligible: true });
    expect(totals.get('short')).toMatchObject({ minutesAttended: 269, rate: 74, isEligible: false });
  });

  it('gives nobody a certificate for an edition without sessions', () => {
    expect(totalsByParticipant({ sessions: [], marks: [], participantIds: ['a'], threshold: 75 }).get('a')?.isEligible).toBe(false);
  });

  it('writes hours with one decimal', () => {
    expect(hoursOf(450)).toBe(7.5);
    expect(hoursOf(269)).toBe(4.5);
  });
});
