import type { Db } from '../../../kernel/db/database.ts';
import type { AttendanceSource, AttendanceStatus } from '../domain/vocabulary.ts';
import type { AttendanceMark } from './records.ts';
import { hhmm, trainingDb } from './tables.ts';

/** A mark to write. */
export interface MarkValues {
  sessionId: string;
  applicationId: string;
  status: AttendanceStatus;
  arrivedAt: string | null;
  leftAt: string | null;
  source: AttendanceSource;
  recordedBy: string | null;
}

type MarkRow = { session_id: string; application_id: string; status: string; arrived_at: string | null; left_at: string | null; source: string; recorded_at: Date };

function toMark(row: MarkRow): AttendanceMark {
  return {
    sessionId: row.session_id,
    applicationId: row.application_id,
    status: row.status as AttendanceStatus,
    arrivedAt: row.arrived_at ? hhmm(row.arrived_at) : null,
    leftAt: row.left_at ? hhmm(row.left_at) : null,
    source: row.source as AttendanceSource,
    recordedAt: row.recorded_at,
  };
}

const COLUMNS = ['a.session_id', 'a.application_id', 'a.status', 'a.arrived_at', 'a.left_at', 'a.source', 'a.recorded_at'] as const;

/** Attendance marks and the short-lived check-in codes shown in the room. */
export const attendanceRepository = {
  /** Writes marks, replacing earlier marks of the same person and session. */
  async upsert(db: Db, marks: MarkValues[]): Promise<void> {
    for (const m of marks) {
      const values = { status: m.status, arrived_at: m.arrivedAt, left_at: m.leftAt, source: m.source, recorded_by: m.recordedBy, recorded_at: new Date() };
      await trainingDb(db)
        .insertInto('training_attendance')
        .values({ session_id: m.sessionId, application_id: m.applicationId, ...values })
        .onConflict((oc) => oc.columns(['session_id', 'application_id']).doUpdateSet(values))
        .execute();
    }
  },

  /** Writes a check-in mark unless the person is already marked for the session; returns whether it was written. */
  async insertIfAbsent(db: Db, mark: MarkValues): Promise<boolean> {
    const row = await trainingDb(db)
      .insertInto('training_attendance')
      .values({ session_id: mark.sessionId, application_id: mark.applicationId, status: mark.status, arrived_at: mark.arrivedAt, left_at: mark.leftAt, source: mark.source, recorded_by: mark.recordedBy })
      .onConflict((oc) => oc.columns(['session_id', 'application_id']).doNothing())
      .returning('session_id')
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The marks of one session. */
  async listBySession(db: Db, sessionId: string): Promise<AttendanceMark[]> {
    const rows = await trainingDb(db).selectFrom('training_attendance as a').select(COLUMNS).where('a.session_id', '=', sessionId).execute();
    return rows.map((r) => toMark(r as MarkRow));
  },

  /** Every mark of an edition's sessions. */
  async listByEdition(db: Db, editionId: string): Promise<AttendanceMark[]> {
    const rows = await trainingDb(db)
      .selectFrom('training_attendance as a')
      .innerJoin('training_sessions as s', 's.id', 'a.session_id')
      .select(COLUMNS)
      .where('s.edition_id', '=', editionId)
      .execute();
    return rows.map((r) => toMark(r as MarkRow));
  },

  /** Stores a new check-in code (as a keyed hash) for a session. */
  async insertCode(db: Db, values: { sessionId: string; codeHash: string; codeEnc: string; opensAt: Date; expiresAt: Date; createdBy: string }): Promise<void> {
    await trainingDb(db)
      .insertInto('training_checkin_codes')
      .values({ session_id: values.sessionId, code_hash: values.codeHash, code_enc: values.codeEnc, opens_at: values.opensAt, expires_at: values.expiresAt, created_by: values.createdBy })
      .execute();
  },

  /** Codes with this hash (any session), newest first. */
  async findCodes(db: Db, codeHash: string): Promise<{ sessionId: string; opensAt: Date; expiresAt: Date }[]> {
    const rows = await trainingDb(db)
      .selectFrom('training_checkin_codes')
      .select(['session_id', 'opens_at', 'expires_at'])
      .where('code_hash', '=', codeHash)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({ sessionId: r.session_id, opensAt: r.opens_at, expiresAt: r.expires_at }));
  },

  /** The latest code of a session (encrypted), for showing it in the room while it works. */
  async latestCode(db: Db, sessionId: string): Promise<{ codeEnc: string; opensAt: Date; expiresAt: Date } | null> {
    const row = await trainingDb(db)
      .selectFrom('training_checkin_codes')
      .select(['code_enc', 'opens_at', 'expires_at'])
      .where('session_id', '=', sessionId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row ? { codeEnc: row.code_enc, opensAt: row.opens_at, expiresAt: row.expires_at } : null;
  },

  /** Ends every code of a session still working (a new code replaces them). */
  async expireCodes(db: Db, sessionId: string, at: Date): Promise<void> {
    await trainingDb(db).updateTable('training_checkin_codes').set({ expires_at: at }).where('session_id', '=', sessionId).where('expires_at', '>', at).execute();
  },
};
