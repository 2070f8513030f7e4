import { isDeepStrictEqual } from 'node:util';
import type { DatasetTable } from './catalogue.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One HSDS record: its fields by HSDS name, and Crocevia's `x_crocevia` extension when present. */
export type HsdsRecord = Record<string, unknown>;

/** A problem with one field of one record. */
export interface Issue {
  /** The record: `services.csv row 3`, or `service ac148810-… (contents[0])`. */
  where: string;
  field: string;
  message: string;
}

/** Errors refuse a file; warnings are reported and the file is accepted. */
export class Issues {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];

  error(where: string, field: string, message: string): void {
    this.errors.push({ where, field, message });
  }

  warn(where: string, field: string, message: string): void {
    this.warnings.push({ where, field, message });
  }
}

/** An issue as one line of text. */
export function describeIssue(issue: Issue): string {
  return issue.field ? `${issue.where}, field ${issue.field}: ${issue.message}` : `${issue.where}: ${issue.message}`;
}

/** What to do when a record's id is added twice. */
export type MergePolicy = 'merge' | 'keep-first';

/**
 * HSDS records grouped by table and keyed by id: the in-memory form between a file (JSON or CSV) and the
 * database, in both directions. Each record remembers where it came from, for error messages.
 */
export class Dataset {
  private readonly tables = new Map<DatasetTable, Map<string, HsdsRecord>>();
  private readonly origins = new Map<string, string>();
  private anonymous = 0;

  /**
   * Adds a record. With 'merge' (reading a nested file, where one phone may appear under its service,
   * its location and its contact) the copies are combined and a field given two different values is an
   * error; with 'keep-first' (building an export) the first copy wins. Returns the record's key.
   */
  add(table: DatasetTable, record: HsdsRecord, origin: string, policy: MergePolicy, issues?: Issues): string {
    const rows = this.tables.get(table) ?? new Map<string, HsdsRecord>();
    this.tables.set(table, rows);
    // UUIDs compare case-insensitively (RFC 4122) and PostgreSQL writes them in lower case.
    const id = typeof record.id === 'string' && UUID.test(record.id) ? record.id.toLowerCase() : record.id;
    if (id !== record.id) record = { ...record, id };
    const key = typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : `#${++this.anonymous}`;
    const existing = rows.get(key);
    if (!existing) {
      rows.set(key, { ...record });
      this.origins.set(`${table}/${key}`, origin);
      return key;
    }
    if (policy === 'keep-first') return key;
    for (const [field, value] of Object.entries(record)) {
      if (value === undefined || value === null) continue;
      const before = existing[field];
      if (before === undefined || before === null) existing[field] = value;
      else if (field === 'x_crocevia') existing[field] = mergeExtension(before, value);
      else if (!isDeepStrictEqual(before, value)) {
        issues?.error(origin, field, `${JSON.stringify(value)} differs from ${JSON.stringify(before)} given for the same ${table} at ${this.originOf(table, key)}`);
      }
    }
    return key;
  }

  /** The records of a table, in the order they were first added. */
  rows(table: DatasetTable): HsdsRecord[] {
    return [...(this.tables.get(table)?.values() ?? [])];
  }

  /** The keys of a table's records. */
  ids(table: DatasetTable): string[] {
    return [...(this.tables.get(table)?.keys() ?? [])];
  }

  get(table: DatasetTable, id: string): HsdsRecord | undefined {
    return this.tables.get(table)?.get(id);
  }

  has(table: DatasetTable, id: string): boolean {
    return this.tables.get(table)?.has(id) ?? false;
  }

  /** Where a record came from (for messages). */
  originOf(table: DatasetTable, key: string): string {
    return this.origins.get(`${table}/${key}`) ?? `${table} ${key}`;
  }

  /** How many records each table holds. */
  counts(): Partial<Record<DatasetTable, number>> {
    const out: Partial<Record<DatasetTable, number>> = {};
    for (const [table, rows] of this.tables) if (rows.size) out[table] = rows.size;
    return out;
  }
}

function mergeExtension(before: unknown, value: unknown): unknown {
  if (!isObject(before) || !isObject(value)) return before;
  const out: Record<string, unknown> = { ...before };
  for (const [key, item] of Object.entries(value)) {
    if (out[key] === undefined) out[key] = item;
    else if (isObject(out[key]) && isObject(item)) out[key] = mergeExtension(out[key], item);
  }
  return out;
}

/** Whether a value is a plain object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
