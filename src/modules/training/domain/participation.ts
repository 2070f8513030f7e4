import type { Edition, Session } from '../data/records.ts';

/** What a participant may do now in their edition, from its state and calendar. */
export interface ParticipationWindow {
  /** Sessions that already took place (questionnaires open for them). */
  pastSessionIds: string[];
  canAssessBefore: boolean;
  canAssessAfter: boolean;
  canAnswerEditionQuestionnaire: boolean;
  canWorkInGroup: boolean;
}

/** The windows of participation: "before" until the class ends, "after" once its last session is over, group work while it runs. */
export function participationWindow(edition: Pick<Edition, 'state'>, sessions: Pick<Session, 'id' | 'date'>[], today: string): ParticipationWindow {
  const isActive = edition.state === 'call_closed' || edition.state === 'running' || edition.state === 'call_open';
  const lastDay = sessions.reduce((max, s) => (s.date > max ? s.date : max), '');
  const isOver = edition.state === 'completed' || (edition.state === 'running' && lastDay !== '' && lastDay <= today);
  return {
    pastSessionIds: edition.state === 'running' || edition.state === 'completed' ? sessions.filter((s) => s.date <= today).map((s) => s.id) : [],
    canAssessBefore: isActive,
    canAssessAfter: isOver,
    canAnswerEditionQuestionnaire: isOver,
    canWorkInGroup: edition.state === 'running',
  };
}
