import { sql, type Kysely } from 'kysely';

/**
 * The statistical store: datasets, their versions, dimensions and codes, the observations (a cube per version),
 * uploads waiting to be imported, and the reference tables ITTER107 → region/province and citizenship areas.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table observatory_datasets (
    id uuid primary key default gen_random_uuid(),
    key text not null unique check (key ~ '^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$'),
    title jsonb not null,
    description jsonb not null default '{}'::jsonb,
    source text not null check (length(source) between 1 and 500),
    source_url text,
    structure_id text,
    licence text not null,
    licence_url text,
    attribution text not null check (length(attribution) between 1 and 300),
    reference_period text,
    territorial_level text not null check (territorial_level in ('country','region','province','municipality','mixed')),
    update_frequency text not null check (update_frequency like 'http://publications.europa.eu/resource/authority/frequency/%'),
    region_code text references territory_regions (code),
    is_published boolean not null default false,
    published_at timestamptz,
    current_version_id bigint,
    created_by uuid references accounts_people (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index observatory_datasets_region on observatory_datasets (region_code)`.execute(db);
  await sql`create index observatory_datasets_published on observatory_datasets (is_published) where is_published`.execute(db);

  await sql`create table observatory_versions (
    id bigint generated always as identity primary key,
    dataset_id uuid not null references observatory_datasets (id) on delete cascade,
    number integer not null check (number > 0),
    status text not null check (status in ('importing','ready','failed')),
    imported_at timestamptz not null default now(),
    imported_by uuid references accounts_people (id) on delete set null,
    ready_at timestamptz,
    source_file_name text not null,
    source_file_hash text not null check (source_file_hash ~ '^[0-9a-f]{64}$'),
    source_format text not null check (source_format in ('sdmx-csv-1','sdmx-csv-2','istat-legacy','tidy-csv')),
    source_encoding text not null check (source_encoding in ('utf-8','windows-1252')),
    row_count integer not null default 0,
    rows_written integer not null default 0,
    time_min text,
    time_max text,
    code_ids integer[] not null default '{}',
    provenance text,
    heartbeat_at timestamptz not null default now(),
    unique (dataset_id, number)
  )`.execute(db);
  await sql`create index observatory_versions_status on observatory_versions (status, heartbeat_at) where status <> 'ready'`.execute(db);
  await sql`alter table observatory_datasets add constraint observatory_datasets_current_version
    foreign key (current_version_id) references observatory_versions (id) on delete set null`.execute(db);

  await sql`create table observatory_dimensions (
    id integer generated always as identity primary key,
    dataset_id uuid not null references observatory_datasets (id) on delete cascade,
    code text not null check (code ~ '^[A-Za-z][A-Za-z0-9_]{0,62}$'),
    position smallint check (position > 0),
    role text not null check (role in ('territory','time','sex','citizenship','age','permit','other')),
    labels jsonb not null default '{}'::jsonb,
    unique (dataset_id, code),
    unique (dataset_id, position),
    check ((role = 'time') = (position is null))
  )`.execute(db);

  await sql`create table observatory_codes (
    id integer generated always as identity primary key,
    dimension_id integer not null references observatory_dimensions (id) on delete cascade,
    code text not null check (length(code) between 1 and 200),
    labels jsonb not null default '{}'::jsonb,
    ref_kind text,
    region_code text,
    province_code text,
    municipality_code text,
    country_code text,
    first_version_id bigint,
    unique (dimension_id, code)
  )`.execute(db);
  await sql`create index observatory_codes_region on observatory_codes (dimension_id, ref_kind, region_code)`.execute(db);

  // The cube. No foreign key on version_id: a per-row check would slow bulk imports; the repository deletes
  // a version's rows itself. Rows are written sorted by territory and time, and the index below serves the
  // dashboards (one version, one or more territories, a span of time).
  await sql`create table observatory_observations (
    version_id bigint not null,
    codes integer[] not null,
    territory_id integer,
    time text collate "C" not null,
    value double precision,
    status text,
    attributes jsonb
  )`.execute(db);
  await sql`create index observatory_observations_lookup on observatory_observations (version_id, territory_id, time)`.execute(db);

  await sql`create table observatory_uploads (
    id uuid primary key default gen_random_uuid(),
    created_by uuid references accounts_people (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    file_name text not null,
    content bytea,
    byte_size integer not null,
    sha256 text not null,
    format text not null check (format in ('sdmx-csv-1','sdmx-csv-2','istat-legacy','tidy-csv')),
    region_code text references territory_regions (code),
    dataset_id uuid references observatory_datasets (id) on delete set null,
    new_dataset jsonb,
    mapping jsonb,
    status text not null check (status in ('uploaded','checked','queued','importing','done','failed')),
    total_rows integer,
    progress_rows integer not null default 0,
    report jsonb,
    error text,
    version_id bigint references observatory_versions (id) on delete set null,
    heartbeat_at timestamptz
  )`.execute(db);
  await sql`create index observatory_uploads_creator on observatory_uploads (created_by, created_at desc)`.execute(db);

  await sql`create table observatory_itter107 (
    code text primary key,
    name text not null,
    level text not null check (level in ('country','macro_area','region','autonomous_province','province')),
    region_code text references territory_regions (code),
    province_code text references territory_provinces (code),
    note text not null default ''
  )`.execute(db);

  await sql`create table observatory_citizenship_codes (
    code text primary key,
    kind text not null check (kind in ('total','area','country','stateless','other')),
    country_code text,
    labels jsonb not null,
    note text not null default ''
  )`.execute(db);
}
