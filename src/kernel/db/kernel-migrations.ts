import { sql, type Kysely } from 'kysely';
import type { NamedMigrations } from './migrator.ts';

/** The kernel's own tables: settings, sessions, rate limits, audit log, captured mail, jobs. */
export const kernelMigrations: NamedMigrations = {
  '202611260001_kernel': {
    async up(db: Kysely<unknown>) {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`create extension if not exists unaccent`.execute(db);
      await sql`create extension if not exists fuzzystrmatch`.execute(db);
      await sql`create extension if not exists cube`.execute(db);
      await sql`create extension if not exists earthdistance`.execute(db);
      await sql`create extension if not exists pgcrypto`.execute(db);
      await sql`
        create table kernel_settings (
          key text primary key,
          value jsonb not null,
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`
        create table kernel_sessions (
          id_hash text primary key,
          person_id uuid not null,
          created_at timestamptz not null default now(),
          last_seen_at timestamptz not null default now(),
          expires_at timestamptz not null,
          second_factor_pending boolean not null default false,
          user_agent text
        )`.execute(db);
      await sql`create index kernel_sessions_person on kernel_sessions (person_id)`.execute(db);
      await sql`create index kernel_sessions_expires on kernel_sessions (expires_at)`.execute(db);
      await sql`
        create table kernel_rate_limits (
          key text not null,
          window_start timestamptz not null,
          hits integer not null,
          primary key (key, window_start)
        )`.execute(db);
      await sql`
        create table kernel_audit (
          id bigint generated always as identity primary key,
          at timestamptz not null default now(),
          actor_person_id uuid,
          action text not null,
          entity text not null,
          entity_id text,
          region_code text,
          organisation_id uuid,
          details jsonb not null default '{}'::jsonb
        )`.execute(db);
      await sql`create index kernel_audit_entity on kernel_audit (entity, entity_id)`.execute(db);
      await sql`create index kernel_audit_region on kernel_audit (region_code, at)`.execute(db);
      // The audit log is append-only: refuse updates and deletes at the database.
      await sql`
        create function kernel_audit_append_only() returns trigger language plpgsql as $$
        begin raise exception 'kernel_audit is append-only'; end $$`.execute(db);
      await sql`
        create trigger kernel_audit_no_change before update or delete on kernel_audit
        for each row execute function kernel_audit_append_only()`.execute(db);
      await sql`
        create table kernel_captured_mail (
          id bigint generated always as identity primary key,
          received_at timestamptz not null default now(),
          mail_from text not null,
          rcpt_to text[] not null,
          subject text not null,
          text_body text not null,
          html_body text,
          raw text not null
        )`.execute(db);
      await sql`
        create table kernel_jobs (
          id bigint generated always as identity primary key,
          name text not null,
          payload jsonb not null default '{}'::jsonb,
          run_at timestamptz not null default now(),
          attempts integer not null default 0,
          max_attempts integer not null default 5,
          locked_at timestamptz,
          locked_by text,
          done_at timestamptz,
          last_error text,
          singleton_key text unique
        )`.execute(db);
      await sql`create index kernel_jobs_due on kernel_jobs (run_at) where done_at is null`.execute(db);
    },
  },
};
