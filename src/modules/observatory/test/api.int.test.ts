import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { importShipped, signIn } from './helpers.ts';

describe('the observatory API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await importShipped(t, 'istat-popstrbil1', { isPublished: true });
    await importShipped(t, 'istat-inflows-protection', { isPublished: true });
    await importShipped(t, 'istat-acqcitiz1', { key: 'draft-national' });
    await importShipped(t, 'reception-centres', { key: 'draft-er', regionCode: '08' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists published datasets with their dimensions, paged; anonymous visitors see nothing else', async () => {
    const res = await t.app.inject({ url: '/api/v1/observatory/datasets?per_page=1' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, per_page: 1, total: 2 });
    expect(body.items).toHaveLength(1);
    const all = (await t.app.inject({ url: '/api/v1/observatory/datasets' })).json();
    expect(all.items.map((d: { key: string }) => d.key).sort()).toEqual(['istat-inflows-protection', 'istat-popstrbil1']);
    const popstrbil = all.items.find((d: { key: string }) => d.key === 'istat-popstrbil1');
    expect(popstrbil).toMatchObject({ licence: 'CC-BY-4.0', attribution: 'Fonte: Istat', region_code: null, is_published: true, current_version: 1, reference_period: '2019/2023' });
    expect(popstrbil.dimensions.map((d: { code: string; role: string }) => `${d.code}:${d.role}`)).toEqual(['FREQ:other', 'REF_AREA:territory', 'DATA_TYPE:other', 'SEX:sex', 'TIME_PERIOD:time']);
    expect((await t.app.inject({ url: '/api/v1/observatory/datasets/draft-national/observations' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/observatory/datasets/draft-national' })).statusCode).toBe(404);
  });

  it('shows analysts their unpublished datasets too, within their region', async () => {
    const er = await signIn(t, { roleKey: 'observatory_analyst', regionCode: '08' });
    const keys = (await er.client.get('/api/v1/observatory/datasets')).json().items.map((d: { key: string }) => d.key);
    expect(keys.sort()).toEqual(['draft-er', 'istat-inflows-protection', 'istat-popstrbil1']);
    const sicily = await signIn(t, { roleKey: 'observatory_analyst', regionCode: '19' });
    expect((await sicily.client.get('/api/v1/observatory/datasets/draft-er/observations')).statusCode).toBe(404);
    const national = await signIn(t, { roleKey: 'observatory_national_analyst', regionCode: '12' });
    expect((await national.client.get('/api/v1/observatory/datasets')).json().total).toBe(4);
  });

  it('filters observations by any dimension, codes as in the file, several comma-separated', async () => {
    const res = await t.app.inject({ url: '/api/v1/observatory/datasets/istat-popstrbil1/observations?REF_AREA=ITD55,ITD5&DATA_TYPE=FJAN&SEX=9&TIME_PERIOD=2023' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ version: 1, page: 1, per_page: 100, total: 2 });
    expect(body.observations).toEqual(
      expect.arrayContaining([
        { dimensions: { FREQ: 'A', REF_AREA: 'ITD55', DATA_TYPE: 'FJAN', SEX: '9' }, time: '2023', value: 122204, status: null },
        { dimensions: { FREQ: 'A', REF_AREA: 'ITD5', DATA_TYPE: 'FJAN', SEX: '9' }, time: '2023', value: expect.any(Number), status: null },
      ]),
    );
    const repeated = (await t.app.inject({ url: '/api/v1/observatory/datasets/istat-popstrbil1/observations?REF_AREA=ITD55&REF_AREA=ITD5&DATA_TYPE=FJAN&SEX=9&TIME_PERIOD=2023' })).json();
    expect(repeated.total).toBe(2);
    const byId = (await t.app.inject({ url: `/api/v1/observatory/datasets/${body.dataset.id}/observations?REF_AREA=ITD55&DATA_TYPE=FJAN&SEX=9&time=2019,2020` })).json();
    expect(byId.observations.map((o: { time: string }) => o.time)).toEqual(['2019', '2020']);
    const legacy = (await t.app.inject({ url: '/api/v1/observatory/datasets/istat-inflows-protection/observations?ITTER107=ITD55&ISO=MA&SEXISTAT1=9&TIME=2023' })).json();
    expect(legacy.observations).toHaveLength(1);
    expect(legacy.observations[0].dimensions).toMatchObject({ ITTER107: 'ITD55', ISO: 'MA' });
    const unknownCode = (await t.app.inject({ url: '/api/v1/observatory/datasets/istat-popstrbil1/observations?REF_AREA=NOWHERE' })).json();
    expect(unknownCode).toMatchObject({ total: 0, observations: [] });
  });

  it('pages observations', async () => {
    const url = '/api/v1/observatory/datasets/istat-popstrbil1/observations?DATA_TYPE=FJAN&SEX=9&TIME_PERIOD=2023';
    const first = (await t.app.inject({ url: `${url}&per_page=50` })).json();
    const third = (await t.app.inject({ url: `${url}&per_page=50&page=3` })).json();
    expect(first.total).toBe(134);
    expect(first.observations).toHaveLength(50);
    expect(third.observations).toHaveLength(34);
    expect(third.total).toBe(134);
    const beyond = (await t.app.inject({ url: `${url}&per_page=50&page=9` })).json();
    expect(beyond).toMatchObject({ total: 134, observations: [] });
    const seen = new Set([...first.observations, ...third.observations].map((o: { dimensions: { REF_AREA: string } }) => o.dimensions.REF_AREA));
    expect(seen.size).toBe(84);
  });

  it('answers an unknown dimension with a 422 problem naming the parameter', async () => {
    const res = await t.app.inject({ url: '/api/v1/observatory/datasets/istat-popstrbil1/observations?CITTADINANZA=MA', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'CITTADINANZA' })]);
    const empty = await t.app.inject({ url: '/api/v1/observatory/datasets/istat-popstrbil1/observations?SEX=' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].field).toBe('SEX');
    expect((await t.app.inject({ url: '/api/v1/observatory/datasets/istat-popstrbil1/observations?per_page=5000' })).statusCode).toBe(422);
  });

  it('describes one dataset with its versions, and documents the routes in OpenAPI', async () => {
    const one = (await t.app.inject({ url: '/api/v1/observatory/datasets/istat-popstrbil1' })).json();
    expect(one.versions).toEqual([expect.objectContaining({ number: 1, rows: 42612, source_format: 'sdmx-csv-1', is_current: true, time_min: '2019', time_max: '2023' })]);
    expect(one.title).toMatchObject({ it: 'Bilancio demografico della popolazione straniera residente' });
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/observatory/datasets', '/api/v1/observatory/datasets/{id}', '/api/v1/observatory/datasets/{id}/observations']));
    const get = doc.paths['/api/v1/observatory/datasets/{id}/observations'].get;
    expect(get.tags).toEqual(['observatory']);
    expect(get.responses['422']).toBeDefined();
  });
});
