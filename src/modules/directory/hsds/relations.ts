import type { DatasetTable } from './catalogue.ts';

/** How a nested object is tied to the object it sits in. */
export type Link =
  /** The child carries the parent's id (a phone's service_id). */
  | { kind: 'child'; field: string }
  /** The parent carries the child's id (a service's organization_id). */
  | { kind: 'parent'; field: string }
  /** An attribute: link_id is the parent's id, link_entity the parent's table. */
  | { kind: 'attribute' }
  /** A metadata entry: resource_id is the parent's id, resource_type the parent's table. */
  | { kind: 'metadata' };

/** A property of a nested HSDS JSON object that holds related records. */
export interface Relation {
  /** The JSON property; `x_crocevia.schedule_exceptions` lives inside the profile extension. */
  key: string;
  table: DatasetTable;
  isMany: boolean;
  link: Link;
}

const many = (key: string, table: DatasetTable, field: string): Relation => ({ key, table, isMany: true, link: { kind: 'child', field } });
const one = (key: string, table: DatasetTable, field: string): Relation => ({ key, table, isMany: false, link: { kind: 'parent', field } });
const attributes: Relation = { key: 'attributes', table: 'attribute', isMany: true, link: { kind: 'attribute' } };
const metadata: Relation = { key: 'metadata', table: 'metadata', isMany: true, link: { kind: 'metadata' } };
const exceptions = (field: string): Relation => many('x_crocevia.schedule_exceptions', 'x_crocevia_schedule_exception', field);
const plain = [attributes, metadata];

/** The nested properties of each HSDS object, in the order of the official examples. */
export const RELATIONS: Record<DatasetTable, readonly Relation[]> = {
  service: [
    many('phones', 'phone', 'service_id'),
    many('schedules', 'schedule', 'service_id'),
    many('service_areas', 'service_area', 'service_id'),
    many('service_at_locations', 'service_at_location', 'service_id'),
    many('languages', 'language', 'service_id'),
    one('organization', 'organization', 'organization_id'),
    many('funding', 'funding', 'service_id'),
    many('cost_options', 'cost_option', 'service_id'),
    one('program', 'program', 'program_id'),
    many('required_documents', 'required_document', 'service_id'),
    many('contacts', 'contact', 'service_id'),
    attributes,
    metadata,
    exceptions('service_id'),
  ],
  organization: [
    many('funding', 'funding', 'organization_id'),
    many('contacts', 'contact', 'organization_id'),
    many('phones', 'phone', 'organization_id'),
    many('locations', 'location', 'organization_id'),
    many('programs', 'program', 'organization_id'),
    many('organization_identifiers', 'organization_identifier', 'organization_id'),
    many('services', 'service', 'organization_id'),
    attributes,
    metadata,
  ],
  service_at_location: [
    many('contacts', 'contact', 'service_at_location_id'),
    many('phones', 'phone', 'service_at_location_id'),
    many('schedules', 'schedule', 'service_at_location_id'),
    one('location', 'location', 'location_id'),
    one('service', 'service', 'service_id'),
    attributes,
    metadata,
    exceptions('service_at_location_id'),
  ],
  location: [
    many('languages', 'language', 'location_id'),
    many('addresses', 'address', 'location_id'),
    many('contacts', 'contact', 'location_id'),
    many('accessibility', 'accessibility', 'location_id'),
    many('phones', 'phone', 'location_id'),
    many('schedules', 'schedule', 'location_id'),
    attributes,
    metadata,
    exceptions('location_id'),
  ],
  contact: [many('phones', 'phone', 'contact_id'), ...plain],
  phone: [many('languages', 'language', 'phone_id'), ...plain],
  attribute: [one('taxonomy_term', 'taxonomy_term', 'taxonomy_term_id'), metadata],
  taxonomy_term: [one('taxonomy_detail', 'taxonomy', 'taxonomy_id'), metadata],
  program: plain,
  schedule: plain,
  funding: plain,
  cost_option: plain,
  required_document: plain,
  service_area: plain,
  address: plain,
  accessibility: plain,
  language: plain,
  organization_identifier: plain,
  taxonomy: plain,
  metadata: [],
  meta_table_description: [],
  x_crocevia_schedule_exception: [],
};

/** The link fields a record of a table carries (set by nesting, omitted when implied by it). */
export const LINK_FIELDS: ReadonlySet<string> = new Set([
  'organization_id',
  'service_id',
  'location_id',
  'service_at_location_id',
  'contact_id',
  'phone_id',
  'program_id',
  'taxonomy_term_id',
  'taxonomy_id',
  'link_id',
  'resource_id',
]);
