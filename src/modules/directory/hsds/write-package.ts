import fs from 'node:fs';
import path from 'node:path';
import { CATALOGUE, WRITE_ORDER, readOfficialDescriptor, tableSpec, type DatasetTable, type FieldSpec } from './catalogue.ts';
import { formatCsv } from './csv.ts';
import type { HsdsRecord } from './dataset.ts';
import { RECORD_COLUMNS, TRANSLATION_COLUMNS, extensionRows } from './extension.ts';
import { EXTENSION_RESOURCES } from './read-package.ts';

const PROFILE_URL = 'https://github.com/openreferral/specification/blob/3.0/datapackage.json';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function describeField(field: FieldSpec): Record<string, unknown> {
  return {
    name: field.name,
    type: field.type,
    ...(field.format ? { format: field.format } : {}),
    constraints: { required: field.isRequired, ...(field.enum ? { enum: field.enum } : {}) },
  };
}

const text = (name: string, isRequired = false): FieldSpec => ({ name, type: 'string', isRequired });

/** The descriptors of the Crocevia profile's resources. */
function profileResources(): Record<string, unknown>[] {
  const exceptions = tableSpec('x_crocevia_schedule_exception');
  const resource = (name: string, file: string, description: string, fields: FieldSpec[]) => ({
    name,
    path: file,
    description,
    format: 'csv',
    mediatype: 'text/csv',
    profile: 'tabular-data-resource',
    schema: { fields: fields.map(describeField) },
  });
  return [
    resource(
      'x_crocevia_record',
      EXTENSION_RESOURCES.x_crocevia_record,
      'Crocevia profile: the language of the original texts of a record, its region, municipality and verification.',
      RECORD_COLUMNS.map((c) => (c === 'is_free' ? { name: c, type: 'boolean' as const, isRequired: false } : text(c, c === 'resource_type' || c === 'resource_id'))),
    ),
    resource(
      'x_crocevia_translation',
      EXTENSION_RESOURCES.x_crocevia_translation,
      'Crocevia profile: a free-text field of a record in another language than its original, with its translation status.',
      TRANSLATION_COLUMNS.map((c) => text(c, c !== 'updated_at')),
    ),
    resource(exceptions.name, exceptions.path, 'Crocevia profile: days a service or location is closed or keeps special hours.', [...exceptions.fields]),
  ];
}

/**
 * Writes an HSDS Tabular Data Package: one CSV per HSDS 3.0 table in the official column order, the
 * Crocevia profile's resources, and datapackage.json (the official descriptor plus the profile's resources).
 * Rows are appended batch by batch, so an export never holds the whole directory in memory.
 */
export class PackageWriter {
  private readonly pending = new Map<string, string[][]>();
  private readonly started = new Set<string>();

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  private push(file: string, row: string[]): void {
    const rows = this.pending.get(file) ?? [];
    rows.push(row);
    this.pending.set(file, rows);
  }

  /** Queues one record of a table (and its profile extension rows). */
  append(table: DatasetTable, record: HsdsRecord): void {
    const spec = tableSpec(table);
    this.push(spec.path, spec.fields.map((f) => cell(record[f.name])));
    const { records, translations } = extensionRows(table, record);
    for (const row of records) this.push(EXTENSION_RESOURCES.x_crocevia_record, row);
    for (const row of translations) this.push(EXTENSION_RESOURCES.x_crocevia_translation, row);
  }

  private headerOf(file: string): readonly string[] {
    if (file === EXTENSION_RESOURCES.x_crocevia_record) return RECORD_COLUMNS;
    if (file === EXTENSION_RESOURCES.x_crocevia_translation) return TRANSLATION_COLUMNS;
    const spec = [...CATALOGUE.values()].find((s) => s.path === file)!;
    return spec.fields.map((f) => f.name);
  }

  /** Appends the queued rows to their files. */
  flush(): void {
    for (const [file, rows] of this.pending) {
      const target = path.join(this.dir, file);
      const csv = formatCsv(this.headerOf(file), rows);
      if (this.started.has(file)) fs.appendFileSync(target, csv.slice(csv.indexOf('\r\n') + 2));
      else fs.writeFileSync(target, csv);
      this.started.add(file);
    }
    this.pending.clear();
  }

  /** Writes what is queued, a header-only CSV for every empty table, and the package descriptor. */
  close(description: string): string[] {
    this.flush();
    const files = [...WRITE_ORDER.map((t) => tableSpec(t).path), EXTENSION_RESOURCES.x_crocevia_record, EXTENSION_RESOURCES.x_crocevia_translation];
    for (const file of files) {
      if (!this.started.has(file)) fs.writeFileSync(path.join(this.dir, file), formatCsv(this.headerOf(file), []));
    }
    const { license: _license, resources, ...official } = readOfficialDescriptor();
    const descriptor = {
      ...official,
      name: 'crocevia_services_directory',
      title: 'Crocevia services directory (HSDS 3.0, Crocevia profile)',
      description,
      created: new Date().toISOString(),
      sources: [{ title: 'Table schemas: Open Referral HSDS 3.0.0 datapackage.json, CC BY-SA 4.0, the Open Referral project', path: PROFILE_URL }],
      resources: [...resources, ...profileResources()],
    };
    fs.writeFileSync(path.join(this.dir, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
    return ['datapackage.json', ...files];
  }
}

/** Writes a JSON array one item at a time. */
export class JsonArrayWriter {
  private count = 0;

  constructor(private readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '[');
  }

  append(items: unknown[]): void {
    if (items.length === 0) return;
    const body = items.map((item) => `\n  ${JSON.stringify(item, null, 2).replace(/\n/g, '\n  ')}`).join(',');
    fs.appendFileSync(this.file, `${this.count > 0 ? ',' : ''}${body}`);
    this.count += items.length;
  }

  close(): number {
    fs.appendFileSync(this.file, this.count > 0 ? '\n]\n' : ']\n');
    return this.count;
  }
}
