import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { ApplicationStatus, Profile, RoleLevel } from '../domain/vocabulary.ts';
import type { Application } from './records.ts';
import { trainingDb } from './tables.ts';

/** The fields of a new application. */
export interface ApplicationValues {
  editionId: string;
  personId: string;
  email: string;
  fullName: string;
  profile: Profile;
  organisationId: string | null;
  organisationName: string;
  roleLevel: RoleLevel;
  jobTitle: string | null;
  regionCode: string;
  motivation: string;
  accessibilityEnc: string | null;
  languages: string | null;
  locale: string;
  appliedAt?: Date;
}

const COLUMNS = [
  'id', 'edition_id', 'person_id', 'email', 'full_name', 'profile', 'organisation_id', 'organisation_name', 'role_level', 'job_title',
  'region_code', 'motivation', 'accessibility_enc', 'languages', 'locale', 'status', 'applied_at', 'decided_at', 'withdrawn_at',
] as const;

type ApplicationRow = {
  id: string; edition_id: string; person_id: string; email: string; full_name: string; profile: string; organisation_id: string | null;
  organisation_name: string; role_level: string; job_title: string | null; region_code: string; motivation: string;
  accessibility_enc: string | null; languages: string | null; locale: string; status: string; applied_at: Date;
  decided_at: Date | null; withdrawn_at: Date | null;
};

function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    editionId: row.edition_id,
    personId: row.person_id,
    email: row.email,
    fullName: row.full_name,
    profile: row.profile as Profile,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    roleLevel: row.role_level as RoleLevel,
    jobTitle: row.job_title,
    regionCode: row.region_code,
    motivation: row.motivation,
    accessibilityEnc: row.accessibility_enc,
    languages: row.languages,
    locale: row.locale,
    status: row.status as ApplicationStatus,
    appliedAt: row.applied_at,
    decidedAt: row.decided_at,
    withdrawnAt: row.withdrawn_at,
  };
}

/** Applications and participants (admitted applications). */
export const applicationRepository = {
  /** Inserts an application; returns its id. */
  async insert(db: Db, values: ApplicationValues): Promise<string> {
    const row = await trainingDb(db)
      .insertInto('training_applications')
      .values({
        edition_id: values.editionId,
        person_id: values.personId,
        email: values.email,
        full_name: values.fullName,
        profile: values.profile,
        organisation_id: values.organisationId,
        organisation_name: values.organisationName,
        role_level: values.roleLevel,
        job_title: values.jobTitle,
        region_code: values.regionCode,
        motivation: values.motivation,
        accessibility_enc: values.accessibilityEnc,
        languages: values.languages,
        locale: values.locale,
        ...(values.appliedAt ? { applied_at: values.appliedAt } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** Whether the address already applied to the edition. */
  async hasApplied(db: Db, editionId: string, email: string): Promise<boolean> {
    const row = await trainingDb(db)
      .selectFrom('training_applications')
      .select('id')
      .where('edition_id', '=', editionId)
      .where(sql<boolean>`lower(email) = lower(${email})`)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** One application, or null. */
  async find(db: Db, id: string): Promise<Application | null> {
    const row = await trainingDb(db).selectFrom('training_applications').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toApplication(row as ApplicationRow) : null;
  },

  /** An edition's applications in the order they arrived (optionally only some statuses). */
  async listByEdition(db: Db, editionId: string, statuses?: ApplicationStatus[]): Promise<Application[]> {
    let query = trainingDb(db).selectFrom('training_applications').select(COLUMNS).where('edition_id', '=', editionId).orderBy('applied_at').orderBy('id');
    if (statuses) query = query.where('status', 'in', statuses);
    return (await query.execute()).map((r) => toApplication(r as ApplicationRow));
  },

  /** A person's applications, newest first. */
  async listByPerson(db: Db, personId: string): Promise<Application[]> {
    const rows = await trainingDb(db).selectFrom('training_applications').select(COLUMNS).where('person_id', '=', personId).orderBy('applied_at', 'desc').execute();
    return rows.map((r) => toApplication(r as ApplicationRow));
  },

  /** Sets the status of applications (a decision, a withdrawal). */
  async setStatus(db: Db, ids: string[], status: ApplicationStatus, at: Date): Promise<void> {
    if (ids.length === 0) return;
    await trainingDb(db)
      .updateTable('training_applications')
      .set(status === 'withdrawn' ? { status, withdrawn_at: at } : { status, decided_at: at })
      .where('id', 'in', ids)
      .execute();
  },
};
