import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Id = Generated<string>;
type Json<T> = ColumnType<T, string, string>;

/** A link to a material (slides, readings) of a session. */
export interface MaterialLink {
  label: string;
  url: string;
}

/** The training module's tables, as Kysely sees them. */
export interface TrainingTables {
  training_paths: {
    id: Id;
    code: string;
    title: Json<TranslatedText>;
    objectives: Json<TranslatedText>;
    competences: Json<TranslatedText[]>;
    hours: number;
    modality: string;
    region_codes: string[];
    created_by: string | null;
    created_at: Stamp;
    updated_at: Stamp;
  };
  training_path_trainers: { path_id: string; person_id: string };
  training_editions: {
    id: Id;
    path_id: string;
    number: number;
    region_code: string;
    starts_on: string;
    ends_on: string;
    places: string;
    seats: number;
    quotas: Json<Record<string, number>>;
    min_per_profile: number;
    group_size: number;
    attendance_threshold: number;
    state: Generated<string>;
    completed_at: NullableStamp;
    created_at: Stamp;
    updated_at: Stamp;
  };
  training_edition_trainers: { edition_id: string; person_id: string };
  training_sessions: {
    id: Id;
    edition_id: string;
    date: string;
    starts_at: string;
    ends_at: string;
    place: string | null;
    online_url: string | null;
    trainer_person_id: string | null;
    topic: Json<TranslatedText>;
    materials: Json<MaterialLink[]>;
    reminder_sent_at: NullableStamp;
    created_at: Stamp;
  };
  training_applications: {
    id: Id;
    edition_id: string;
    person_id: string;
    email: string;
    full_name: string;
    profile: string;
    organisation_id: string | null;
    organisation_name: string;
    role_level: string;
    job_title: string | null;
    region_code: string;
    motivation: string;
    accessibility_enc: string | null;
    languages: string | null;
    locale: Generated<string>;
    status: Generated<string>;
    applied_at: ColumnType<Date, Date | string | undefined, Date | string>;
    decided_at: NullableStamp;
    withdrawn_at: NullableStamp;
  };
  training_groups: { id: Id; edition_id: string; number: number; created_at: Stamp };
  training_group_members: { application_id: string; group_id: string };
  training_attendance: {
    session_id: string;
    application_id: string;
    status: string;
    arrived_at: string | null;
    left_at: string | null;
    source: string;
    recorded_by: string | null;
    recorded_at: Stamp;
  };
  training_checkin_codes: { id: Id; session_id: string; code_hash: string; code_enc: string; opens_at: Stamp; expires_at: Stamp; created_by: string | null; created_at: Stamp };
  training_certificates: {
    id: Id;
    code: string;
    application_id: string;
    edition_id: string;
    holder_name: string;
    path_code: string;
    path_title: Json<TranslatedText>;
    competences: Json<TranslatedText[]>;
    edition_number: number;
    region_code: string;
    starts_on: string;
    ends_on: string;
    minutes_attended: number;
    minutes_planned: number;
    issued_at: Stamp;
    issued_by: string | null;
    revoked_at: NullableStamp;
    revoked_by: string | null;
    revocation_reason: string | null;
  };
  training_assignments: { id: Id; edition_id: string; title: string; description: string; due_on: string | null; created_by: string | null; created_at: Stamp };
  training_submissions: { id: Id; assignment_id: string; group_id: string; body: string; link_url: string | null; submitted_by: string | null; submitted_at: Stamp };
  training_peer_reviews: { reviewer_id: string; reviewee_id: string; edition_id: string; score: number; comment: string | null; created_at: Stamp };
  training_feedback: { id: Id; application_id: string; edition_id: string; session_id: string | null; scores: Json<Record<string, number>>; comment: string | null; created_at: Stamp };
  training_self_assessments: { application_id: string; phase: string; scores: Json<number[]>; created_at: Stamp };
}

/** Narrows the shared client to this module's tables. */
export const trainingDb = (db: Db) => db as unknown as Kysely<TrainingTables>;

/** A jsonb value as Kysely writes it. */
export const json = (value: unknown): string => JSON.stringify(value);

/** 'HH:MM:SS' from the database as 'HH:MM'. */
export const hhmm = (time: string): string => time.slice(0, 5);
