import { sql, type Kysely } from 'kysely';

// Part of the core migration (202611260100_directory_core.ts): read its header for the conventions.

/** Locations, addresses, accessibility, service-at-location, contacts, phones, schedules, exceptions, languages. */
export async function createPlacesAndSchedules(db: Kysely<unknown>): Promise<void> {
  await sql`create table directory_locations (
    id uuid primary key default gen_random_uuid(),
    location_type text not null check (location_type in ('physical','postal','virtual')),
    url text,
    organization_id uuid,
    region_code text not null references territory_regions (code),
    municipality_code text references territory_municipalities (code),
    name jsonb,
    alternate_name jsonb,
    description jsonb,
    transportation jsonb,
    latitude double precision,
    longitude double precision,
    external_identifier text,
    external_identifier_type text,
    original_locale text not null default 'it',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index directory_locations_region on directory_locations (region_code)`.execute(db);
  await sql`create index directory_locations_org on directory_locations (organization_id)`.execute(db);
  await sql`create index directory_locations_municipality on directory_locations (municipality_code)`.execute(db);

  await sql`create table directory_addresses (
    id uuid primary key default gen_random_uuid(),
    location_id uuid references directory_locations (id) on delete cascade,
    attention text,
    address_1 text not null,
    address_2 text,
    city text not null,
    region text,
    state_province text not null,
    postal_code text not null,
    country text not null,
    address_type text not null check (address_type in ('physical','postal','virtual'))
  )`.execute(db);
  await sql`create index directory_addresses_location on directory_addresses (location_id)`.execute(db);

  await sql`create table directory_accessibility (
    id uuid primary key default gen_random_uuid(),
    location_id uuid references directory_locations (id) on delete cascade,
    description jsonb,
    details jsonb,
    url text
  )`.execute(db);
  await sql`create index directory_accessibility_location on directory_accessibility (location_id)`.execute(db);

  await sql`create table directory_service_at_location (
    id uuid primary key default gen_random_uuid(),
    service_id uuid not null references directory_services (id) on delete cascade,
    location_id uuid not null references directory_locations (id) on delete cascade,
    description jsonb
  )`.execute(db);
  await sql`create index directory_service_at_location_service on directory_service_at_location (service_id)`.execute(db);
  await sql`create index directory_service_at_location_location on directory_service_at_location (location_id)`.execute(db);

  await sql`create table directory_contacts (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid,
    service_id uuid,
    service_at_location_id uuid,
    location_id uuid,
    name text,
    title jsonb,
    department jsonb,
    email text
  )`.execute(db);
  await sql`create index directory_contacts_org on directory_contacts (organization_id)`.execute(db);
  await sql`create index directory_contacts_service on directory_contacts (service_id)`.execute(db);
  await sql`create index directory_contacts_sal on directory_contacts (service_at_location_id)`.execute(db);
  await sql`create index directory_contacts_location on directory_contacts (location_id)`.execute(db);

  await sql`create table directory_phones (
    id uuid primary key default gen_random_uuid(),
    location_id uuid references directory_locations (id) on delete set null,
    service_id uuid references directory_services (id) on delete set null,
    organization_id uuid references directory_organisations (id) on delete set null,
    contact_id uuid references directory_contacts (id) on delete set null,
    service_at_location_id uuid references directory_service_at_location (id) on delete set null,
    number text not null,
    extension double precision,
    type text,
    description jsonb,
    position integer not null default 0
  )`.execute(db);
  await sql`create index directory_phones_location on directory_phones (location_id)`.execute(db);
  await sql`create index directory_phones_service on directory_phones (service_id)`.execute(db);
  await sql`create index directory_phones_org on directory_phones (organization_id)`.execute(db);
  await sql`create index directory_phones_contact on directory_phones (contact_id)`.execute(db);
  await sql`create index directory_phones_sal on directory_phones (service_at_location_id)`.execute(db);

  await sql`create table directory_schedules (
    id uuid primary key default gen_random_uuid(),
    service_id uuid references directory_services (id) on delete set null,
    location_id uuid references directory_locations (id) on delete set null,
    service_at_location_id uuid references directory_service_at_location (id) on delete set null,
    valid_from date,
    valid_to date,
    dtstart date,
    timezone double precision,
    until date,
    count double precision,
    wkst text check (wkst in ('MO','TU','WE','TH','FR','SA','SU')),
    freq text check (freq in ('WEEKLY','MONTHLY')),
    interval double precision,
    byday text,
    byweekno text,
    bymonthday text,
    byyearday text,
    description jsonb,
    opens_at time,
    closes_at time,
    schedule_link text,
    attending_type jsonb,
    notes jsonb
  )`.execute(db);
  await sql`create index directory_schedules_service on directory_schedules (service_id)`.execute(db);
  await sql`create index directory_schedules_location on directory_schedules (location_id)`.execute(db);
  await sql`create index directory_schedules_sal on directory_schedules (service_at_location_id)`.execute(db);

  // Crocevia: a date or date range when a service or location is closed or keeps special hours.
  await sql`create table directory_schedule_exceptions (
    id uuid primary key default gen_random_uuid(),
    service_id uuid references directory_services (id) on delete cascade,
    location_id uuid references directory_locations (id) on delete cascade,
    service_at_location_id uuid references directory_service_at_location (id) on delete cascade,
    starts_on date not null,
    ends_on date not null,
    is_closed boolean not null default true,
    opens_at time,
    closes_at time,
    reason jsonb,
    check (ends_on >= starts_on),
    check (is_closed or (opens_at is not null and closes_at is not null and closes_at > opens_at))
  )`.execute(db);
  await sql`create index directory_schedule_exceptions_service on directory_schedule_exceptions (service_id, ends_on)`.execute(db);
  await sql`create index directory_schedule_exceptions_location on directory_schedule_exceptions (location_id, ends_on)`.execute(db);

  await sql`create table directory_languages (
    id uuid primary key default gen_random_uuid(),
    service_id uuid references directory_services (id) on delete set null,
    location_id uuid references directory_locations (id) on delete set null,
    phone_id uuid references directory_phones (id) on delete set null,
    name text,
    code text,
    note jsonb
  )`.execute(db);
  await sql`create index directory_languages_service on directory_languages (service_id)`.execute(db);
  await sql`create index directory_languages_location on directory_languages (location_id)`.execute(db);
  await sql`create index directory_languages_phone on directory_languages (phone_id)`.execute(db);
  await sql`create index directory_languages_code on directory_languages (code)`.execute(db);
}

