import path from 'node:path';
import type { Db } from '../../../kernel/db/database.ts';
import { hsdsRepository } from '../data/hsds-repository.ts';
import { WRITE_ORDER, tableSpec, type DatasetTable } from './catalogue.ts';
import { buildPublicDataset, buildWorkingDataset } from './build-dataset.ts';
import type { Dataset } from './dataset.ts';
import { toHsds } from './db-mapping.ts';
import { Nester } from './nest.ts';
import { JsonArrayWriter, PackageWriter } from './write-package.ts';

/** The serialisations an export writes. */
export type ExportFormat = 'json' | 'csv';

/** What an export wrote. */
export interface ExportSummary {
  services: number;
  files: string[];
  rows: Partial<Record<DatasetTable, number>>;
}

/** Tables every public export carries whole: reference data, not tied to a service's publication. */
const PUBLIC_REFERENCE_TABLES: readonly DatasetTable[] = ['taxonomy', 'taxonomy_term', 'meta_table_description'];

class RowSink {
  readonly written = new Map<DatasetTable, Set<string>>();
  readonly rows: Partial<Record<DatasetTable, number>> = {};

  constructor(private readonly writer: PackageWriter | null) {}

  addAll(dataset: Dataset): void {
    for (const table of WRITE_ORDER) for (const record of dataset.rows(table)) this.add(table, record);
  }

  add(table: DatasetTable, record: Record<string, unknown>): void {
    const done = this.written.get(table) ?? new Set<string>();
    this.written.set(table, done);
    const id = String(record.id);
    if (done.has(id)) return;
    done.add(id);
    this.rows[table] = (this.rows[table] ?? 0) + 1;
    this.writer?.append(table, record);
  }
}

/**
 * Exports the directory in HSDS 3.0: `services.json` (full services, nested) and a Tabular Data Package
 * (one CSV per table and datapackage.json). By default only public services, as published, with their
 * organisations and locations and the reference taxonomies; with `isAll` every service's working copy
 * (drafts included) and every record of every table, for moving a directory between systems.
 */
export async function exportHsds(options: { db: Db; dir: string; formats: readonly ExportFormat[]; isAll: boolean; batchSize?: number }): Promise<ExportSummary> {
  const { db, dir, isAll } = options;
  const batchSize = options.batchSize ?? 200;
  const packageWriter = options.formats.includes('csv') ? new PackageWriter(dir) : null;
  const jsonWriter = options.formats.includes('json') ? new JsonArrayWriter(path.join(dir, 'services.json')) : null;
  const sink = new RowSink(packageWriter);
  let services = 0;
  let after: string | null = null;
  for (;;) {
    const ids = await hsdsRepository.pageServiceIds(db, { afterId: after, limit: batchSize, isPublicOnly: !isAll });
    if (ids.length === 0) break;
    const dataset = isAll ? await buildWorkingDataset(db, ids) : await buildPublicDataset(db, ids);
    const nester = new Nester(dataset);
    jsonWriter?.append(ids.map((id) => nester.nest('service', id)).filter((s) => s !== null));
    sink.addAll(dataset);
    packageWriter?.flush();
    services += dataset.ids('service').length;
    after = ids[ids.length - 1]!;
  }
  for (const table of isAll ? WRITE_ORDER : PUBLIC_REFERENCE_TABLES) {
    let afterRow: string | null = null;
    for (;;) {
      const rows = await hsdsRepository.pageRows(db, tableSpec(table).dbTable, afterRow, 1000);
      if (rows.length === 0) break;
      for (const row of rows) sink.add(table, toHsds(table, row));
      packageWriter?.flush();
      afterRow = String(rows[rows.length - 1]!.id);
    }
  }
  const files: string[] = [];
  if (jsonWriter) {
    jsonWriter.close();
    files.push('services.json');
  }
  if (packageWriter) {
    const scope = isAll ? 'every service of the directory as currently edited (drafts included)' : 'the public services of the directory, as published';
    files.push(...packageWriter.close(`HSDS 3.0 export of ${scope}, with the Crocevia profile (translations, regions, schedule exceptions).`));
  }
  return { services, files, rows: sink.rows };
}
