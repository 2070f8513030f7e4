import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { datasetRepository, loadVersionContext, observationRepository } from '../store.ts';
import { assetBytes, importShipped } from './helpers.ts';

// Independent readings of the shipped files: a few lines of plain splitting, not the importer.
// None of the files has quoted commas, so splitting on commas is exact.
const tables = new Map<string, { header: string[]; rows: string[][] }>();
function table(path: string): { header: string[]; rows: string[][] } {
  const cached = tables.get(path);
  if (cached) return cached;
  const lines = assetBytes(path).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const split = (l: string) => l.split(',').map((c) => c.replace(/^"|"$/g, ''));
  const read = { header: split(lines[0]!), rows: lines.slice(1).map(split) };
  tables.set(path, read);
  return read;
}

function sumWhere(path: string, valueColumn: string, where: Record<string, string> = {}): { sum: number; count: number } {
  const { header, rows } = table(path);
  const at = (name: string) => header.indexOf(name);
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    if (Object.entries(where).some(([k, v]) => row[at(k)] !== v)) continue;
    const cell = row[at(valueColumn)]!;
    if (cell === '') continue;
    sum += Number(cell);
    count++;
  }
  return { sum, count };
}

const ISTAT: { key: string; path: string; value: string; rows: number; slice: Record<string, string> }[] = [
  { key: 'istat-popstrbil1', path: 'istat/DCIS_POPSTRBIL1_1_foreign_pop_balance_regions_provinces_2019-2023.csv', value: 'OBS_VALUE', rows: 42612, slice: { REF_AREA: 'ITD55', DATA_TYPE: 'FJAN', SEX: '9' } },
  { key: 'istat-permsogg1', path: 'istat/DCIS_PERMSOGG1_1_residence_permits_type_citizenship_2019-2024.csv', value: 'OBS_VALUE', rows: 3607, slice: { MOSTREL_CCITENSHIP: 'MA', TYPE_RES_PERMIT: 'TOTAL', SEX: '9' } },
  { key: 'istat-acqcitiz1', path: 'istat/DCIS_ACQCITIZ_1_citizenship_acquisitions_process_age_2019-2023.csv', value: 'OBS_VALUE', rows: 408, slice: { ACQUISITION_PROCESS: 'RS', AGE: 'TOTAL', SEX: '9' } },
  { key: 'istat-migrazioni2', path: 'istat/DCIS_MIGRAZIONI_2_immigrants_by_citizenship_2019-2023.csv', value: 'OBS_VALUE', rows: 12296, slice: { CITIZENSHIP: 'FOR', SEX: '9', AGE: 'TOTAL' } },
  { key: 'istat-inflows-protection', path: 'istat/ISTAT_legacy_DCIS_PERMSOGG1_nonEU_inflows_intl_protection_by_province_2019-2023.csv', value: 'Value', rows: 24107, slice: { ITTER107: 'ITD55', SEXISTAT1: '9' } },
];

