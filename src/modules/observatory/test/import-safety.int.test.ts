import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { ImportRefusedError } from '../importers/types.ts';
import { datasetRepository } from '../store.ts';
import { recoverImports } from '../use-cases/recover-imports.ts';
import { assetBytes, importFile, storeCounts } from './helpers.ts';

const POPSTRBIL = 'istat/DCIS_POPSTRBIL1_1_foreign_pop_balance_regions_provinces_2019-2023.csv';
const lines = () => assetBytes(POPSTRBIL).toString('utf8').split('\n');
const bytes = (text: string) => new TextEncoder().encode(text);

/** The refusal an import throws, or a failure of the test. */
async function refusalOf(promise: Promise<unknown>): Promise<ImportRefusedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportRefusedError) return error;
    throw error;
  }
  throw new Error('the import was expected to be refused');
}

describe('imports are all or nothing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a file with a bad number deep inside, naming the row, and writes nothing', async () => {
    const before = await storeCounts(t);
    const rows = lines();
    rows[30000] = rows[30000]!.replace(/,(\d+),,/, ',12x4,,');
    const refused = await refusalOf(importFile(t, { bytes: bytes(rows.join('\n')), key: 'broken-number' }));
    expect(refused.issues).toEqual([{ kind: 'bad-number', row: 30001, column: 'OBS_VALUE', value: '12x4' }]);
    expect(await storeCounts(t)).toEqual(before);
  });

  it('refuses an unknown territory code and a truncated file, naming rows', async () => {
    const rows = lines();
    rows[10] = rows[10]!.replace(',IT,', ',ITZ9,');
    const unknown = await refusalOf(importFile(t, { bytes: bytes(rows.join('\n')), key: 'broken-territory' }));
    expect(unknown.issues[0]).toMatchObject({ kind: 'unknown-territory', row: 11, column: 'REF_AREA', value: 'ITZ9' });
    const whole = assetBytes(POPSTRBIL);
    const cut = await refusalOf(importFile(t, { bytes: whole.subarray(0, whole.length - 30), key: 'broken-truncated' }));
    expect(cut.issues).toEqual([expect.objectContaining({ kind: 'truncated', row: 42613 })]);
    expect(await datasetRepository.findDataset(t.ctx.db, 'broken-territory')).toBeNull();
  });

  it('refuses a file in the wrong encoding: invalid UTF-8, or double-encoded text', async () => {
    const legacy = assetBytes('istat/ISTAT_legacy_DCIS_PERMSOGG1_nonEU_inflows_intl_protection_by_province_2019-2023.csv');
    // "Forlì-Cesena" with ì written in Windows-1252 (one byte 0xEC) in a file that must be UTF-8.
    const text = legacy.toString('utf8');
    const at = text.indexOf('Forlì-Cesena');
    const prefix = Buffer.from(text.slice(0, at + 4), 'utf8');
    const latin = Buffer.concat([prefix, Buffer.from([0xec]), Buffer.from(text.slice(at + 5), 'utf8')]);
    const row = text.slice(0, at).split('\n').length;
    const invalid = await refusalOf(importFile(t, { bytes: latin, key: 'broken-encoding' }));
    expect(invalid.issues).toEqual([expect.objectContaining({ kind: 'bad-encoding', row, column: 'Territory' })]);
    const doubled = await refusalOf(importFile(t, { bytes: bytes(text.replace('Forlì-Cesena', 'ForlÃ¬-Cesena')), key: 'broken-mojibake' }));
    expect(doubled.issues).toEqual([expect.objectContaining({ kind: 'mojibake', row, column: 'Territory' })]);
  });

  it('an import interrupted after some batches leaves no trace, and the previous version stays current', async () => {
    const first = await importFile(t, { bytes: assetBytes(POPSTRBIL), key: 'interrupted', batchSize: 5000 });
    const before = await storeCounts(t);
    const interrupted = importFile(t, { bytes: assetBytes(POPSTRBIL), datasetId: first.datasetId, batchSize: 5000, failAfterBatches: 3 });
    await expect(interrupted).rejects.toThrow(/interrupted after 3 batches/);
    expect(await storeCounts(t)).toEqual(before);
    const dataset = (await datasetRepository.findDataset(t.ctx.db, 'interrupted'))!;
    expect(dataset).toMatchObject({ currentVersionId: first.versionId, currentVersionNumber: 1 });
    // A first import interrupted takes its new dataset back with it.
    await expect(importFile(t, { bytes: assetBytes(POPSTRBIL), key: 'interrupted-new', batchSize: 5000, failAfterBatches: 2 })).rejects.toThrow(/interrupted/);
    expect(await datasetRepository.findDataset(t.ctx.db, 'interrupted-new')).toBeNull();
    expect(await storeCounts(t)).toEqual(before);
  });

  it('a version left half-written by a killed process is discarded by the recovery job', async () => {
    const before = await storeCounts(t);
    const { sql } = await import('kysely');
    // Simulate the leftovers of a killed import: a version stuck in `importing` with some rows, its heartbeat old.
    const base = (await datasetRepository.findDataset(t.ctx.db, 'interrupted'))!;
    const { rows } = await sql<{ id: string }>`insert into observatory_versions (dataset_id, number, status, source_file_name, source_file_hash, source_format, source_encoding, row_count, heartbeat_at)
      values (${base.id}, 9, 'importing', 'killed.csv', ${'0'.repeat(64)}, 'sdmx-csv-1', 'utf-8', 10, now() - interval '1 hour') returning id`.execute(t.ctx.db);
    await sql`insert into observatory_observations (version_id, codes, time, value) values (${rows[0]!.id}, '{1}', '2023', 1)`.execute(t.ctx.db);
    await recoverImports({}, { db: t.ctx.db, logger: t.ctx.logger });
    expect(await storeCounts(t)).toEqual(before);
  });

  it('re-importing makes version 2; version 1 stays queryable', async () => {
    const original = lines();
    const first = await importFile(t, { bytes: bytes(original.join('\n')), key: 'versioned', isPublished: true });
    const changed = [...original];
    const index = changed.findIndex((l) => l.includes(',ITD55,FJAN,9,2023,'));
    changed[index] = changed[index]!.replace(/,2023,(\d+),/, ',2023,999999,');
    const second = await importFile(t, { bytes: bytes(changed.join('\n')), datasetId: first.datasetId });
    expect([first.versionNumber, second.versionNumber]).toEqual([1, 2]);
    const client = t.client();
    const url = '/api/v1/observatory/datasets/versioned/observations?REF_AREA=ITD55&DATA_TYPE=FJAN&SEX=9&TIME_PERIOD=2023';
    const current = (await client.get(url)).json();
    expect(current).toMatchObject({ version: 2, total: 1, observations: [{ value: 999999 }] });
    const old = (await client.get(`${url}&version=1`)).json();
    expect(old).toMatchObject({ version: 1, total: 1, observations: [{ value: 122204 }] });
    expect((await client.get(`${url}&version=3`)).statusCode).toBe(404);
    const versions = await datasetRepository.listVersions(t.ctx.db, first.datasetId);
    expect(versions.map((v) => [v.number, v.rowCount, v.status])).toEqual([
      [2, 42612, 'ready'],
      [1, 42612, 'ready'],
    ]);
  });

  it('refuses a new version whose dimensions differ from the dataset', async () => {
    const dataset = (await datasetRepository.findDataset(t.ctx.db, 'versioned'))!;
    const other = assetBytes('istat/DCIS_ACQCITIZ_1_citizenship_acquisitions_process_age_2019-2023.csv');
    const refused = await refusalOf(importFile(t, { bytes: other, datasetId: dataset.id }));
    expect(refused.issues[0]).toMatchObject({ kind: 'structure-mismatch', row: 1 });
  });
});
