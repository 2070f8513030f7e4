import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { ApplicationValues } from './application-repository.ts';
import type { MarkValues } from './attendance-repository.ts';
import { json, trainingDb } from './tables.ts';

/** Bulk writes for the demo seed only: thousands of rows in a few statements keep the first start fast. */
export const demoRepository = {
  /** Inserts applications with their status; returns ids in the order given. */
  async insertApplications(db: Db, rows: (ApplicationValues & { status: string })[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted = await trainingDb(db)
      .insertInto('training_applications')
      .values(
        rows.map((r) => ({
          edition_id: r.editionId, person_id: r.personId, email: r.email, full_name: r.fullName, profile: r.profile, organisation_id: r.organisationId,
          organisation_name: r.organisationName, role_level: r.roleLevel, job_title: r.jobTitle, region_code: r.regionCode, motivation: r.motivation,
          accessibility_enc: r.accessibilityEnc, languages: r.languages, locale: r.locale, status: r.status, applied_at: r.appliedAt ?? new Date(),
          decided_at: r.status === 'received' ? null : (r.appliedAt ?? new Date()),
        })),
      )
      .returning('id')
      .execute();
    return inserted.map((r) => r.id);
  },

  /** Inserts attendance marks. */
  async insertMarks(db: Db, marks: MarkValues[]): Promise<void> {
    for (let i = 0; i < marks.length; i += 500) {
      const batch = marks.slice(i, i + 500);
      if (batch.length === 0) continue;
      await trainingDb(db)
        .insertInto('training_attendance')
        .values(batch.map((m) => ({ session_id: m.sessionId, application_id: m.applicationId, status: m.status, arrived_at: m.arrivedAt, left_at: m.leftAt, source: m.source, recorded_by: m.recordedBy })))
        .execute();
    }
  },

  /** Inserts questionnaire answers. */
  async insertFeedback(db: Db, rows: { applicationId: string; editionId: string; sessionId: string | null; scores: Record<string, number>; comment: string | null }[]): Promise<void> {
    if (rows.length === 0) return;
    await trainingDb(db)
      .insertInto('training_feedback')
      .values(rows.map((r) => ({ application_id: r.applicationId, edition_id: r.editionId, session_id: r.sessionId, scores: json(r.scores), comment: r.comment })))
      .execute();
  },

  /** Inserts self-assessments. */
  async insertSelfAssessments(db: Db, rows: { applicationId: string; phase: 'before' | 'after'; scores: number[] }[]): Promise<void> {
    if (rows.length === 0) return;
    await trainingDb(db)
      .insertInto('training_self_assessments')
      .values(rows.map((r) => ({ application_id: r.applicationId, phase: r.phase, scores: json(r.scores) })))
      .execute();
  },

  /** Inserts peer reviews. */
  async insertPeerReviews(db: Db, rows: { reviewerId: string; revieweeId: string; editionId: string; score: number }[]): Promise<void> {
    if (rows.length === 0) return;
    await trainingDb(db)
      .insertInto('training_peer_reviews')
      .values(rows.map((r) => ({ reviewer_id: r.reviewerId, reviewee_id: r.revieweeId, edition_id: r.editionId, score: r.score, comment: null })))
      .execute();
  },
};