/** Taxonomies, terms, attributes, HSDS metadata and table descriptions. */
export async function createTaxonomyAndMetadata(db: Kysely<unknown>): Promise<void> {
  await sql`create table directory_taxonomies (
    id uuid primary key default gen_random_uuid(),
    name jsonb not null,
    description jsonb not null,
    uri text,
    version text
  )`.execute(db);

  await sql`create table directory_taxonomy_terms (
    id uuid primary key default gen_random_uuid(),
    code text,
    name jsonb not null,
    description jsonb not null,
    parent_id uuid,
    taxonomy text,
    language text,
    taxonomy_id uuid,
    term_uri text,
    position integer not null default 0
  )`.execute(db);
  await sql`create index directory_taxonomy_terms_taxonomy on directory_taxonomy_terms (taxonomy_id, position)`.execute(db);
  await sql`create index directory_taxonomy_terms_parent on directory_taxonomy_terms (parent_id, position)`.execute(db);
  await sql`create index directory_taxonomy_terms_code on directory_taxonomy_terms (code)`.execute(db);

  // Links any record to a taxonomy term; a service's needs are attributes with link_entity 'service'.
  await sql`create table directory_attributes (
    id uuid primary key default gen_random_uuid(),
    link_id uuid not null,
    taxonomy_term_id uuid not null references directory_taxonomy_terms (id) on delete cascade,
    link_type text,
    link_entity text not null,
    value text
  )`.execute(db);
  await sql`create index directory_attributes_link on directory_attributes (link_id)`.execute(db);
  await sql`create index directory_attributes_term on directory_attributes (taxonomy_term_id, link_entity)`.execute(db);

  // HSDS change log. Translations are logged with field_name `<field>.<locale>` (e.g. description.en).
  await sql`create table directory_metadata (
    id uuid primary key default gen_random_uuid(),
    resource_id uuid not null,
    resource_type text not null,
    last_action_date date not null default current_date,
    last_action_type text not null,
    field_name text not null,
    previous_value text not null default '',
    replacement_value text not null default '',
    updated_by text not null,
    updated_by_person_id uuid references accounts_people (id) on delete set null,
    recorded_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index directory_metadata_resource on directory_metadata (resource_id, recorded_at)`.execute(db);

  await sql`create table directory_meta_table_descriptions (
    id uuid primary key default gen_random_uuid(),
    name text,
    language text,
    character_set text
  )`.execute(db);
}
