import type { Db } from '../../../kernel/db/database.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import type { Session } from './records.ts';
import { hhmm, json, trainingDb, type MaterialLink } from './tables.ts';

/** The fields of a session as written. */
export interface SessionValues {
  date: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  trainerPersonId: string | null;
  topic: TranslatedText;
  materials: MaterialLink[];
}

const COLUMNS = ['id', 'edition_id', 'date', 'starts_at', 'ends_at', 'place', 'online_url', 'trainer_person_id', 'topic', 'materials', 'reminder_sent_at'] as const;

type SessionRow = {
  id: string; edition_id: string; date: string; starts_at: string; ends_at: string; place: string | null; online_url: string | null;
  trainer_person_id: string | null; topic: TranslatedText; materials: MaterialLink[]; reminder_sent_at: Date | null;
};

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    editionId: row.edition_id,
    date: row.date,
    startsAt: hhmm(row.starts_at),
    endsAt: hhmm(row.ends_at),
    place: row.place,
    onlineUrl: row.online_url,
    trainerPersonId: row.trainer_person_id,
    topic: row.topic,
    materials: row.materials,
    reminderSentAt: row.reminder_sent_at,
  };
}

function columnsOf(values: SessionValues) {
  return {
    date: values.date,
    starts_at: values.startsAt,
    ends_at: values.endsAt,
    place: values.place,
    online_url: values.onlineUrl,
    trainer_person_id: values.trainerPersonId,
    topic: json(values.topic),
    materials: json(values.materials),
  };
}

/** The calendar of an edition. */
export const sessionRepository = {
  /** Inserts a session; returns its id. */
  async insert(db: Db, editionId: string, values: SessionValues): Promise<string> {
    const row = await trainingDb(db)
      .insertInto('training_sessions')
      .values({ edition_id: editionId, ...columnsOf(values) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** Rewrites a session (a changed time is reminded again). */
  async update(db: Db, id: string, values: SessionValues): Promise<void> {
    await trainingDb(db).updateTable('training_sessions').set({ ...columnsOf(values), reminder_sent_at: null }).where('id', '=', id).execute();
  },

  /** Deletes a session and its attendance. */
  async remove(db: Db, id: string): Promise<void> {
    await trainingDb(db).deleteFrom('training_sessions').where('id', '=', id).execute();
  },

  /** One session, or null. */
  async find(db: Db, id: string): Promise<Session | null> {
    const row = await trainingDb(db).selectFrom('training_sessions').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toSession(row as SessionRow) : null;
  },

  /** An edition's sessions in calendar order. */
  async listByEdition(db: Db, editionId: string): Promise<Session[]> {
    const rows = await trainingDb(db)
      .selectFrom('training_sessions')
      .select(COLUMNS)
      .where('edition_id', '=', editionId)
      .orderBy('date')
      .orderBy('starts_at')
      .execute();
    return rows.map((r) => toSession(r as SessionRow));
  },

  /** Sessions of running or closed-call editions between two local days, not yet reminded. */
  async listToRemind(db: Db, fromDate: string, toDate: string): Promise<Session[]> {
    const rows = await trainingDb(db)
      .selectFrom('training_sessions as s')
      .innerJoin('training_editions as e', 'e.id', 's.edition_id')
      .select(COLUMNS.map((c) => `s.${c}` as const))
      .where('s.reminder_sent_at', 'is', null)
      .where('s.date', '>=', fromDate)
      .where('s.date', '<=', toDate)
      .where('e.state', 'in', ['call_closed', 'running'])
      .orderBy('s.date')
      .orderBy('s.starts_at')
      .execute();
    return rows.map((r) => toSession(r as SessionRow));
  },

  /** Marks a session as reminded. */
  async markReminded(db: Db, id: string, at: Date): Promise<void> {
    await trainingDb(db).updateTable('training_sessions').set({ reminder_sent_at: at }).where('id', '=', id).execute();
  },
};
