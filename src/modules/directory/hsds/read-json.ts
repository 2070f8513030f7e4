import { isLocale } from '../../../kernel/i18n/locales.ts';
import { tableSpec, type DatasetTable } from './catalogue.ts';
import { isObject, type Dataset, type HsdsRecord, type Issues } from './dataset.ts';
import { RELATIONS, type Relation } from './relations.ts';

const ORGANIZATION_KEYS = [
  'services',
  'locations',
  'programs',
  'organization_identifiers',
  'website',
  'email',
  'legal_status',
  'tax_status',
  'tax_id',
  'year_incorporated',
  'logo',
  'parent_organization_id',
  'funding',
  'contacts',
  'phones',
];
const TERM_KEYS = ['taxonomy_detail', 'term_uri', 'parent_id', 'taxonomy', 'code', 'taxonomy_id', 'language'];

/** Which HSDS object a JSON object is, from the properties only that object has; null when it cannot tell. */
export function detectTable(obj: Record<string, unknown>): DatasetTable | null {
  const has = (key: string) => obj[key] !== undefined && obj[key] !== null;
  if (has('location_type')) return 'location';
  if (!has('name') && (isObject(obj.service) || isObject(obj.location) || has('service_id') || has('location_id'))) return 'service_at_location';
  if (has('status') || has('service_at_locations') || isObject(obj.organization) || isObject(obj.program)) return 'service';
  if (TERM_KEYS.some(has)) return 'taxonomy_term';
  if (ORGANIZATION_KEYS.some(has)) return 'organization';
  if (has('version')) return 'taxonomy';
  return null;
}

interface Imposed {
  /** Fields the nesting decides (a conflicting explicit value is an error). */
  forced: Record<string, string>;
  /** Fields the nesting suggests when the object does not say. */
  defaults: Record<string, string>;
}

const NONE: Imposed = { forced: {}, defaults: {} };

function relationValue(obj: Record<string, unknown>, relation: Relation): unknown {
  if (!relation.key.startsWith('x_crocevia.')) return obj[relation.key];
  const extension = obj.x_crocevia;
  return isObject(extension) ? extension[relation.key.slice('x_crocevia.'.length)] : undefined;
}

function imposedFor(relation: Relation, parentTable: DatasetTable, parentKey: string): Imposed {
  switch (relation.link.kind) {
    case 'child':
      return { forced: { [relation.link.field]: parentKey }, defaults: {} };
    case 'attribute':
      return { forced: { link_id: parentKey }, defaults: { link_entity: parentTable } };
    case 'metadata':
      return { forced: { resource_id: parentKey }, defaults: { resource_type: parentTable } };
    case 'parent':
      return NONE;
  }
}

/** Reads nested HSDS JSON into flat records, one table per object kind, with where each came from. */
class JsonReader {
  constructor(
    private readonly dataset: Dataset,
    private readonly issues: Issues,
    private readonly file: string,
  ) {}

  private label(table: DatasetTable, obj: Record<string, unknown>, path: string): string {
    const id = typeof obj.id === 'string' || typeof obj.id === 'number' ? String(obj.id) : '(no id)';
    return `${table} ${id} (${this.file} ${path})`;
  }

