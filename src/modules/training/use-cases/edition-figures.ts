import type { Db } from '../../../kernel/db/database.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { attendanceRepository } from '../data/attendance-repository.ts';
import { totalsByParticipant } from '../domain/attendance.ts';
import { localOf } from '../domain/rome-time.ts';
import { certificateRepository } from '../data/certificate-repository.ts';
import { evaluationRepository } from '../data/evaluation-repository.ts';
import type { Edition } from '../data/records.ts';
import { emptyFigures, type RawFigures } from '../domain/report-figures.ts';
import type { Profile } from '../domain/vocabulary.ts';
import { attendanceTotals } from './show-attendance.ts';

/** The raw figures of one edition (a step shared by the evaluation page and the funder's reports). */
export async function editionFigures(db: Db, edition: Edition, now: Date = new Date()): Promise<RawFigures> {
  const figures = emptyFigures();
  figures.editions = 1;
  figures.completedEditions = edition.state === 'completed' ? 1 : 0;
  const applications = await applicationRepository.listByEdition(db, edition.id);
  const profileOf = new Map<string, Profile>(applications.map((a) => [a.id, a.profile]));
  for (const a of applications) figures.applicants[a.profile]++;
  const { sessions, participants, totals } = await attendanceTotals(db, edition);
  // The attendance rate counts the sessions held so far; the threshold, the whole calendar.
  const today = localOf(now).date;
  const held = totalsByParticipant({ sessions: sessions.filter((s) => s.date <= today), marks: await attendanceRepository.listByEdition(db, edition.id), participantIds: participants.map((p) => p.id), threshold: edition.attendanceThreshold });
  const isCompleted = edition.state === 'completed';
  for (const p of participants) {
    figures.participants[p.profile]++;
    figures.minutesAttended += held.get(p.id)!.minutesAttended;
    figures.minutesPlanned += held.get(p.id)!.minutesPlanned;
    if (isCompleted) figures.completedParticipants++;
    if (isCompleted && totals.get(p.id)!.isEligible) figures.eligible++;
  }
  figures.certified = (await certificateRepository.listByEdition(db, edition.id)).filter((c) => !c.revokedAt).length;
  for (const f of await evaluationRepository.listFeedback(db, edition.id)) {
    const profile = profileOf.get(f.applicationId);
    if (f.sessionId === null && profile && typeof f.scores.overall === 'number') figures.satisfaction.push({ profile, score: f.scores.overall });
  }
  const assessments = await evaluationRepository.listSelfAssessments(db, edition.id);
  const before = new Map(assessments.filter((a) => a.phase === 'before').map((a) => [a.applicationId, a.scores]));
  for (const after of assessments.filter((a) => a.phase === 'after')) {
    const start = before.get(after.applicationId);
    const profile = profileOf.get(after.applicationId);
    if (!start || !profile || start.length === 0) continue;
    const change = start.reduce((sum, v, i) => sum + ((after.scores[i] ?? v) - v), 0) / start.length;
    figures.competenceChanges.push({ profile, change });
  }
  return figures;
}
