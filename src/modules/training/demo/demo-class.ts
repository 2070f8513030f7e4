import type { Db } from '../../../kernel/db/database.ts';
import type { MarkValues } from '../data/attendance-repository.ts';
import { certificateRepository } from '../data/certificate-repository.ts';
import { demoRepository } from '../data/demo-repository.ts';
import { evaluationRepository } from '../data/evaluation-repository.ts';
import { groupRepository } from '../data/group-repository.ts';
import type { Application, Edition, Path, Session } from '../data/records.ts';
import { totalsByParticipant } from '../domain/attendance.ts';
import { newCertificateCode } from '../domain/codes.ts';
import { formGroups } from '../domain/grouping.ts';
import { memberOf } from '../domain/members.ts';
import { seedFrom } from '../domain/random.ts';
import { FEEDBACK_QUESTIONS } from '../domain/vocabulary.ts';

/** What happened in a demo class: the sessions held so far and who teaches and manages it. */
export interface DemoClass {
  edition: Edition;
  path: Path;
  sessions: Session[];
  participants: Application[];
  today: string;
  trainerId: string | null;
  managerId: string | null;
  /** Participants who attend every session (the demo log-in). */
  alwaysPresent: string[];
  random: () => number;
}

const score = (random: () => number, low: number) => low + Math.floor(random() * (6 - low));

/**
 * Fills a running or completed demo class: groups, attendance of the sessions held, an assignment with
 * submissions, peer reviews, questionnaires, self-assessments and, once completed, certificates (one revoked).
 */
export async function fillDemoClass(db: Db, demo: DemoClass): Promise<void> {
  const { edition, path, participants, random } = demo;
  const isCompleted = edition.state === 'completed';
  const held = demo.sessions.filter((s) => s.date <= demo.today);
  const grouping = formGroups({ members: participants.map(memberOf), groupSize: edition.groupSize, seed: seedFrom(edition.id) });
  await groupRepository.replace(db, edition.id, grouping.groups);
  const groups = await groupRepository.listByEdition(db, edition.id);

  const marks: MarkValues[] = [];
  for (const session of held) {
    for (const p of participants) {
      const r = demo.alwaysPresent.includes(p.personId) ? 0 : random();
      const source = r < 0.3 ? 'checkin' : r < 0.75 ? 'trainer' : 'paper';
      if (r < 0.8) marks.push({ sessionId: session.id, applicationId: p.id, status: 'present', arrivedAt: null, leftAt: null, source, recordedBy: demo.trainerId });
      else if (r < 0.9) marks.push({ sessionId: session.id, applicationId: p.id, status: 'partial', arrivedAt: session.startsAt.replace(/^(\d\d):/, (_, h) => `${String(Number(h) + 1).padStart(2, '0')}:`), leftAt: null, source: 'trainer', recordedBy: demo.trainerId });
      else marks.push({ sessionId: session.id, applicationId: p.id, status: 'absent', arrivedAt: null, leftAt: null, source: 'trainer', recordedBy: demo.trainerId });
    }
  }
  await demoRepository.insertMarks(db, marks);

  const assignmentId = await evaluationRepository.insertAssignment(db, {
    editionId: edition.id,
    title: 'Mappa dei servizi del territorio',
    description: 'Ogni gruppo disegna la mappa dei servizi per un caso reale portato da un componente, con gli invii e i punti critici.',
    dueOn: edition.endsOn,
    createdBy: demo.trainerId,
  });
  for (const group of groups) {
    if (!isCompleted && random() < 0.5) continue;
    await evaluationRepository.upsertSubmission(db, {
      assignmentId,
      groupId: group.id,
      body: `Mappa del gruppo ${group.number}: servizi anagrafici, sanitari e di orientamento al lavoro collegati in un percorso unico, con tre criticità segnalate.`,
      linkUrl: null,
      submittedBy: group.memberIds[0] ?? null,
    });
  }
  await demoRepository.insertPeerReviews(
    db,
    groups.flatMap((g) => g.memberIds.flatMap((reviewer) => g.memberIds.filter((x) => x !== reviewer && random() < 0.7).map((reviewee) => ({ reviewerId: reviewer, revieweeId: reviewee, editionId: edition.id, score: score(random, 3) })))),
  );

  type Answer = { applicationId: string; editionId: string; sessionId: string | null; scores: Record<string, number>; comment: string | null };
  const feedback: Answer[] = held.flatMap((s) => participants.filter(() => random() < 0.5).map((p) => ({ applicationId: p.id, editionId: edition.id, sessionId: s.id, scores: { overall: score(random, 3) }, comment: null })));
  if (isCompleted) {
    for (const p of participants) {
      if (random() > 0.85) continue;
      feedback.push({ applicationId: p.id, editionId: edition.id, sessionId: null, scores: Object.fromEntries(FEEDBACK_QUESTIONS.map((q) => [q, score(random, 3)])), comment: null });
    }
  }
  await demoRepository.insertFeedback(db, feedback);

  const before = participants.map((p) => ({ applicationId: p.id, phase: 'before' as const, scores: path.competences.map(() => 1 + Math.floor(random() * 3)) }));
  const after = isCompleted
    ? before.filter(() => random() < 0.85).map((b) => ({ applicationId: b.applicationId, phase: 'after' as const, scores: b.scores.map((s) => Math.min(5, s + Math.floor(random() * 3))) }))
    : [];
  await demoRepository.insertSelfAssessments(db, [...before, ...after]);

  if (!isCompleted) return;
  const totals = totalsByParticipant({ sessions: demo.sessions, marks, participantIds: participants.map((p) => p.id), threshold: edition.attendanceThreshold });
  let isFirst = true;
  for (const p of participants) {
    const total = totals.get(p.id)!;
    if (!total.isEligible) continue;
    const id = await certificateRepository.insert(db, {
      code: newCertificateCode(), applicationId: p.id, editionId: edition.id, holderName: p.fullName, pathCode: path.code, pathTitle: path.title,
      competences: path.competences, editionNumber: edition.number, regionCode: edition.regionCode, startsOn: edition.startsOn, endsOn: edition.endsOn,
      minutesAttended: total.minutesAttended, minutesPlanned: total.minutesPlanned, issuedAt: new Date(`${edition.endsOn}T16:00:00Z`), issuedBy: demo.managerId,
    });
    if (isFirst && !demo.alwaysPresent.includes(p.personId) && demo.managerId) {
      await certificateRepository.revoke(db, id, { reason: 'Rilasciato per errore: le presenze trascritte dal registro cartaceo erano sbagliate.', by: demo.managerId, at: new Date(`${edition.endsOn}T17:00:00Z`) });
      isFirst = false;
    }
  }
}
