import { sql, type Kysely } from 'kysely';
import { createPlacesAndSchedules, createTaxonomyAndMetadata } from './parts/core-places.ts';

/*
 * The directory's data model after Open Referral HSDS 3.0, one table per HSDS entity (prefixed
 * `directory_`), plus Crocevia's additions (tenancy, editorial workflow, verification, schedule
 * exceptions).
 *
 * Translated content: every free-text field a person reads is a jsonb TranslatedText
 * (src/kernel/i18n/content.ts): { "it": { "value", "status", "updatedAt" }, "en": … }. HSDS carries one
 * plain string per field: import stores it as the value of the record's `original_locale` (status
 * 'original'); export writes that original value back, and Crocevia's translations travel in the
 * profile extension. Codes, e-mails, URLs, proper names of people and postal addresses stay plain text.
 *
 * Foreign keys: children owned by one record cascade; records linked from several places (phones,
 * schedules, languages, funding) lose the link (set null) when one owner goes. HSDS optional
 * cross-references that real data — the official examples included — leave pointing outside the
 * dataset carry no foreign key so they can be stored without loss: organisation parent, location
 * organisation, contact links, taxonomy-term parent and taxonomy, attribute link, metadata resource.
 *
 * Numbers typed `number` in HSDS are double precision (JavaScript numbers, lossless for JSON);
 * HSDS dates are `date` (read back as 'YYYY-MM-DD' strings), times `time`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table directory_organisations (
    id uuid primary key default gen_random_uuid(),
    account_organisation_id uuid references accounts_organisations (id) on delete set null,
    region_code text not null references territory_regions (code),
    name jsonb not null,
    alternate_name jsonb,
    description jsonb,
    email text,
    website text,
    tax_status text,
    tax_id text,
    year_incorporated double precision,
    legal_status text,
    logo text,
    uri text,
    parent_organization_id uuid,
    original_locale text not null default 'it',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index directory_organisations_region on directory_organisations (region_code)`.execute(db);
  await sql`create unique index directory_organisations_account on directory_organisations (account_organisation_id) where account_organisation_id is not null`.execute(db);
  await sql`create index directory_organisations_parent on directory_organisations (parent_organization_id)`.execute(db);

  await sql`create table directory_organization_identifiers (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references directory_organisations (id) on delete cascade,
    identifier_scheme text,
    identifier_type text not null,
    identifier text not null
  )`.execute(db);
  await sql`create index directory_organization_identifiers_org on directory_organization_identifiers (organization_id)`.execute(db);

  await sql`create table directory_programs (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references directory_organisations (id) on delete cascade,
    name jsonb not null,
    alternate_name jsonb,
    description jsonb
  )`.execute(db);
  await sql`create index directory_programs_org on directory_programs (organization_id)`.execute(db);

  await sql`create table directory_services (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references directory_organisations (id),
    program_id uuid references directory_programs (id) on delete set null,
    region_code text not null references territory_regions (code),
    name jsonb not null,
    alternate_name jsonb,
    description jsonb,
    url text,
    email text,
    status text not null default 'active' check (status in ('active','inactive','defunct','temporarily closed')),
    interpretation_services jsonb,
    application_process jsonb,
    fees_description jsonb,
    eligibility_description jsonb,
    minimum_age double precision,
    maximum_age double precision,
    assured_date date,
    assurer_email text,
    alert jsonb,
    extra jsonb not null default '{}'::jsonb,
    is_free boolean,
    workflow_state text not null default 'draft' check (workflow_state in ('draft','in_review','published','archived')),
    review_note text,
    original_locale text not null default 'it',
    last_verified_at timestamptz,
    last_verified_by uuid references accounts_people (id) on delete set null,
    verification_reminded_at timestamptz,
    published_at timestamptz,
    published_snapshot jsonb,
    is_public boolean generated always as (published_snapshot is not null and workflow_state <> 'archived') stored,
    created_by uuid references accounts_people (id) on delete set null,
    updated_by uuid references accounts_people (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index directory_services_region on directory_services (region_code, workflow_state)`.execute(db);
  await sql`create index directory_services_org on directory_services (organization_id)`.execute(db);
  await sql`create index directory_services_program on directory_services (program_id)`.execute(db);
  await sql`create index directory_services_public on directory_services (region_code) where is_public`.execute(db);
  await sql`create index directory_services_verified on directory_services (region_code, last_verified_at) where workflow_state <> 'archived'`.execute(db);
  await sql`create index directory_services_updated on directory_services (updated_at)`.execute(db);

  await sql`create table directory_funding (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid references directory_organisations (id) on delete set null,
    service_id uuid references directory_services (id) on delete set null,
    source jsonb
  )`.execute(db);
  await sql`create index directory_funding_org on directory_funding (organization_id)`.execute(db);
  await sql`create index directory_funding_service on directory_funding (service_id)`.execute(db);

  await sql`create table directory_service_areas (
    id uuid primary key default gen_random_uuid(),
    service_id uuid references directory_services (id) on delete cascade,
    name jsonb,
    description jsonb,
    extent text,
    extent_type text,
    uri text
  )`.execute(db);
  await sql`create index directory_service_areas_service on directory_service_areas (service_id)`.execute(db);

  await sql`create table directory_cost_options (
    id uuid primary key default gen_random_uuid(),
    service_id uuid not null references directory_services (id) on delete cascade,
    valid_from date,
    valid_to date,
    option jsonb,
    currency text,
    amount double precision,
    amount_description jsonb
  )`.execute(db);
  await sql`create index directory_cost_options_service on directory_cost_options (service_id)`.execute(db);

  await sql`create table directory_required_documents (
    id uuid primary key default gen_random_uuid(),
    service_id uuid references directory_services (id) on delete cascade,
    document jsonb,
    uri text,
    position integer not null default 0
  )`.execute(db);
  await sql`create index directory_required_documents_service on directory_required_documents (service_id, position)`.execute(db);

  await createPlacesAndSchedules(db);
  await createTaxonomyAndMetadata(db);
}
