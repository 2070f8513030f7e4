import fs from 'node:fs';
import path from 'node:path';
import { isDatasetTable } from './catalogue.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { isObject, type Dataset, type HsdsRecord, type Issues } from './dataset.ts';
import { attachRecordRow, attachTranslationRow } from './extension.ts';

/** The profile's resources that extend records rather than add them. */
export const EXTENSION_RESOURCES = { x_crocevia_record: 'x_crocevia_records.csv', x_crocevia_translation: 'x_crocevia_translations.csv' } as const;

interface ResourceEntry {
  name: string;
  file: string;
}

function listResources(dir: string, issues: Issues): ResourceEntry[] {
  const descriptorPath = path.join(dir, 'datapackage.json');
  if (!fs.existsSync(descriptorPath)) {
    issues.error(dir, '', 'not a Tabular Data Package: datapackage.json is missing');
    return [];
  }
  let descriptor: unknown;
  try {
    descriptor = JSON.parse(fs.readFileSync(descriptorPath, 'utf8'));
  } catch (error) {
    issues.error('datapackage.json', '', `is not valid JSON (${(error as Error).message})`);
    return [];
  }
  const resources = isObject(descriptor) && Array.isArray(descriptor.resources) ? descriptor.resources : null;
  if (!resources) {
    issues.error('datapackage.json', 'resources', 'must be a list of resources');
    return [];
  }
  const out: ResourceEntry[] = [];
  resources.forEach((resource: unknown, index) => {
    const where = `datapackage.json resources[${index}]`;
    if (!isObject(resource) || typeof resource.name !== 'string' || typeof resource.path !== 'string') {
      issues.error(where, 'path', 'each resource needs a name and a path');
      return;
    }
    const file = path.resolve(dir, resource.path);
    if (path.relative(path.resolve(dir), file).startsWith('..')) {
      issues.error(where, 'path', `${resource.path} is outside the package folder`);
      return;
    }
    if (!isDatasetTable(resource.name) && !(resource.name in EXTENSION_RESOURCES)) {
      issues.warn(where, 'name', `${resource.name} is not an HSDS 3.0 table: ignored`);
      return;
    }
    if (!fs.existsSync(file)) {
      issues.warn(where, 'path', `${resource.path} is listed but missing: read as an empty table`);
      return;
    }
    out.push({ name: resource.name, file });
  });
  return out;
}

function readRows(entry: ResourceEntry, issues: Issues): { where: string; values: Record<string, string | null> }[] {
  const label = path.basename(entry.file);
  let rows: ReturnType<typeof parseCsv>;
  try {
    rows = parseCsv(fs.readFileSync(entry.file, 'utf8'));
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    issues.error(label, '', error.message);
    return [];
  }
  const [header, ...data] = rows;
  if (!header) return [];
  const columns = header.cells.map((c) => c.trim());
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) issues.error(`${label} row ${header.line}`, column, 'the column appears twice');
    seen.add(column);
  }
  return data.flatMap((row) => {
    const where = `${label} row ${row.line}`;
    if (row.cells.length !== columns.length) {
      issues.error(where, '', `${row.cells.length} values for ${columns.length} columns`);
      return [];
    }
    const values: Record<string, string | null> = {};
    columns.forEach((column, i) => (values[column] = row.cells[i] === '' ? null : row.cells[i]!));
    return [{ where, values }];
  });
}

/**
 * Reads an HSDS Tabular Data Package (a folder with datapackage.json and one CSV per table) into the
 * dataset. Cells are kept as text here (empty cells are null); the validator types them. Rows of the
 * Crocevia profile's resources are attached to the records they extend.
 */
export function readPackage(dir: string, options: { dataset: Dataset; issues: Issues }): void {
  const { dataset, issues } = options;
  const entries = listResources(dir, issues);
  for (const entry of entries) {
    if (!isDatasetTable(entry.name)) continue;
    const table = entry.name;
    for (const { where, values } of readRows(entry, issues)) {
      const id = values.id;
      if (id && dataset.has(table, id)) {
        issues.error(where, 'id', `${id} is already used at ${dataset.originOf(table, id)}`);
        continue;
      }
      dataset.add(table, values as HsdsRecord, where, 'keep-first');
    }
  }
  for (const entry of entries) {
    if (entry.name === 'x_crocevia_record') for (const { where, values } of readRows(entry, issues)) attachRecordRow(dataset, issues, where, values);
    if (entry.name === 'x_crocevia_translation') for (const { where, values } of readRows(entry, issues)) attachTranslationRow(dataset, issues, where, values);
  }
}
