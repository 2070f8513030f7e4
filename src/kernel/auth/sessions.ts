import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** The cookie that carries a session's random token; the database keeps only its hash. */
export const SESSION_COOKIE = 'crocevia_session';

/** A stored session. */
export interface SessionRecord {
  idHash: string;
  personId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  isSecondFactorPending: boolean;
}

/** SHA-256 of a token, hex encoded. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random token (256 bits, base64url). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions in PostgreSQL, so any process can serve any session. */
export const sessions = {
  /** Creates a session and returns the token for the cookie. */
  async create(db: Db, options: { personId: string; ttlHours: number; isSecondFactorPending: boolean; userAgent?: string }): Promise<{ token: string; idHash: string }> {
    const token = newToken();
    const idHash = hashToken(token);
    await sql`insert into kernel_sessions (id_hash, person_id, expires_at, second_factor_pending, user_agent)
      values (${idHash}, ${options.personId}, now() + make_interval(hours => ${options.ttlHours}), ${options.isSecondFactorPending},
              ${options.userAgent?.slice(0, 300) ?? null})`.execute(db);
    return { token, idHash };
  },

  /** Finds a live session by its cookie token. */
  async find(db: Db, token: string): Promise<SessionRecord | null> {
    const { rows } = await sql<{ id_hash: string; person_id: string; expires_at: Date; last_seen_at: Date; second_factor_pending: boolean }>`
      select id_hash, person_id, expires_at, last_seen_at, second_factor_pending from kernel_sessions
      where id_hash = ${hashToken(token)} and expires_at > now()`.execute(db);
    const row = rows[0];
    if (!row) return null;
    return { idHash: row.id_hash, personId: row.person_id, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at, isSecondFactorPending: row.second_factor_pending };
  },

  /** Records activity at most every five minutes. */
  async touch(db: Db, session: SessionRecord): Promise<void> {
    if (Date.now() - session.lastSeenAt.getTime() < 5 * 60 * 1000) return;
    await sql`update kernel_sessions set last_seen_at = now() where id_hash = ${session.idHash}`.execute(db);
  },

  async completeSecondFactor(db: Db, idHash: string): Promise<void> {
    await sql`update kernel_sessions set second_factor_pending = false where id_hash = ${idHash}`.execute(db);
  },

  async destroy(db: Db, idHash: string): Promise<void> {
    await sql`delete from kernel_sessions where id_hash = ${idHash}`.execute(db);
  },

  /** Ends every session of a person (password change, account disabled). */
  async destroyAllOf(db: Db, personId: string, exceptIdHash?: string): Promise<void> {
    await sql`delete from kernel_sessions where person_id = ${personId} and id_hash <> ${exceptIdHash ?? ''}`.execute(db);
  },

  async purgeExpired(db: Db): Promise<void> {
    await sql`delete from kernel_sessions where expires_at <= now()`.execute(db);
  },
};
