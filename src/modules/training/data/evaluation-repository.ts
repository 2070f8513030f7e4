import type { Db } from '../../../kernel/db/database.ts';
import { json, trainingDb } from './tables.ts';

/** A group assignment (a project work). */
export interface Assignment {
  id: string;
  editionId: string;
  title: string;
  description: string;
  dueOn: string | null;
}

/** What a group handed in for an assignment. */
export interface Submission {
  assignmentId: string;
  groupId: string;
  body: string;
  linkUrl: string | null;
  submittedBy: string | null;
  submittedAt: Date;
}

/** One answer to the satisfaction questionnaire (of a session, or of the whole edition when sessionId is null). */
export interface Feedback {
  applicationId: string;
  sessionId: string | null;
  scores: Record<string, number>;
  comment: string | null;
}

/** Group work, peer evaluation, questionnaires and self-assessments. */
export const evaluationRepository = {
  /** Inserts an assignment; returns its id. */
  async insertAssignment(db: Db, values: Omit<Assignment, 'id'> & { createdBy: string | null }): Promise<string> {
    const row = await trainingDb(db)
      .insertInto('training_assignments')
      .values({ edition_id: values.editionId, title: values.title, description: values.description, due_on: values.dueOn, created_by: values.createdBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** An edition's assignments, by due date. */
  async listAssignments(db: Db, editionId: string): Promise<Assignment[]> {
    const rows = await trainingDb(db)
      .selectFrom('training_assignments')
      .select(['id', 'edition_id', 'title', 'description', 'due_on'])
      .where('edition_id', '=', editionId)
      .orderBy('due_on')
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ id: r.id, editionId: r.edition_id, title: r.title, description: r.description, dueOn: r.due_on }));
  },

  /** Writes (or rewrites) a group's submission for an assignment. */
  async upsertSubmission(db: Db, values: Omit<Submission, 'submittedAt'>): Promise<void> {
    const changes = { body: values.body, link_url: values.linkUrl, submitted_by: values.submittedBy, submitted_at: new Date() };
    await trainingDb(db)
      .insertInto('training_submissions')
      .values({ assignment_id: values.assignmentId, group_id: values.groupId, ...changes })
      .onConflict((oc) => oc.columns(['assignment_id', 'group_id']).doUpdateSet(changes))
      .execute();
  },

  /** The submissions for an edition's assignments. */
  async listSubmissions(db: Db, editionId: string): Promise<Submission[]> {
    const rows = await trainingDb(db)
      .selectFrom('training_submissions as s')
      .innerJoin('training_assignments as a', 'a.id', 's.assignment_id')
      .select(['s.assignment_id', 's.group_id', 's.body', 's.link_url', 's.submitted_by', 's.submitted_at'])
      .where('a.edition_id', '=', editionId)
      .execute();
    return rows.map((r) => ({ assignmentId: r.assignment_id, groupId: r.group_id, body: r.body, linkUrl: r.link_url, submittedBy: r.submitted_by, submittedAt: r.submitted_at }));
  },

  /** Writes (or rewrites) a peer review. */
  async upsertPeerReview(db: Db, values: { reviewerId: string; revieweeId: string; editionId: string; score: number; comment: string | null }): Promise<void> {
    const changes = { score: values.score, comment: values.comment, created_at: new Date() };
    await trainingDb(db)
      .insertInto('training_peer_reviews')
      .values({ reviewer_id: values.reviewerId, reviewee_id: values.revieweeId, edition_id: values.editionId, ...changes })
      .onConflict((oc) => oc.columns(['reviewer_id', 'reviewee_id']).doUpdateSet(changes))
      .execute();
  },

  /** An edition's peer reviews. */
  async listPeerReviews(db: Db, editionId: string): Promise<{ reviewerId: string; revieweeId: string; score: number; comment: string | null }[]> {
    const rows = await trainingDb(db).selectFrom('training_peer_reviews').select(['reviewer_id', 'reviewee_id', 'score', 'comment']).where('edition_id', '=', editionId).execute();
    return rows.map((r) => ({ reviewerId: r.reviewer_id, revieweeId: r.reviewee_id, score: r.score, comment: r.comment }));
  },

  /** Writes a questionnaire answer; false when this person already answered it. */
  async insertFeedback(db: Db, values: Feedback & { editionId: string }): Promise<boolean> {
    const existing = trainingDb(db).selectFrom('training_feedback').select('id').where('application_id', '=', values.applicationId);
    const found = await (values.sessionId === null ? existing.where('session_id', 'is', null) : existing.where('session_id', '=', values.sessionId)).executeTakeFirst();
    if (found) return false;
    await trainingDb(db)
      .insertInto('training_feedback')
      .values({ application_id: values.applicationId, edition_id: values.editionId, session_id: values.sessionId, scores: json(values.scores), comment: values.comment })
      .execute();
    return true;
  },

  /** An edition's questionnaire answers. */
  async listFeedback(db: Db, editionId: string): Promise<Feedback[]> {
    const rows = await trainingDb(db).selectFrom('training_feedback').select(['application_id', 'session_id', 'scores', 'comment']).where('edition_id', '=', editionId).execute();
    return rows.map((r) => ({ applicationId: r.application_id, sessionId: r.session_id, scores: r.scores, comment: r.comment }));
  },

  /** Writes a self-assessment; false when this phase was already answered. */
  async insertSelfAssessment(db: Db, values: { applicationId: string; phase: 'before' | 'after'; scores: number[] }): Promise<boolean> {
    const row = await trainingDb(db)
      .insertInto('training_self_assessments')
      .values({ application_id: values.applicationId, phase: values.phase, scores: json(values.scores) })
      .onConflict((oc) => oc.columns(['application_id', 'phase']).doNothing())
      .returning('application_id')
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The self-assessments of an edition's participants. */
  async listSelfAssessments(db: Db, editionId: string): Promise<{ applicationId: string; phase: 'before' | 'after'; scores: number[] }[]> {
    const rows = await trainingDb(db)
      .selectFrom('training_self_assessments as s')
      .innerJoin('training_applications as a', 'a.id', 's.application_id')
      .select(['s.application_id', 's.phase', 's.scores'])
      .where('a.edition_id', '=', editionId)
      .execute();
    return rows.map((r) => ({ applicationId: r.application_id, phase: r.phase as 'before' | 'after', scores: r.scores }));
  },
};
