import { sql, type Kysely } from 'kysely';

/** Group assignments and submissions, peer evaluation, satisfaction questionnaires and competence self-assessments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table training_assignments (
    id uuid primary key default gen_random_uuid(),
    edition_id uuid not null references training_editions (id) on delete cascade,
    title text not null,
    description text not null,
    due_on date,
    created_by uuid references accounts_people (id) on delete set null,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index training_assignments_edition on training_assignments (edition_id)`.execute(db);

  await sql`create table training_submissions (
    id uuid primary key default gen_random_uuid(),
    assignment_id uuid not null references training_assignments (id) on delete cascade,
    group_id uuid not null references training_groups (id) on delete cascade,
    body text not null,
    link_url text,
    submitted_by uuid references training_applications (id) on delete set null,
    submitted_at timestamptz not null default now(),
    unique (assignment_id, group_id)
  )`.execute(db);

  await sql`create table training_peer_reviews (
    reviewer_id uuid not null references training_applications (id) on delete cascade,
    reviewee_id uuid not null references training_applications (id) on delete cascade,
    edition_id uuid not null references training_editions (id) on delete cascade,
    score integer not null check (score between 1 and 5),
    comment text,
    created_at timestamptz not null default now(),
    primary key (reviewer_id, reviewee_id),
    check (reviewer_id <> reviewee_id)
  )`.execute(db);

  await sql`create table training_feedback (
    id uuid primary key default gen_random_uuid(),
    application_id uuid not null references training_applications (id) on delete cascade,
    edition_id uuid not null references training_editions (id) on delete cascade,
    session_id uuid references training_sessions (id) on delete cascade,
    scores jsonb not null,
    comment text,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create unique index training_feedback_session on training_feedback (application_id, session_id) where session_id is not null`.execute(db);
  await sql`create unique index training_feedback_edition on training_feedback (application_id) where session_id is null`.execute(db);
  await sql`create index training_feedback_by_edition on training_feedback (edition_id)`.execute(db);

  await sql`create table training_self_assessments (
    application_id uuid not null references training_applications (id) on delete cascade,
    phase text not null check (phase in ('before','after')),
    scores jsonb not null,
    created_at timestamptz not null default now(),
    primary key (application_id, phase)
  )`.execute(db);
}
