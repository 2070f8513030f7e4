import type { Actor } from '../../../kernel/auth/actor.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { evaluationRepository } from '../data/evaluation-repository.ts';
import type { Application, Session } from '../data/records.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { average, competenceChangeOf, satisfactionOf, type Average, type CompetenceResult, type SatisfactionResult } from '../domain/evaluation-results.ts';
import { loadEditionFor, type EditionAccess } from './access.ts';

/** The evaluation results of one edition, for its trainers and managers. */
export interface EvaluationOverview extends EditionAccess {
  satisfaction: SatisfactionResult;
  perSession: { session: Session; overall: Average }[];
  competences: CompetenceResult;
  /** Average score each participant received from the members of their group. */
  peerScores: { participant: Application; received: Average }[];
  comments: string[];
}

/** Aggregates questionnaires, self-assessments and peer reviews of an edition. */
export async function showEvaluation(options: { ctx: ModuleContext; actor: Actor; editionId: string }): Promise<EvaluationOverview> {
  const { db } = options.ctx;
  const access = await loadEditionFor(db, options.actor, options.editionId);
  const applications = await applicationRepository.listByEdition(db, access.edition.id, ['admitted']);
  const profileOf = (id: string) => applications.find((a) => a.id === id)?.profile;
  const feedback = await evaluationRepository.listFeedback(db, access.edition.id);
  const sessions = await sessionRepository.listByEdition(db, access.edition.id);
  const reviews = await evaluationRepository.listPeerReviews(db, access.edition.id);
  return {
    ...access,
    satisfaction: satisfactionOf(feedback, profileOf),
    perSession: sessions.map((session) => ({
      session,
      overall: average(feedback.filter((f) => f.sessionId === session.id).map((f) => f.scores.overall).filter((v): v is number => typeof v === 'number')),
    })),
    competences: competenceChangeOf(await evaluationRepository.listSelfAssessments(db, access.edition.id), access.path.competences.length, profileOf),
    peerScores: applications
      .map((participant) => ({ participant, received: average(reviews.filter((r) => r.revieweeId === participant.id).map((r) => r.score)) }))
      .sort((a, b) => a.participant.fullName.localeCompare(b.participant.fullName)),
    comments: feedback.filter((f) => f.sessionId === null && f.comment).map((f) => f.comment!),
  };
}
