import fs from 'node:fs';
import type { DirectoryTables } from '../data/tables.ts';

/** The tables of HSDS 3.0 (the resource names of its Tabular Data Package). */
export type HsdsTable =
  | 'organization'
  | 'organization_identifier'
  | 'program'
  | 'service'
  | 'funding'
  | 'service_area'
  | 'cost_option'
  | 'required_document'
  | 'location'
  | 'address'
  | 'accessibility'
  | 'service_at_location'
  | 'contact'
  | 'phone'
  | 'schedule'
  | 'language'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'attribute'
  | 'metadata'
  | 'meta_table_description';

/** A dataset table: the HSDS ones plus the profile's schedule exceptions. */
export type DatasetTable = HsdsTable | 'x_crocevia_schedule_exception';

/** The value types a field can have (Frictionless Table Schema names). */
export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'time' | 'datetime';

/** One field of a table, as the HSDS 3.0 data package describes it. */
export interface FieldSpec {
  name: string;
  type: FieldType;
  format?: 'uuid' | 'email' | 'uri';
  isRequired: boolean;
  enum?: readonly string[];
  description?: string;
}

/** A reference from a field to another table's id. */
export interface Reference {
  field: string;
  table: DatasetTable;
  /** Crocevia's database holds a foreign key: the target must exist in the file or the database. */
  isEnforced: boolean;
}

/** A table: its HSDS description and how Crocevia stores it. */
export interface TableSpec {
  name: DatasetTable;
  /** The CSV file of the table in a data package. */
  path: string;
  fields: readonly FieldSpec[];
  fieldByName: ReadonlyMap<string, FieldSpec>;
  dbTable: keyof DirectoryTables;
  /** Free-text fields stored per language (jsonb TranslatedText). */
  translated: readonly string[];
  references: readonly Reference[];
}

interface PackageField {
  name: string;
  type: string;
  format?: string;
  description?: string;
  constraints?: { required?: boolean; enum?: string[] };
}
interface PackageResource {
  name: string;
  path: string;
  schema: { fields: PackageField[] };
}

/** The official HSDS 3.0.0 descriptor shipped with Crocevia (CC BY-SA 4.0, see reference/PROVENANCE.md). */
export const DATAPACKAGE_URL = new URL('./reference/datapackage.json', import.meta.url);

/** The HSDS 3.0.0 descriptor as published. */
export function readOfficialDescriptor(): { resources: PackageResource[] } & Record<string, unknown> {
  return JSON.parse(fs.readFileSync(DATAPACKAGE_URL, 'utf8')) as { resources: PackageResource[] } & Record<string, unknown>;
}

const STORAGE: Record<HsdsTable, { dbTable: keyof DirectoryTables; translated: string[]; enforced: [string, DatasetTable][]; loose: [string, DatasetTable][] }> = {
  organization: { dbTable: 'directory_organisations', translated: ['name', 'alternate_name', 'description'], enforced: [], loose: [['parent_organization_id', 'organization']] },
  organization_identifier: { dbTable: 'directory_organization_identifiers', translated: [], enforced: [['organization_id', 'organization']], loose: [] },
  program: { dbTable: 'directory_programs', translated: ['name', 'alternate_name', 'description'], enforced: [['organization_id', 'organization']], loose: [] },
  service: {
    dbTable: 'directory_services',
    translated: ['name', 'alternate_name', 'description', 'interpretation_services', 'application_process', 'fees_description', 'eligibility_description', 'alert'],
    enforced: [['organization_id', 'organization'], ['program_id', 'program']],
    loose: [],
  },
  funding: { dbTable: 'directory_funding', translated: ['source'], enforced: [['organization_id', 'organization'], ['service_id', 'service']], loose: [] },
  service_area: { dbTable: 'directory_service_areas', translated: ['name', 'description'], enforced: [['service_id', 'service']], loose: [] },
  cost_option: { dbTable: 'directory_cost_options', translated: ['option', 'amount_description'], enforced: [['service_id', 'service']], loose: [] },
  required_document: { dbTable: 'directory_required_documents', translated: ['document'], enforced: [['service_id', 'service']], loose: [] },
  location: { dbTable: 'directory_locations', translated: ['name', 'alternate_name', 'description', 'transportation'], enforced: [], loose: [['organization_id', 'organization']] },
  address: { dbTable: 'directory_addresses', translated: [], enforced: [['location_id', 'location']], loose: [] },
  accessibility: { dbTable: 'directory_accessibility', translated: ['description', 'details'], enforced: [['location_id', 'location']], loose: [] },
  service_at_location: { dbTable: 'directory_service_at_location', translated: ['description'], enforced: [['service_id', 'service'], ['location_id', 'location']], loose: [] },
  contact: {
    dbTable: 'directory_contacts',
    translated: ['title', 'department'],
    enforced: [],
    loose: [['organization_id', 'organization'], ['service_id', 'service'], ['service_at_location_id', 'service_at_location'], ['location_id', 'location']],
  },
  phone: {
    dbTable: 'directory_phones',
    translated: ['description'],
    enforced: [['location_id', 'location'], ['service_id', 'service'], ['organization_id', 'organization'], ['contact_id', 'contact'], ['service_at_location_id', 'service_at_location']],
    loose: [],
  },
  schedule: {
    dbTable: 'directory_schedules',
    translated: ['description', 'attending_type', 'notes'],
    enforced: [['service_id', 'service'], ['location_id', 'location'], ['service_at_location_id', 'service_at_location']],
    loose: [],
  },
  language: { dbTable: 'directory_languages', translated: ['note'], enforced: [['service_id', 'service'], ['location_id', 'location'], ['phone_id', 'phone']], loose: [] },
  taxonomy: { dbTable: 'directory_taxonomies', translated: ['name', 'description'], enforced: [], loose: [] },
  taxonomy_term: { dbTable: 'directory_taxonomy_terms', translated: ['name', 'description'], enforced: [], loose: [['parent_id', 'taxonomy_term'], ['taxonomy_id', 'taxonomy']] },
  attribute: { dbTable: 'directory_attributes', translated: [], enforced: [['taxonomy_term_id', 'taxonomy_term']], loose: [] },
  metadata: { dbTable: 'directory_metadata', translated: [], enforced: [], loose: [] },
  meta_table_description: { dbTable: 'directory_meta_table_descriptions', translated: [], enforced: [], loose: [] },
};

