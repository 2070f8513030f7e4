import type { ColumnType, Generated } from 'kysely';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';

/** A jsonb TranslatedText column (see the core migration for how HSDS strings map to it). */
export type Text = TranslatedText;
/** An HSDS date, read and written as 'YYYY-MM-DD'. */
export type DateString = string;
/** An HSDS time, read as 'HH:MM:SS'. */
export type TimeString = string;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = Generated<string>;

/** The HSDS legacy service fields the 3.0 schema dropped but the CSV example still carries. */
export interface ServiceExtra {
  wait_time?: string;
  fees?: string;
  accreditations?: string;
  licenses?: string;
  [key: string]: unknown;
}

/** HSDS organization, linked optionally to an accounts organisation; region_code is the tenant. */
export interface OrganisationTable {
  id: Id;
  account_organisation_id: string | null;
  region_code: string;
  name: Text;
  alternate_name: Text | null;
  description: Text | null;
  email: string | null;
  website: string | null;
  tax_status: string | null;
  tax_id: string | null;
  year_incorporated: number | null;
  legal_status: string | null;
  logo: string | null;
  uri: string | null;
  parent_organization_id: string | null;
  original_locale: Generated<string>;
  created_at: Stamp;
  updated_at: Stamp;
}

/** The editorial state of a service's working copy. */
export type WorkflowState = 'draft' | 'in_review' | 'published' | 'archived';
/** HSDS service.status. */
export type ServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

/** HSDS service plus Crocevia's tenancy, workflow, verification and published snapshot. */
export interface ServiceTable {
  id: Id;
  organization_id: string;
  program_id: string | null;
  region_code: string;
  name: Text;
  alternate_name: Text | null;
  description: Text | null;
  url: string | null;
  email: string | null;
  status: Generated<ServiceStatus>;
  interpretation_services: Text | null;
  application_process: Text | null;
  fees_description: Text | null;
  eligibility_description: Text | null;
  minimum_age: number | null;
  maximum_age: number | null;
  assured_date: DateString | null;
  assurer_email: string | null;
  alert: Text | null;
  extra: ColumnType<ServiceExtra, ServiceExtra | undefined, ServiceExtra>;
  is_free: boolean | null;
  workflow_state: Generated<WorkflowState>;
  review_note: string | null;
  original_locale: Generated<string>;
  last_verified_at: Date | null;
  last_verified_by: string | null;
  verification_reminded_at: Date | null;
  published_at: Date | null;
  /** The record as last published (a ServiceSnapshot); null when never published or unpublished. */
  published_snapshot: ColumnType<unknown, unknown, unknown>;
  /** Generated: published_snapshot is not null and the service is not archived. */
  is_public: ColumnType<boolean, never, never>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Stamp;
  /** HSDS last_modified. */
  updated_at: Stamp;
}

/** Every table of the directory module, as Kysely sees them. */
export interface DirectoryTables {
  directory_organisations: OrganisationTable;
  directory_organization_identifiers: { id: Id; organization_id: string; identifier_scheme: string | null; identifier_type: string; identifier: string };
  directory_programs: { id: Id; organization_id: string; name: Text; alternate_name: Text | null; description: Text | null };
  directory_services: ServiceTable;
  directory_funding: { id: Id; organization_id: string | null; service_id: string | null; source: Text | null };
  directory_service_areas: { id: Id; service_id: string | null; name: Text | null; description: Text | null; extent: string | null; extent_type: string | null; uri: string | null };
  directory_cost_options: {
    id: Id;
    service_id: string;
    valid_from: DateString | null;
    valid_to: DateString | null;
    option: Text | null;
    currency: string | null;
    amount: number | null;
    amount_description: Text | null;
  };
  directory_required_documents: { id: Id; service_id: string | null; document: Text | null; uri: string | null; position: Generated<number> };
  directory_locations: {
    id: Id;
    location_type: 'physical' | 'postal' | 'virtual';
    url: string | null;
    organization_id: string | null;
    region_code: string;
    municipality_code: string | null;
    name: Text | null;
    alternate_name: Text | null;
    description: Text | null;
    transportation: Text | null;
    latitude: number | null;
    longitude: number | null;
    external_identifier: string | null;
    external_identifier_type: string | null;
    original_locale: Generated<string>;
    created_at: Stamp;
    updated_at: Stamp;
  };
  directory_addresses: {
    id: Id;
    location_id: string | null;
    attention: string | null;
    address_1: string;
    address_2: string | null;
    city: string;
    region: string | null;
    state_province: string;
    postal_code: string;
    country: string;
    address_type: 'physical' | 'postal' | 'virtual';
  };
  directory_accessibility: { id: Id; location_id: string | null; description: Text | null; details: Text | null; url: string | null };
  directory_service_at_location: { id: Id; service_id: string; location_id: string; description: Text | null };
  directory_contacts: {
    id: Id;
    organization_id: string | null;
    service_id: string | null;
    service_at_location_id: string | null;
    location_id: string | null;
    name: string | null;
    title: Text | null;
    department: Text | null;
    email: string | null;
  };
  directory_phones: {
    id: Id;
    location_id: string | null;
    service_id: string | null;
    organization_id: string | null;
    contact_id: string | null;
    service_at_location_id: string | null;
    number: string;
    extension: number | null;
    type: string | null;
    description: Text | null;
    position: Generated<number>;
  };
  directory_schedules: {
    id: Id;
    service_id: string | null;
    location_id: string | null;
    service_at_location_id: string | null;
    valid_from: DateString | null;
    valid_to: DateString | null;
    dtstart: DateString | null;
    timezone: number | null;
    until: DateString | null;
    count: number | null;
    wkst: string | null;
    freq: 'WEEKLY' | 'MONTHLY' | null;
    interval: number | null;
    byday: string | null;
    byweekno: string | null;
    bymonthday: string | null;
    byyearday: string | null;
    description: Text | null;
    opens_at: TimeString | null;
    closes_at: TimeString | null;
    schedule_link: string | null;
    attending_type: Text | null;
    notes: Text | null;
  };
  directory_schedule_exceptions: {
    id: Id;
    service_id: string | null;
    location_id: string | null;
    service_at_location_id: string | null;
    starts_on: DateString;
    ends_on: DateString;
    is_closed: Generated<boolean>;
    opens_at: TimeString | null;
    closes_at: TimeString | null;
    reason: Text | null;
  };
  directory_languages: { id: Id; service_id: string | null; location_id: string | null; phone_id: string | null; name: string | null; code: string | null; note: Text | null };
  directory_taxonomies: { id: Id; name: Text; description: Text; uri: string | null; version: string | null };
  directory_taxonomy_terms: {
    id: Id;
    code: string | null;
    name: Text;
    description: Text;
    parent_id: string | null;
    taxonomy: string | null;
    language: string | null;
    taxonomy_id: string | null;
    term_uri: string | null;
    position: Generated<number>;
  };
  directory_attributes: { id: Id; link_id: string; taxonomy_term_id: string; link_type: string | null; link_entity: string; value: string | null };
  directory_metadata: {
    id: Id;
    resource_id: string;
    resource_type: string;
    last_action_date: ColumnType<DateString, DateString | undefined, DateString>;
    last_action_type: string;
    field_name: string;
    previous_value: Generated<string>;
    replacement_value: Generated<string>;
    updated_by: string;
    updated_by_person_id: string | null;
    recorded_at: Stamp;
  };
  directory_meta_table_descriptions: { id: Id; name: string | null; language: string | null; character_set: string | null };
}
