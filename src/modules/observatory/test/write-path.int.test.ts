import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { datasetRepository, loadVersionContext, observationRepository } from '../store.ts';
import { importFile } from './helpers.ts';

// Every column of an observation as the file has it, whatever way the rows travel (binary COPY on a PostgreSQL
// server, batched INSERT on PGlite): values with decimals and none, statuses, notes with quotes, a backslash, a tab
// and accents, several batches at once.
const HEADER = 'DATAFLOW,FREQ,REF_AREA,DATA_TYPE,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,NOTE_REF_AREA';
const SPECIAL = [
  'IT1:TEST_DF(1.0),A,ITD55,FJAN,9,2022,1234.5,p,"Città metropolitana: ""nota"" \\ e	tab"',
  'IT1:TEST_DF(1.0),A,ITD55,FJAN,9,2023,,,',
  'IT1:TEST_DF(1.0),A,ITD55,FJAN,1,2023,0,e,',
  'IT1:TEST_DF(1.0),A,IT,FJAN,9,2023,-7.25,,Ελλάδα €',
];
const FILLER = Array.from({ length: 40 }, (_, i) => `IT1:TEST_DF(1.0),A,ITD5,FJAN,${['1', '2', '9'][i % 3]},${1990 + Math.floor(i / 3)},${i * 11},,`);

describe('writing observations keeps every column', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores values, missing values, statuses and notes as read, in batches, and serves them', async () => {
    const text = `${[HEADER, ...SPECIAL, ...FILLER].join('\n')}\n`;
    const result = await importFile(t, { bytes: new TextEncoder().encode(text), key: 'write-path', batchSize: 7, isPublished: true });
    expect(result.rowCount).toBe(SPECIAL.length + FILLER.length);

    const dataset = (await datasetRepository.findDataset(t.ctx.db, 'write-path'))!;
    const context = (await loadVersionContext(t.ctx.db, dataset.currentVersionId!))!;
    const { items, total } = await observationRepository.listObservations(t.ctx.db, context, { versionId: context.versionId, filters: { REF_AREA: ['ITD55', 'IT'] }, limit: 10, offset: 0 });
    expect(total).toBe(4);
    const key = (o: { dimensions: Record<string, string>; time: string }) => `${o.dimensions.REF_AREA} ${o.dimensions.SEX} ${o.time}`;
    expect(Object.fromEntries(items.map((o) => [key(o), { value: o.value, status: o.status, attributes: o.attributes }]))).toEqual({
      'ITD55 9 2022': { value: 1234.5, status: 'p', attributes: { NOTE_REF_AREA: 'Città metropolitana: "nota" \\ e\ttab' } },
      'ITD55 9 2023': { value: null, status: null, attributes: null },
      'ITD55 1 2023': { value: 0, status: 'e', attributes: null },
      'IT 9 2023': { value: -7.25, status: null, attributes: { NOTE_REF_AREA: 'Ελλάδα €' } },
    });

    const res = await t.app.inject({ url: '/api/v1/observatory/datasets/write-path/observations?REF_AREA=ITD5&SEX=9&per_page=100' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(FILLER.filter((line) => line.includes(',ITD5,FJAN,9,')).length);
    expect(body.observations.map((o: { time: string; value: number }) => [o.time, o.value])).toEqual(
      FILLER.filter((line) => line.includes(',ITD5,FJAN,9,')).map((line) => {
        const cells = line.split(',');
        return [cells[5], Number(cells[6])];
      }),
    );
  });
});