  /**
   * Adds an object and everything nested in it; returns its key, or null when it is not an object. A
   * nested object without its own `x_crocevia.original_language` is in the language of its container.
   */
  read(table: DatasetTable, value: unknown, path: string, imposed: Imposed, inheritedLanguage?: string): string | null {
    if (!isObject(value)) {
      this.issues.error(`${this.file} ${path}`, '', `expected a ${table} object, found ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}`);
      return null;
    }
    const label = this.label(table, value, path);
    const relations = RELATIONS[table];
    const nestedKeys = new Set(relations.filter((r) => !r.key.startsWith('x_crocevia.')).map((r) => r.key));
    const record: HsdsRecord = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === null || item === undefined || nestedKeys.has(key)) continue;
      if (key === 'x_crocevia' && isObject(item)) {
        const { schedule_exceptions: _exceptions, display_language: _shown, fallback_languages: _fallbacks, ...rest } = item;
        record.x_crocevia = rest;
      } else record[key] = item;
    }
    for (const [field, linked] of Object.entries(imposed.forced)) {
      if (record[field] !== undefined && String(record[field]).toLowerCase() !== linked) {
        this.issues.error(label, field, `${JSON.stringify(record[field])} contradicts the object it is nested in (${linked})`);
      }
      record[field] = linked;
    }
    for (const [field, suggested] of Object.entries(imposed.defaults)) record[field] ??= suggested;
    const ownLanguage = isObject(record.x_crocevia) && typeof record.x_crocevia.original_language === 'string' ? record.x_crocevia.original_language : undefined;
    // An unknown language is reported on the object that names it, not again on each object inside it.
    const language = isLocale(ownLanguage) ? ownLanguage : ownLanguage === undefined ? inheritedLanguage : undefined;
    if (!ownLanguage && language && tableSpec(table).translated.length > 0) {
      record.x_crocevia = { ...(isObject(record.x_crocevia) ? record.x_crocevia : {}), original_language: language };
    }
    const key = this.dataset.add(table, record, label, 'merge', this.issues);
    const hasId = !key.startsWith('#');

    for (const relation of relations) {
      const nested = relationValue(value, relation);
      if (nested === undefined || nested === null) continue;
      const nestedPath = `${path}.${relation.key}`;
      if (relation.isMany) {
        if (!Array.isArray(nested)) {
          this.issues.error(label, relation.key, 'expected a list');
          continue;
        }
        const childImposed = hasId ? imposedFor(relation, table, key) : NONE;
        nested.forEach((item, index) => this.read(relation.table, item, `${nestedPath}[${index}]`, childImposed, language));
      } else if (relation.link.kind === 'parent') {
        const childKey = this.read(relation.table, nested, nestedPath, NONE, language);
        if (hasId && childKey && !childKey.startsWith('#')) this.dataset.add(table, { id: key, [relation.link.field]: childKey }, label, 'merge', this.issues);
      }
    }
    return key;
  }
}

/** A program nested in a service belongs to the service's organisation when it does not say otherwise. */
function inferProgramOrganisations(dataset: Dataset): void {
  for (const service of dataset.rows('service')) {
    if (typeof service.program_id !== 'string' || typeof service.organization_id !== 'string') continue;
    const program = dataset.get('program', service.program_id);
    if (program && program.organization_id === undefined) program.organization_id = service.organization_id;
  }
}

/**
 * Reads an HSDS 3.0 JSON document into the dataset: a service, an organization (organization_full), a
 * service_at_location, a location, a taxonomy or taxonomy term, a list of them, or an API page
 * (`{"total_items": …, "contents": [...]}`).
 */
export function readJsonDocument(document: unknown, options: { dataset: Dataset; issues: Issues; file: string }): void {
  const reader = new JsonReader(options.dataset, options.issues, options.file);
  const readAny = (item: unknown, path: string) => {
    if (!isObject(item)) {
      options.issues.error(`${options.file} ${path}`, '', 'expected an HSDS object');
      return;
    }
    if (item.openapi_url !== undefined) {
      options.issues.error(`${options.file} ${path}`, '', 'this is the answer of an HSDS API root (version, profile, openapi_url), not data');
      return;
    }
    const table = detectTable(item);
    if (!table) {
      options.issues.error(
        `${options.file} ${path}`,
        '',
        'cannot tell which HSDS object this is (a service has status, a location location_type, an organization e.g. website or services, a taxonomy term e.g. taxonomy_detail or parent_id, a taxonomy version)',
      );
      return;
    }
    reader.read(table, item, path, NONE);
  };
  if (Array.isArray(document)) document.forEach((item, index) => readAny(item, `$[${index}]`));
  else if (isObject(document) && Array.isArray(document.contents)) document.contents.forEach((item, index) => readAny(item, `$.contents[${index}]`));
  else readAny(document, '$');
  inferProgramOrganisations(options.dataset);
}
