import { sql, type Kysely } from 'kysely';

/** Organisations, people, roles, memberships and password-reset tokens. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table accounts_organisations (
    id uuid primary key default gen_random_uuid(),
    name text not null check (length(name) between 2 and 200),
    type text not null check (type in ('region','prefecture','municipality','health_authority','cpia','school','employment_centre','third_sector','migrant_association','other')),
    region_code text not null references territory_regions (code),
    province_code text references territory_provinces (code),
    municipality_code text references territory_municipalities (code),
    tax_code text,
    ipa_code text,
    email text,
    website text,
    is_active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index accounts_organisations_region on accounts_organisations (region_code)`.execute(db);
  await sql`create unique index accounts_organisations_name on accounts_organisations (region_code, lower(name))`.execute(db);

  await sql`create table accounts_people (
    id uuid primary key default gen_random_uuid(),
    email text not null,
    full_name text not null check (length(full_name) between 2 and 200),
    password_hash text,
    is_platform_admin boolean not null default false,
    is_active boolean not null default true,
    preferred_locale text not null default 'it',
    totp_secret_enc text,
    totp_enabled_at timestamptz,
    totp_last_step bigint,
    last_login_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create unique index accounts_people_email on accounts_people (lower(email))`.execute(db);

  await sql`create table accounts_roles (
    key text primary key check (key ~ '^[a-z][a-z0-9_]{1,62}$'),
    scope text not null check (scope in ('organisation','region','national')),
    permissions text[] not null default '{}',
    is_builtin boolean not null default false,
    label_it text,
    label_en text,
    updated_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table accounts_memberships (
    id uuid primary key default gen_random_uuid(),
    person_id uuid not null references accounts_people (id) on delete cascade,
    organisation_id uuid not null references accounts_organisations (id) on delete cascade,
    role_key text not null references accounts_roles (key),
    created_at timestamptz not null default now(),
    unique (person_id, organisation_id, role_key)
  )`.execute(db);
  await sql`create index accounts_memberships_org on accounts_memberships (organisation_id)`.execute(db);

  await sql`create table accounts_password_resets (
    token_hash text primary key,
    person_id uuid not null references accounts_people (id) on delete cascade,
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now()
  )`.execute(db);
}