describe('the shipped files import as they are, and their totals match the files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function contextOf(key: string) {
    const dataset = (await datasetRepository.findDataset(t.ctx.db, key))!;
    return (await loadVersionContext(t.ctx.db, dataset.currentVersionId!))!;
  }

  it.each(ISTAT)('$key: every row becomes an observation, and sums match', async ({ key, path, value, rows, slice }) => {
    const result = await importShipped(t, key);
    expect(result.rowCount).toBe(rows);
    const context = await contextOf(key);
    const [all] = await observationRepository.aggregate(t.ctx.db, context, { versionId: context.versionId, groupBy: [] });
    const expected = sumWhere(path, value);
    expect(expected.count).toBe(rows);
    expect(all).toMatchObject({ value: expected.sum, count: rows });
    const filters = Object.fromEntries(Object.entries(slice).map(([k, v]) => [k, [v]]));
    const byTime = await observationRepository.aggregate(t.ctx.db, context, { versionId: context.versionId, filters, groupBy: ['TIME'] });
    const timeColumn = value === 'Value' ? 'TIME' : 'TIME_PERIOD';
    for (const row of byTime) expect(row.value, `${key} ${row.time}`).toBe(sumWhere(path, value, { ...slice, [timeColumn]: row.time! }).sum);
    expect(byTime.reduce((s, r) => s + r.count, 0)).toBe(sumWhere(path, value, slice).count);
  });

  it('reception figures import through the tidy path: empty cells are missing, the rest sums as in the file', async () => {
    const result = await importShipped(t, 'reception-centres');
    const { header, rows } = table('reception/accoglienza.csv');
    const measures = ['Migranti presenti negli hot spot', 'Migranti presenti nei centri di accoglienza', 'Migranti presenti nei centri SIPROIMI', 'Migranti presenti nei centri SAI'];
    const cells = rows.flatMap((r) => measures.map((m) => r[header.indexOf(m)]!)).filter((c) => c !== '');
    expect(result.rowCount).toBe(cells.length);
    const context = await contextOf('reception-centres');
    const byMeasure = await observationRepository.aggregate(t.ctx.db, context, { versionId: context.versionId, groupBy: ['MEASURE'] });
    const codes = ['HOTSPOT', 'CENTRI_ACCOGLIENZA', 'SIPROIMI', 'SAI'];
    for (const [i, m] of measures.entries()) {
      const expected = rows.map((r) => r[header.indexOf(m)]!).filter((c) => c !== '').reduce((s, c) => s + Number(c), 0);
      expect(byMeasure.find((r) => r.keys.MEASURE === codes[i])?.value, m).toBe(expected);
    }
    const emilia = await observationRepository.aggregate(t.ctx.db, context, { versionId: context.versionId, territory: { regionCode: '08' }, times: ['2025-09-15'], groupBy: ['MEASURE'] });
    const line = rows.find((r) => r[header.indexOf('CodiceRegione')] === '08' && r[header.indexOf('Data_Report')] === '2025-09-15')!;
    expect(emilia.find((r) => r.keys.MEASURE === 'CENTRI_ACCOGLIENZA')?.value).toBe(Number(line[header.indexOf('Migranti presenti nei centri di accoglienza')]));
  });

  it('resolves territory codes to regions and 2023 provinces, and names citizenships in every language', async () => {
    const context = await contextOf('istat-popstrbil1');
    const codes = [...context.codesById.values()];
    expect(codes.find((c) => c.code === 'ITD55')).toMatchObject({ refKind: 'province', regionCode: '08', provinceCode: '237', labels: { it: 'Bologna' } });
    expect(codes.find((c) => c.code === 'IT111')).toMatchObject({ refKind: 'province', regionCode: '20', provinceCode: '111' });
    expect(codes.find((c) => c.code === 'ITG27')).toMatchObject({ refKind: 'province', regionCode: '20', provinceCode: '292' });
    expect(codes.find((c) => c.code === 'FJAN')?.labels).toMatchObject({ it: 'Popolazione straniera al 1° gennaio', en: 'Foreign population on 1 January' });
    const provinces08 = await observationRepository.aggregate(t.ctx.db, context, { versionId: context.versionId, filters: { DATA_TYPE: ['FJAN'], SEX: ['9'] }, territory: { levels: ['province'], regionCode: '08' }, times: ['2023'], groupBy: ['REF_AREA'] });
    expect(provinces08.map((r) => r.keys.REF_AREA).sort()).toEqual(['ITD51', 'ITD52', 'ITD53', 'ITD54', 'ITD55', 'ITD56', 'ITD57', 'ITD58', 'ITD59']);
    const region = sumWhere('istat/DCIS_POPSTRBIL1_1_foreign_pop_balance_regions_provinces_2019-2023.csv', 'OBS_VALUE', { REF_AREA: 'ITD5', DATA_TYPE: 'FJAN', SEX: '9', TIME_PERIOD: '2023' }).sum;
    expect(provinces08.reduce((s, r) => s + r.value!, 0)).toBe(region);

    const legacy = await contextOf('istat-inflows-protection');
    const morocco = [...legacy.codesById.values()].find((c) => c.code === 'MA')!;
    expect(morocco).toMatchObject({ refKind: 'country', countryCode: 'MA', labels: { it: 'Marocco', en: 'Morocco' } });
    expect(morocco.labels.ar).toBeTruthy();
    expect([...legacy.codesById.values()].find((c) => c.code === 'X777')).toMatchObject({ refKind: 'other', labels: { it: 'Altri paesi' } });
  });
});
