import { sql, type Kysely } from 'kysely';

/**
 * Paths, editions, sessions, trainer assignments, applications, groups, attendance, check-in codes and
 * certificates. People and organisations are the accounts module's; regions are territory's.
 * Content a reader sees in their language (titles, objectives, competences, topics) is TranslatedText jsonb.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table training_paths (
    id uuid primary key default gen_random_uuid(),
    code text not null unique check (code ~ '^[A-Z0-9-]{2,20}$'),
    title jsonb not null,
    objectives jsonb not null,
    competences jsonb not null default '[]',
    hours integer not null check (hours between 1 and 1000),
    modality text not null check (modality in ('in_person','online','blended')),
    region_codes text[] not null check (cardinality(region_codes) between 1 and 20),
    created_by uuid references accounts_people (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index training_paths_regions on training_paths using gin (region_codes)`.execute(db);

  await sql`create table training_path_trainers (
    path_id uuid not null references training_paths (id) on delete cascade,
    person_id uuid not null references accounts_people (id) on delete cascade,
    primary key (path_id, person_id)
  )`.execute(db);

  await sql`create table training_editions (
    id uuid primary key default gen_random_uuid(),
    path_id uuid not null references training_paths (id) on delete cascade,
    number integer not null check (number >= 1),
    region_code text not null references territory_regions (code),
    starts_on date not null,
    ends_on date not null,
    places text not null default '',
    seats integer not null check (seats between 2 and 500),
    quotas jsonb not null default '{}',
    min_per_profile integer not null default 0 check (min_per_profile >= 0),
    group_size integer not null default 5 check (group_size between 2 and 12),
    attendance_threshold integer not null default 75 check (attendance_threshold between 1 and 100),
    state text not null default 'draft' check (state in ('draft','call_open','call_closed','running','completed')),
    completed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (path_id, number),
    check (ends_on >= starts_on)
  )`.execute(db);
  await sql`create index training_editions_region on training_editions (region_code, state)`.execute(db);

  await sql`create table training_edition_trainers (
    edition_id uuid not null references training_editions (id) on delete cascade,
    person_id uuid not null references accounts_people (id) on delete cascade,
    primary key (edition_id, person_id)
  )`.execute(db);
  await sql`create index training_edition_trainers_person on training_edition_trainers (person_id)`.execute(db);

  await sql`create table training_sessions (
    id uuid primary key default gen_random_uuid(),
    edition_id uuid not null references training_editions (id) on delete cascade,
    date date not null,
    starts_at time not null,
    ends_at time not null,
    place text,
    online_url text,
    trainer_person_id uuid references accounts_people (id) on delete set null,
    topic jsonb not null,
    materials jsonb not null default '[]',
    reminder_sent_at timestamptz,
    created_at timestamptz not null default now(),
    check (ends_at > starts_at)
  )`.execute(db);
  await sql`create index training_sessions_edition on training_sessions (edition_id, date, starts_at)`.execute(db);

  await sql`create table training_applications (
    id uuid primary key default gen_random_uuid(),
    edition_id uuid not null references training_editions (id) on delete cascade,
    person_id uuid not null references accounts_people (id) on delete cascade,
    email text not null,
    full_name text not null,
    profile text not null check (profile in ('pa_manager','pa_official','third_sector','migrant_association','other')),
    organisation_id uuid references accounts_organisations (id) on delete set null,
    organisation_name text not null,
    role_level text not null check (role_level in ('executive','coordinator','operator','volunteer')),
    job_title text,
    region_code text not null references territory_regions (code),
    motivation text not null,
    accessibility_enc text,
    languages text,
    locale text not null default 'it',
    status text not null default 'received' check (status in ('received','admitted','waiting','rejected','withdrawn')),
    applied_at timestamptz not null default now(),
    decided_at timestamptz,
    withdrawn_at timestamptz
  )`.execute(db);
  await sql`create unique index training_applications_email on training_applications (edition_id, lower(email))`.execute(db);
  await sql`create index training_applications_person on training_applications (person_id)`.execute(db);
  await sql`create index training_applications_edition on training_applications (edition_id, status, applied_at)`.execute(db);

  await sql`create table training_groups (
    id uuid primary key default gen_random_uuid(),
    edition_id uuid not null references training_editions (id) on delete cascade,
    number integer not null,
    created_at timestamptz not null default now(),
    unique (edition_id, number)
  )`.execute(db);

  await sql`create table training_group_members (
    application_id uuid primary key references training_applications (id) on delete cascade,
    group_id uuid not null references training_groups (id) on delete cascade
  )`.execute(db);
  await sql`create index training_group_members_group on training_group_members (group_id)`.execute(db);

  await sql`create table training_attendance (
    session_id uuid not null references training_sessions (id) on delete cascade,
    application_id uuid not null references training_applications (id) on delete cascade,
    status text not null check (status in ('present','partial','absent')),
    arrived_at time,
    left_at time,
    source text not null check (source in ('trainer','checkin','paper')),
    recorded_by uuid references accounts_people (id) on delete set null,
    recorded_at timestamptz not null default now(),
    primary key (session_id, application_id)
  )`.execute(db);

  await sql`create table training_checkin_codes (
    id uuid primary key default gen_random_uuid(),
    session_id uuid not null references training_sessions (id) on delete cascade,
    code_hash text not null,
    code_enc text not null,
    opens_at timestamptz not null,
    expires_at timestamptz not null,
    created_by uuid references accounts_people (id) on delete set null,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index training_checkin_codes_hash on training_checkin_codes (code_hash)`.execute(db);

  await sql`create table training_certificates (
    id uuid primary key default gen_random_uuid(),
    code text not null unique,
    application_id uuid not null unique references training_applications (id) on delete cascade,
    edition_id uuid not null references training_editions (id) on delete cascade,
    holder_name text not null,
    path_code text not null,
    path_title jsonb not null,
    competences jsonb not null,
    edition_number integer not null,
    region_code text not null,
    starts_on date not null,
    ends_on date not null,
    minutes_attended integer not null,
    minutes_planned integer not null,
    issued_at timestamptz not null default now(),
    issued_by uuid references accounts_people (id) on delete set null,
    revoked_at timestamptz,
    revoked_by uuid references accounts_people (id) on delete set null,
    revocation_reason text
  )`.execute(db);
  await sql`create index training_certificates_edition on training_certificates (edition_id)`.execute(db);
}
