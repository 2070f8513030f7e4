import { tableSpec, type DatasetTable } from './catalogue.ts';
import { isObject, type Dataset, type HsdsRecord } from './dataset.ts';
import { EXTENSION_KEY } from './extension.ts';
import { RELATIONS, type Relation } from './relations.ts';

/** How much of an object to nest: everything, or its own fields and its one-to-one objects' fields. */
export type Depth = 'full' | 'basic';

interface Context {
  ancestors: readonly DatasetTable[];
  /** Link fields the container already says (a phone's service_id under its service). */
  implied: readonly string[];
  parentLanguage: string | undefined;
  /** The language asked for (`?lang=`), said once by the outermost object. */
  parentDisplay: string | undefined;
  depth: Depth;
  /** Relations (`organization.services`) nested with their own fields only. */
  basic: ReadonlySet<string>;
}

/**
 * Builds nested HSDS JSON objects (service_full, organization_full, service_at_location_full, …) from the
 * flat records of a dataset. An object is never nested inside itself: a service's organisation leaves out
 * its services, a service's service-at-locations leave out the service.
 */
export class Nester {
  private readonly index = new Map<string, Map<string, HsdsRecord[]>>();

  constructor(private readonly dataset: Dataset) {}

  private childrenOf(table: DatasetTable, field: string, parentId: string): HsdsRecord[] {
    const key = `${table}.${field}`;
    let byParent = this.index.get(key);
    if (!byParent) {
      byParent = new Map();
      for (const row of this.dataset.rows(table)) {
        const value = row[field];
        if (typeof value !== 'string') continue;
        const list = byParent.get(value) ?? [];
        list.push(row);
        byParent.set(value, list);
      }
      this.index.set(key, byParent);
    }
    return byParent.get(parentId) ?? [];
  }

  private related(relation: Relation, record: HsdsRecord): { rows: HsdsRecord[]; implied: string[] } {
    const id = String(record.id);
    switch (relation.link.kind) {
      case 'child':
        return { rows: this.childrenOf(relation.table, relation.link.field, id), implied: [relation.link.field] };
      case 'attribute':
        return { rows: this.childrenOf('attribute', 'link_id', id), implied: ['link_id'] };
      case 'metadata':
        return { rows: this.childrenOf('metadata', 'resource_id', id), implied: ['resource_id'] };
      case 'parent': {
        const target = record[relation.link.field];
        const found = typeof target === 'string' ? this.dataset.get(relation.table, target) : undefined;
        return { rows: found ? [found] : [], implied: [] };
      }
    }
  }

  private build(table: DatasetTable, record: HsdsRecord, context: Context): Record<string, unknown> {
    const spec = tableSpec(table);
    const out: Record<string, unknown> = {};
    for (const field of spec.fields) {
      const value = record[field.name];
      if (value !== null && value !== undefined && !context.implied.includes(field.name)) out[field.name] = value;
    }
    for (const [key, value] of Object.entries(record)) {
      if (!spec.fieldByName.has(key) && key !== EXTENSION_KEY && value !== null && value !== undefined) out[key] = value;
    }
    const extension: Record<string, unknown> = isObject(record[EXTENSION_KEY]) ? { ...record[EXTENSION_KEY] } : {};
    const language = typeof extension.original_language === 'string' ? extension.original_language : context.parentLanguage;
    if (context.parentLanguage !== undefined && extension.original_language === context.parentLanguage) delete extension.original_language;
    const display = typeof extension.display_language === 'string' ? extension.display_language : context.parentDisplay;
    if (context.parentDisplay !== undefined && extension.display_language === context.parentDisplay) delete extension.display_language;

    for (const relation of RELATIONS[table]) {
      if (context.ancestors.includes(relation.table)) continue;
      if (context.depth === 'basic' && relation.link.kind !== 'parent') continue;
      const { rows, implied } = this.related(relation, record);
      if (rows.length === 0) continue;
      const depth: Depth = context.depth === 'basic' || context.basic.has(`${table}.${relation.key}`) ? 'basic' : 'full';
      const childContext: Context = { ...context, ancestors: [...context.ancestors, table], implied, parentLanguage: language, parentDisplay: display, depth };
      const nested = rows.map((row) => this.build(relation.table, row, childContext));
      const value = relation.isMany ? nested : nested[0];
      if (relation.key.startsWith(`${EXTENSION_KEY}.`)) extension[relation.key.slice(EXTENSION_KEY.length + 1)] = value;
      else out[relation.key] = value;
    }
    if (Object.keys(extension).length > 0) out[EXTENSION_KEY] = extension;
    return out;
  }

  /**
   * One record of a table as a nested HSDS object; null when the dataset does not hold it. `basic` names
   * relations to nest with their own fields only (e.g. `organization.services`).
   */
  nest(table: DatasetTable, id: string, options: { depth?: Depth; basic?: ReadonlySet<string> } = {}): Record<string, unknown> | null {
    const record = this.dataset.get(table, id);
    if (!record) return null;
    return this.build(table, record, { ancestors: [], implied: [], parentLanguage: undefined, parentDisplay: undefined, depth: options.depth ?? 'full', basic: options.basic ?? new Set() });
  }
}
