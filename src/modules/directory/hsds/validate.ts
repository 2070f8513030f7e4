import { CATALOGUE, type DatasetTable, type FieldSpec } from './catalogue.ts';
import type { Dataset, HsdsRecord, Issues } from './dataset.ts';
import { EXTENSION_KEY, isDateTime, validateExtension } from './extension.ts';
import { RELATIONS } from './relations.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

type Checked = { value: unknown } | { error: string };

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function checkString(field: FieldSpec, raw: unknown): Checked {
  if (typeof raw === 'object') return { error: `${JSON.stringify(raw)} is not text` };
  const text = String(raw);
  if (field.format === 'uuid') return UUID.test(text) ? { value: text.toLowerCase() } : { error: `${JSON.stringify(text)} is not a UUID` };
  if (field.format === 'email' && !EMAIL.test(text)) return { error: `${JSON.stringify(text)} is not an e-mail address` };
  if (field.format === 'uri' && !URL.canParse(text)) return { error: `${JSON.stringify(text)} is not an absolute URI` };
  if (field.enum && !field.enum.includes(text)) return { error: `${JSON.stringify(text)} is not one of ${field.enum.join(', ')}` };
  return { value: text };
}

/** Checks one value against its field and returns it in canonical form (numbers, 'YYYY-MM-DD', 'HH:MM:SS'). */
export function checkValue(field: FieldSpec, raw: unknown): Checked {
  switch (field.type) {
    case 'number': {
      if (typeof raw === 'number' && Number.isFinite(raw)) return { value: raw };
      if (typeof raw === 'string' && NUMBER.test(raw.trim())) return { value: Number(raw.trim()) };
      return { error: `${JSON.stringify(raw)} is not a number` };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
      return { error: `${JSON.stringify(raw)} is not true or false` };
    }
    case 'date':
      return typeof raw === 'string' && isRealDate(raw) ? { value: raw } : { error: `${JSON.stringify(raw)} is not a date (YYYY-MM-DD)` };
    case 'time': {
      const match = typeof raw === 'string' ? TIME.exec(raw) : null;
      if (!match || Number(match[1]) > 23 || Number(match[2]) > 59 || Number(match[3] ?? 0) > 59) return { error: `${JSON.stringify(raw)} is not a time (HH:MM or HH:MM:SS)` };
      return { value: `${match[1]}:${match[2]}:${match[3] ?? '00'}` };
    }
    case 'datetime':
      return isDateTime(raw) ? { value: raw } : { error: `${JSON.stringify(raw)} is not a date and time (ISO 8601 with a time zone)` };
    case 'string':
      return checkString(field, raw);
  }
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function checkSemantics(table: DatasetTable, record: HsdsRecord, where: string, issues: Issues): void {
  if (table === 'location') {
    const { latitude, longitude } = record;
    if (typeof latitude === 'number' && Math.abs(latitude) > 90) issues.warn(where, 'latitude', `${latitude} is outside -90…90: stored as given, but maps and distances ignore it`);
    if (typeof longitude === 'number' && Math.abs(longitude) > 180) issues.warn(where, 'longitude', `${longitude} is outside -180…180: stored as given, but maps and distances ignore it`);
  }
  if (table === 'x_crocevia_schedule_exception') {
    const { starts_on, ends_on, is_closed, opens_at, closes_at } = record;
    if (typeof starts_on === 'string' && typeof ends_on === 'string' && ends_on < starts_on) issues.error(where, 'ends_on', `${ends_on} is before starts_on ${starts_on}`);
    if (is_closed === false && !(typeof opens_at === 'string' && typeof closes_at === 'string' && closes_at > opens_at)) {
      issues.error(where, 'closes_at', 'a day with special hours needs opens_at and a later closes_at');
    }
    if (!record.service_id && !record.location_id && !record.service_at_location_id) issues.error(where, 'service_id', 'an exception belongs to a service, a location or a service at a location');
  }
}

/**
 * Checks every record of the dataset against the HSDS 3.0 data package (required fields, types, formats,
 * enumerations) and the Crocevia profile, and converts values to their canonical form in place. Fields
 * HSDS 3.0 does not know are dropped with a warning, except on services, where they are kept (in `extra`).
 */
export function validateDataset(dataset: Dataset, issues: Issues): void {
  for (const [table, spec] of CATALOGUE) {
    const relationKeys = new Set(RELATIONS[table].map((r) => r.key));
    for (const key of dataset.ids(table)) {
      const record = dataset.get(table, key)!;
      const where = dataset.originOf(table, key);
      for (const name of Object.keys(record)) {
        if (spec.fieldByName.has(name) || name === EXTENSION_KEY || relationKeys.has(name)) continue;
        if (table === 'service') continue;
        issues.warn(where, name, `not a field of the HSDS 3.0 ${table}: not stored`);
        delete record[name];
      }
      for (const field of spec.fields) {
        const raw = record[field.name];
        if (isMissing(raw)) {
          // A change log entry of a creation has no previous value: present, but empty (JSON Schema's sense).
          if (table === 'metadata' && (field.name === 'previous_value' || field.name === 'replacement_value')) {
            record[field.name] = '';
            continue;
          }
          if (field.isRequired) issues.error(where, field.name, 'is required');
          if (raw === '') record[field.name] = null;
          continue;
        }
        const checked = checkValue(field, raw);
        if ('error' in checked) issues.error(where, field.name, checked.error);
        else record[field.name] = checked.value;
      }
      validateExtension(table, record, where, issues);
      checkSemantics(table, record, where, issues);
    }
  }
}