/** Tables in the order their rows can be written (every enforced reference points at an earlier table). */
export const WRITE_ORDER: readonly DatasetTable[] = [
  'organization',
  'organization_identifier',
  'program',
  'service',
  'funding',
  'service_area',
  'cost_option',
  'required_document',
  'location',
  'address',
  'accessibility',
  'service_at_location',
  'contact',
  'phone',
  'schedule',
  'x_crocevia_schedule_exception',
  'language',
  'taxonomy',
  'taxonomy_term',
  'attribute',
  'metadata',
  'meta_table_description',
];

function toField(f: PackageField): FieldSpec {
  const type: FieldType = f.type === 'number' || f.type === 'date' || f.type === 'time' || f.type === 'datetime' || f.type === 'boolean' ? f.type : 'string';
  const format = f.format === 'uuid' || f.format === 'email' || f.format === 'uri' ? f.format : undefined;
  return {
    name: f.name,
    type,
    ...(format ? { format } : {}),
    isRequired: f.constraints?.required === true,
    ...(f.constraints?.enum ? { enum: f.constraints.enum } : {}),
    ...(f.description ? { description: f.description } : {}),
  };
}

function spec(name: DatasetTable, path: string, fields: FieldSpec[], storage: { dbTable: keyof DirectoryTables; translated: string[]; enforced: [string, DatasetTable][]; loose: [string, DatasetTable][] }): TableSpec {
  return {
    name,
    path,
    fields,
    fieldByName: new Map(fields.map((f) => [f.name, f])),
    dbTable: storage.dbTable,
    translated: storage.translated,
    references: [
      ...storage.enforced.map(([field, table]) => ({ field, table, isEnforced: true })),
      ...storage.loose.map(([field, table]) => ({ field, table, isEnforced: false })),
    ],
  };
}

const uuid = (name: string, isRequired = false): FieldSpec => ({ name, type: 'string', format: 'uuid', isRequired });

/** Crocevia's schedule exceptions (closures, special hours), a table of the profile. */
const EXCEPTION_FIELDS: FieldSpec[] = [
  uuid('id', true),
  uuid('service_id'),
  uuid('location_id'),
  uuid('service_at_location_id'),
  { name: 'starts_on', type: 'date', isRequired: true },
  { name: 'ends_on', type: 'date', isRequired: true },
  { name: 'is_closed', type: 'boolean', isRequired: true },
  { name: 'opens_at', type: 'time', isRequired: false },
  { name: 'closes_at', type: 'time', isRequired: false },
  { name: 'reason', type: 'string', isRequired: false },
];

function buildCatalogue(): ReadonlyMap<DatasetTable, TableSpec> {
  const out = new Map<DatasetTable, TableSpec>();
  for (const resource of readOfficialDescriptor().resources) {
    const name = resource.name as HsdsTable;
    const storage = STORAGE[name];
    if (!storage) continue;
    out.set(name, spec(name, resource.path, resource.schema.fields.map(toField), storage));
  }
  out.set(
    'x_crocevia_schedule_exception',
    spec('x_crocevia_schedule_exception', 'x_crocevia_schedule_exceptions.csv', EXCEPTION_FIELDS, {
      dbTable: 'directory_schedule_exceptions',
      translated: ['reason'],
      enforced: [['service_id', 'service'], ['location_id', 'location'], ['service_at_location_id', 'service_at_location']],
      loose: [],
    }),
  );
  return out;
}

/** Every table Crocevia reads and writes in HSDS, by name. */
export const CATALOGUE: ReadonlyMap<DatasetTable, TableSpec> = buildCatalogue();

/** The description of a table (throws on an unknown name: a programming error). */
export function tableSpec(name: DatasetTable): TableSpec {
  const found = CATALOGUE.get(name);
  if (!found) throw new Error(`Unknown HSDS table ${name}`);
  return found;
}

/** Whether a name is one of the dataset tables. */
export function isDatasetTable(name: string): name is DatasetTable {
  return CATALOGUE.has(name as DatasetTable);
}

/** HSDS service fields that Crocevia keeps in `directory_services.extra` (legacy fields of the 3.0 package). */
export const SERVICE_EXTRA_FIELDS: readonly string[] = ['wait_time', 'fees', 'accreditations', 'licenses'];
