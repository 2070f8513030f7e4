import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { EditionState, Profile } from '../domain/vocabulary.ts';
import type { Edition } from './records.ts';
import { json, trainingDb } from './tables.ts';

/** The fields of an edition as written. */
export interface EditionValues {
  regionCode: string;
  startsOn: string;
  endsOn: string;
  places: string;
  seats: number;
  quotas: Partial<Record<Profile, number>>;
  minPerProfile: number;
  groupSize: number;
  attendanceThreshold: number;
}

/** An edition with the figures the lists show. */
export interface EditionSummary extends Edition {
  applicants: number;
  admitted: number;
  waiting: number;
}

const TRAINERS = sql<string[]>`array(select t.person_id::text from training_edition_trainers t where t.edition_id = e.id order by t.person_id)`;
const COLUMNS = [
  'e.id', 'e.path_id', 'e.number', 'e.region_code', 'e.starts_on', 'e.ends_on', 'e.places', 'e.seats', 'e.quotas',
  'e.min_per_profile', 'e.group_size', 'e.attendance_threshold', 'e.state', 'e.completed_at',
] as const;

type EditionRow = {
  id: string; path_id: string; number: number; region_code: string; starts_on: string; ends_on: string; places: string;
  seats: number; quotas: Record<string, number>; min_per_profile: number; group_size: number; attendance_threshold: number;
  state: string; completed_at: Date | null; trainer_ids: string[] | null;
  applicants?: string | number; admitted?: string | number; waiting?: string | number;
};

function toEdition(row: EditionRow): Edition {
  return {
    id: row.id,
    pathId: row.path_id,
    number: row.number,
    regionCode: row.region_code,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    places: row.places,
    seats: row.seats,
    quotas: row.quotas as Partial<Record<Profile, number>>,
    minPerProfile: row.min_per_profile,
    groupSize: row.group_size,
    attendanceThreshold: row.attendance_threshold,
    state: row.state as EditionState,
    completedAt: row.completed_at,
    trainerIds: row.trainer_ids ?? [],
  };
}

function toSummary(row: EditionRow): EditionSummary {
  return { ...toEdition(row), applicants: Number(row.applicants ?? 0), admitted: Number(row.admitted ?? 0), waiting: Number(row.waiting ?? 0) };
}

const COUNT = (status: string | null) =>
  status === null
    ? sql<number>`(select count(*) from training_applications a where a.edition_id = e.id)`
    : sql<number>`(select count(*) from training_applications a where a.edition_id = e.id and a.status = ${status})`;

/** Editions and their trainer assignments. */
export const editionRepository = {
  /** Inserts an edition with the next number of its path; returns its id. */
  async insert(db: Db, pathId: string, values: EditionValues): Promise<string> {
    const row = await trainingDb(db)
      .insertInto('training_editions')
      .values({
        path_id: pathId,
        number: sql<number>`(select coalesce(max(number), 0) + 1 from training_editions where path_id = ${pathId})`,
        region_code: values.regionCode,
        starts_on: values.startsOn,
        ends_on: values.endsOn,
        places: values.places,
        seats: values.seats,
        quotas: json(values.quotas),
        min_per_profile: values.minPerProfile,
        group_size: values.groupSize,
        attendance_threshold: values.attendanceThreshold,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** Rewrites an edition's fields (not its state). */
  async update(db: Db, id: string, values: EditionValues): Promise<void> {
    await trainingDb(db)
      .updateTable('training_editions')
      .set({
        region_code: values.regionCode,
        starts_on: values.startsOn,
        ends_on: values.endsOn,
        places: values.places,
        seats: values.seats,
        quotas: json(values.quotas),
        min_per_profile: values.minPerProfile,
        group_size: values.groupSize,
        attendance_threshold: values.attendanceThreshold,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },

  /** Moves an edition to a state; completing stamps the time. */
  async setState(db: Db, id: string, state: EditionState, at: Date): Promise<void> {
    await trainingDb(db)
      .updateTable('training_editions')
      .set({ state, updated_at: at, ...(state === 'completed' ? { completed_at: at } : {}) })
      .where('id', '=', id)
      .execute();
  },

  /** Replaces the trainers assigned to an edition. */
  async setTrainers(db: Db, editionId: string, personIds: string[]): Promise<void> {
    await trainingDb(db).deleteFrom('training_edition_trainers').where('edition_id', '=', editionId).execute();
    if (personIds.length === 0) return;
    await trainingDb(db)
      .insertInto('training_edition_trainers')
      .values(personIds.map((personId) => ({ edition_id: editionId, person_id: personId })))
      .execute();
  },

  /** One edition, or null; `forUpdate` locks its row for the rest of the transaction. */
  async find(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<Edition | null> {
    let query = trainingDb(db).selectFrom('training_editions as e').select([...COLUMNS, TRAINERS.as('trainer_ids')]).where('e.id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? toEdition(row as EditionRow) : null;
  },

  /**
   * Editions with their counts, filtered: by path, by regions (null: any), by states, or the editions a
   * trainer is assigned to. Newest first.
   */
  async list(db: Db, filter: { pathId?: string; regionCodes?: string[] | null; states?: EditionState[]; trainerId?: string }): Promise<EditionSummary[]> {
    let query = trainingDb(db)
      .selectFrom('training_editions as e')
      .select([...COLUMNS, TRAINERS.as('trainer_ids'), COUNT(null).as('applicants'), COUNT('admitted').as('admitted'), COUNT('waiting').as('waiting')])
      .orderBy('e.starts_on', 'desc')
      .orderBy('e.number', 'desc');
    if (filter.pathId) query = query.where('e.path_id', '=', filter.pathId);
    if (filter.regionCodes) query = filter.regionCodes.length ? query.where('e.region_code', 'in', filter.regionCodes) : query.where(sql<boolean>`false`);
    if (filter.states) query = filter.states.length ? query.where('e.state', 'in', filter.states) : query.where(sql<boolean>`false`);
    if (filter.trainerId) {
      const trainerId = filter.trainerId;
      query = query.where(sql<boolean>`exists (select 1 from training_edition_trainers t where t.edition_id = e.id and t.person_id = ${trainerId})`);
    }
    return (await query.execute()).map((r) => toSummary(r as EditionRow));
  },
};
