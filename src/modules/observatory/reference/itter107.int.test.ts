import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { territory } from '../../territory/index.ts';
import { parseFile } from '../importers/parse-file.ts';
import { SHIPPED_DATASETS, shippedFileUrl } from './catalogue.ts';
import { loadCitizenshipCodes, loadItter107 } from './reference-data.ts';
import { loadLabelSources, resolverOf } from './label-sources.ts';

describe('the ITTER107 table against the ISTAT list of 2023', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('resolves every province of the ISTAT list from exactly one ITTER107 province code, in the right region', async () => {
    const provinces = await territory.listProvinces(t.ctx.db);
    expect(provinces).toHaveLength(107);
    const entries = loadItter107().filter((e) => e.level === 'province');
    for (const p of provinces) {
      const matches = entries.filter((e) => e.provinceCode === p.code);
      expect(matches, `${p.code} ${p.name}`).toHaveLength(1);
      expect(matches[0]!.regionCode, `${p.code} ${p.name}`).toBe(p.regionCode);
    }
    expect(entries).toHaveLength(107);
  });

  it('names every region once, and points only at regions and provinces that exist', async () => {
    const regions = await territory.listRegions(t.ctx.db);
    const provinces = new Set((await territory.listProvinces(t.ctx.db)).map((p) => p.code));
    const table = loadItter107();
    expect(new Set(table.map((e) => e.code)).size).toBe(table.length);
    for (const r of regions) expect(table.filter((e) => e.level === 'region' && e.regionCode === r.code), r.name).toHaveLength(1);
    for (const e of table) {
      if (e.regionCode) expect(regions.some((r) => r.code === e.regionCode), e.code).toBe(true);
      if (e.provinceCode) expect(provinces.has(e.provinceCode), e.code).toBe(true);
    }
    expect(table.find((e) => e.code === 'ITD1')).toMatchObject({ level: 'autonomous_province', regionCode: '04', provinceCode: '021' });
    expect(table.find((e) => e.code === 'ITC4')).toMatchObject({ level: 'region', regionCode: '03' });
  });

  it('resolves every territory code used by the shipped files, and knows every citizenship code they use', async () => {
    const sources = await loadLabelSources(t.ctx.db);
    const resolve = resolverOf(sources);
    for (const shipped of SHIPPED_DATASETS) {
      const cube = await parseFile(readFileSync(shippedFileUrl(shipped)), { format: shipped.format, mapping: shipped.mapping, resolveTerritory: resolve, citizenshipCodes: sources.citizenshipCodes });
      expect(cube.issues, shipped.key).toEqual([]);
      for (const dimension of cube.dimensions) {
        if (dimension.role === 'territory') for (const code of dimension.codes) expect(resolve(code), `${shipped.key} ${code}`).not.toBeNull();
        if (dimension.role === 'citizenship') for (const code of dimension.codes) expect(sources.citizenshipCodes.has(code), `${shipped.key} ${code}`).toBe(true);
      }
    }
  });

  it('loads the reference tables into the database, with labels in Italian and English for the citizenship areas', async () => {
    const { sql } = await import('kysely');
    const { rows } = await sql<{ n: string }>`select count(*) as n from observatory_itter107`.execute(t.ctx.db);
    expect(Number(rows[0]!.n)).toBe(loadItter107().length);
    for (const c of loadCitizenshipCodes()) expect(c.labels.it && c.labels.en, c.code).toBeTruthy();
  });
});
