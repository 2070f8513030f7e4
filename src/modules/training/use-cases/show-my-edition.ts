import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { attendanceRepository } from '../data/attendance-repository.ts';
import { certificateRepository } from '../data/certificate-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { evaluationRepository, type Assignment, type Submission } from '../data/evaluation-repository.ts';
import { groupRepository } from '../data/group-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import type { Application, AttendanceMark, Certificate, Edition, Path, Session } from '../data/records.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { totalsByParticipant, type AttendanceTotal } from '../domain/attendance.ts';
import { participationWindow, type ParticipationWindow } from '../domain/participation.ts';
import { localOf } from '../domain/rome-time.ts';
import { loadOwnApplication } from './access.ts';

/** A participant's own view of their edition: their records, their group and nobody else's. */
export interface MyEdition {
  application: Application;
  edition: Edition;
  path: Path;
  sessions: Session[];
  marks: Map<string, AttendanceMark>;
  total: AttendanceTotal | null;
  group: { id: string; number: number; members: Application[] } | null;
  assignments: Assignment[];
  submissions: Map<string, Submission>;
  reviewsGiven: Map<string, number>;
  answeredSessionIds: Set<string>;
  hasEditionFeedback: boolean;
  assessedPhases: Set<'before' | 'after'>;
  certificate: Certificate | null;
  window: ParticipationWindow;
}

/** Loads one of the signed-in person's applications with everything they may see about it. */
export async function showMyEdition(options: { ctx: ModuleContext; actor: Actor; applicationId: string; now?: Date }): Promise<MyEdition> {
  const { db } = options.ctx;
  const application = await loadOwnApplication(db, options.actor, options.applicationId);
  const edition = await editionRepository.find(db, application.editionId);
  const path = edition ? await pathRepository.find(db, edition.pathId) : null;
  if (!edition || !path) throw new NotFoundError();
  const sessions = await sessionRepository.listByEdition(db, edition.id);
  const isParticipant = application.status === 'admitted';
  const allMarks = isParticipant ? (await attendanceRepository.listByEdition(db, edition.id)).filter((m) => m.applicationId === application.id) : [];
  const total = isParticipant ? totalsByParticipant({ sessions, marks: allMarks, participantIds: [application.id], threshold: edition.attendanceThreshold }).get(application.id)! : null;
  const groups = isParticipant ? await groupRepository.listByEdition(db, edition.id) : [];
  const mine = groups.find((g) => g.memberIds.includes(application.id));
  const classmates = mine ? (await applicationRepository.listByEdition(db, edition.id, ['admitted'])).filter((a) => mine.memberIds.includes(a.id)) : [];
  const assignments = isParticipant ? await evaluationRepository.listAssignments(db, edition.id) : [];
  const submissions = mine ? (await evaluationRepository.listSubmissions(db, edition.id)).filter((s) => s.groupId === mine.id) : [];
  const reviews = isParticipant ? (await evaluationRepository.listPeerReviews(db, edition.id)).filter((r) => r.reviewerId === application.id) : [];
  const feedback = isParticipant ? (await evaluationRepository.listFeedback(db, edition.id)).filter((f) => f.applicationId === application.id) : [];
  const assessments = isParticipant ? (await evaluationRepository.listSelfAssessments(db, edition.id)).filter((a) => a.applicationId === application.id) : [];
  const certificate = await certificateRepository.findByApplication(db, application.id);
  return {
    application,
    edition,
    path,
    sessions,
    marks: new Map(allMarks.map((m) => [m.sessionId, m])),
    total,
    group: mine ? { id: mine.id, number: mine.number, members: classmates.sort((a, b) => a.fullName.localeCompare(b.fullName)) } : null,
    assignments,
    submissions: new Map(submissions.map((s) => [s.assignmentId, s])),
    reviewsGiven: new Map(reviews.map((r) => [r.revieweeId, r.score])),
    answeredSessionIds: new Set(feedback.filter((f) => f.sessionId !== null).map((f) => f.sessionId!)),
    hasEditionFeedback: feedback.some((f) => f.sessionId === null),
    assessedPhases: new Set(assessments.map((a) => a.phase)),
    certificate: certificate && !certificate.revokedAt ? certificate : null,
    window: isParticipant ? participationWindow(edition, sessions, localOf(options.now ?? new Date()).date) : participationWindow({ state: 'draft' }, [], ''),
  };
}
