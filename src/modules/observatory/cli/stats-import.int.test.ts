import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { datasetRepository } from '../store.ts';
import { statsImportCommand } from './stats-import.ts';

const ASSETS = fileURLToPath(new URL('../assets/', import.meta.url));

/** Runs the command, capturing what it prints. */
async function run(t: TestApp, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await statsImportCommand.run(args, t.ctx);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('npx crocevia stats import', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-stats-'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('imports a shipped ISTAT file, prints the dataset id, and makes version 2 when run again', async () => {
    const file = path.join(ASSETS, 'istat/DCIS_ACQCITIZ_1_citizenship_acquisitions_process_age_2019-2023.csv');
    const first = await run(t, [file, '--publish']);
    expect(first.code).toBe(0);
    const id = first.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const dataset = (await datasetRepository.findDataset(t.ctx.db, id))!;
    expect(dataset).toMatchObject({ key: 'istat-acqcitiz1', isPublished: true, currentVersionNumber: 1 });
    const second = await run(t, [file]);
    expect(second).toMatchObject({ code: 0, stdout: `${id}\n` });
    expect((await datasetRepository.findDataset(t.ctx.db, id))!.currentVersionNumber).toBe(2);
  });

  it('imports a tidy CSV through a mapping file into a regional dataset', async () => {
    const mapping = path.join(dir, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ columns: [{ column: 'Data_Report', use: 'time' }, { column: 'CodiceRegione', use: 'dimension', role: 'territory' }, { column: 'Migranti presenti nei centri di accoglienza', use: 'value' }] }));
    const res = await run(t, [path.join(ASSETS, 'reception/accoglienza.csv'), '--mapping', mapping, '--region', '08', '--title', 'Accoglienza']);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('2800 observations');
    expect((await datasetRepository.findDataset(t.ctx.db, res.stdout.trim()))).toMatchObject({ regionCode: '08', key: 'r08-accoglienza' });
    expect((await run(t, [path.join(ASSETS, 'reception/accoglienza.csv')])).code).toBe(64);
  });

  it('refuses a broken file naming the row, and exits with a data error', async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'DATAFLOW,REF_AREA,TIME_PERIOD,OBS_VALUE\nX:Y(1.0),ITD55,2023,12\nX:Y(1.0),ITD55,2024,1O\n');
    const res = await run(t, [bad, '--dataset', 'nothing-here']);
    expect(res.code).toBe(65);
    const refused = await run(t, [bad]);
    expect(refused).toMatchObject({ code: 65, stdout: '' });
    expect(refused.stderr).toContain('row 3, column OBS_VALUE: “1O” is not a number.');
  });
});
