import fs from 'node:fs';
import path from 'node:path';
import type { Dataset, Issues } from './dataset.ts';
import { readJsonDocument } from './read-json.ts';
import { readPackage } from './read-package.ts';

/** How an import was serialised: nested JSON, or a Tabular Data Package of CSV files. */
export type SourceKind = 'json' | 'csv';

/**
 * Reads an HSDS source into the dataset: a JSON file, or a folder holding a Tabular Data Package (or the
 * path of its datapackage.json). Returns the kind read, or null when nothing could be read.
 */
export function readSource(source: string, options: { dataset: Dataset; issues: Issues }): SourceKind | null {
  const { issues } = options;
  if (!fs.existsSync(source)) {
    issues.error(source, '', 'no such file or folder');
    return null;
  }
  if (fs.statSync(source).isDirectory()) {
    readPackage(source, options);
    return 'csv';
  }
  if (path.basename(source) === 'datapackage.json') {
    readPackage(path.dirname(source), options);
    return 'csv';
  }
  const file = path.basename(source);
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(source, 'utf8'));
  } catch (error) {
    issues.error(file, '', `is not valid JSON (${(error as Error).message})`);
    return null;
  }
  readJsonDocument(document, { ...options, file });
  return 'json';
}
