import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import type { Modality } from '../domain/vocabulary.ts';
import type { Path } from './records.ts';
import { json, trainingDb } from './tables.ts';

/** The fields of a path as written. */
export interface PathValues {
  code: string;
  title: TranslatedText;
  objectives: TranslatedText;
  competences: TranslatedText[];
  hours: number;
  modality: Modality;
  regionCodes: string[];
}

type PathRow = {
  id: string;
  code: string;
  title: TranslatedText;
  objectives: TranslatedText;
  competences: TranslatedText[];
  hours: number;
  modality: string;
  region_codes: string[];
  trainer_ids: string[] | null;
};

function toPath(row: PathRow): Path {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    objectives: row.objectives,
    competences: row.competences,
    hours: row.hours,
    modality: row.modality as Modality,
    regionCodes: row.region_codes,
    trainerIds: row.trainer_ids ?? [],
  };
}

const TRAINERS = sql<string[]>`array(select t.person_id::text from training_path_trainers t where t.path_id = p.id order by t.person_id)`;

/** Paths: the catalogue of what is taught. */
export const pathRepository = {
  /** Inserts a path; returns its id. */
  async insert(db: Db, values: PathValues, createdBy: string | null): Promise<string> {
    const row = await trainingDb(db)
      .insertInto('training_paths')
      .values({
        code: values.code,
        title: json(values.title),
        objectives: json(values.objectives),
        competences: json(values.competences),
        hours: values.hours,
        modality: values.modality,
        region_codes: values.regionCodes,
        created_by: createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** Rewrites a path's fields. */
  async update(db: Db, id: string, values: PathValues): Promise<void> {
    await trainingDb(db)
      .updateTable('training_paths')
      .set({
        code: values.code,
        title: json(values.title),
        objectives: json(values.objectives),
        competences: json(values.competences),
        hours: values.hours,
        modality: values.modality,
        region_codes: values.regionCodes,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },

  /** Replaces the trainers of a path. */
  async setTrainers(db: Db, pathId: string, personIds: string[]): Promise<void> {
    await trainingDb(db).deleteFrom('training_path_trainers').where('path_id', '=', pathId).execute();
    if (personIds.length === 0) return;
    await trainingDb(db)
      .insertInto('training_path_trainers')
      .values(personIds.map((personId) => ({ path_id: pathId, person_id: personId })))
      .execute();
  },

  /** One path, or null. */
  async find(db: Db, id: string): Promise<Path | null> {
    const row = await trainingDb(db)
      .selectFrom('training_paths as p')
      .select(['p.id', 'p.code', 'p.title', 'p.objectives', 'p.competences', 'p.hours', 'p.modality', 'p.region_codes', TRAINERS.as('trainer_ids')])
      .where('p.id', '=', id)
      .executeTakeFirst();
    return row ? toPath(row as PathRow) : null;
  },

  /** Whether a code is used by another path. */
  async isCodeTaken(db: Db, code: string, exceptId?: string): Promise<boolean> {
    let query = trainingDb(db).selectFrom('training_paths').select('id').where('code', '=', code);
    if (exceptId) query = query.where('id', '<>', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  },

  /** Paths touching any of the regions (all paths when regions is null), by code. */
  async list(db: Db, regionCodes: string[] | null): Promise<Path[]> {
    let query = trainingDb(db)
      .selectFrom('training_paths as p')
      .select(['p.id', 'p.code', 'p.title', 'p.objectives', 'p.competences', 'p.hours', 'p.modality', 'p.region_codes', TRAINERS.as('trainer_ids')])
      .orderBy('p.code');
    if (regionCodes !== null) query = query.where(sql<boolean>`p.region_codes && ${regionCodes}::text[]`);
    return (await query.execute()).map((r) => toPath(r as PathRow));
  },

  /** Several paths by id. */
  async findMany(db: Db, ids: string[]): Promise<Path[]> {
    if (ids.length === 0) return [];
    const rows = await trainingDb(db)
      .selectFrom('training_paths as p')
      .select(['p.id', 'p.code', 'p.title', 'p.objectives', 'p.competences', 'p.hours', 'p.modality', 'p.region_codes', TRAINERS.as('trainer_ids')])
      .where('p.id', 'in', ids)
      .execute();
    return rows.map((r) => toPath(r as PathRow));
  },

  /** How many paths the programme has (optionally touching given regions). */
  async count(db: Db): Promise<number> {
    const row = await trainingDb(db).selectFrom('training_paths').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
