import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { CSRF_COOKIE } from '../../../kernel/http/csrf.ts';
import { datasetRepository } from '../store.ts';
import { assetBytes, multipart, signIn } from './helpers.ts';

const POPSTRBIL = 'istat/DCIS_POPSTRBIL1_1_foreign_pop_balance_regions_provinces_2019-2023.csv';

describe('importing from the browser', () => {
  let t: TestApp;
  let er: TestClient;
  let sicily: TestClient;

  /** Posts the upload form (multipart, the anti-forgery token in the query as the form's action has it). */
  async function upload(client: TestClient, fields: Record<string, string>, file: { name: string; bytes: Uint8Array } | null): Promise<LightMyRequestResponse> {
    if (!client.cookies.has(CSRF_COOKIE)) await client.get('/it');
    const { payload, headers } = multipart(fields, file);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return t.app.inject({ method: 'POST', url: `/it/observatory/manage/uploads?_csrf=${encodeURIComponent(client.csrfToken())}`, payload, headers: { ...headers, cookie } });
  }

  beforeAll(async () => {
    t = await createTestApp();
    er = (await signIn(t, { roleKey: 'observatory_analyst', regionCode: '08' })).client;
    sicily = (await signIn(t, { roleKey: 'observatory_analyst', regionCode: '19' })).client;
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends anonymous visitors to the login page and answers "not found" to people who are not analysts', async () => {
    const anonymous = await t.client().get('/it/observatory/manage');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/it/login?next=%2Fit%2Fobservatory%2Fmanage');
    const operator = await signIn(t, { roleKey: 'staff', regionCode: '08' });
    expect((await operator.client.get('/it/observatory/manage')).statusCode).toBe(404);
  });

  it('uploads an SDMX file, previews and checks it, imports it as a background job with a progress bar, then publishes it', async () => {
    const form = await er.get('/it/observatory/manage/uploads/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('<option value="08"');
    expect(form.body).not.toContain('<option value="19"');
    expect(form.body).not.toContain('value="national"');

    const posted = await upload(er, { dataset: 'new', region: '08' }, { name: 'popstrbil.csv', bytes: assetBytes(POPSTRBIL) });
    expect(posted.statusCode).toBe(303);
    const page = await er.get(posted.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('SDMX-CSV 1.0');
    expect(page.body).toContain('IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0)');
    expect(page.body).toContain('42.612 osservazioni pronte da importare');
    expect(page.body).toContain('value="Bilancio demografico della popolazione straniera residente"');

    const uploadPath = (posted.headers.location as string).replace(/^\/it/, '');
    const noTitle = await er.post(`/it${uploadPath}/import`, { title_it: '', source: 'Istat', licence: 'CC-BY-4.0', attribution: 'Fonte: Istat', frequency: 'ANNUAL' });
    expect(noTitle.statusCode).toBe(422);
    expect(noTitle.body).toContain('href="#field-title_it"');

    const queued = await er.post(`/it${uploadPath}/import`, { title_it: 'Stranieri in Emilia-Romagna', title_en: 'Foreigners in Emilia-Romagna', key: 'er-stranieri', source: 'Istat', licence: 'CC-BY-4.0', attribution: 'Fonte: Istat', frequency: 'ANNUAL' });
    expect(queued.statusCode).toBe(303);
    expect(queued.headers.location).toBe(`/it${uploadPath}/progress`);
    const waiting = await er.get(queued.headers.location as string);
    expect(waiting.headers.refresh).toBe('2');
    expect(waiting.body).toContain('?refresh=off');
    expect((await er.get(`${queued.headers.location}?refresh=off`)).headers.refresh).toBeUndefined();
    expect(waiting.body).toContain('<progress id="import-progress"');
    expect(waiting.body).toContain('In coda');

    expect(await t.ctx.jobs.drain()).toBeGreaterThan(0);
    const done = await er.get(queued.headers.location as string);
    expect(done.headers.refresh).toBeUndefined();
    expect(done.body).toContain('Importato: «Stranieri in Emilia-Romagna», versione 1.');
    expect(done.body).toContain('value="42612"');

    const dataset = (await datasetRepository.findDataset(t.ctx.db, 'er-stranieri'))!;
    expect(dataset).toMatchObject({ regionCode: '08', isPublished: false, currentVersionNumber: 1, territorialLevel: 'mixed' });
    const versions = await datasetRepository.listVersions(t.ctx.db, dataset.id);
    expect(versions[0]).toMatchObject({ rowCount: 42612, sourceFileName: 'popstrbil.csv' });
    expect((await t.app.inject({ url: '/api/v1/observatory/datasets/er-stranieri' })).statusCode).toBe(404);

    const published = await er.post(`/it/observatory/manage/datasets/${dataset.id}/publish`);
    expect(published.statusCode).toBe(303);

    expect((await er.get(published.headers.location as string)).body).toContain('Il dataset è pubblicato.');
    expect((await t.app.inject({ url: '/api/v1/observatory/datasets/er-stranieri' })).statusCode).toBe(200);
  });

  it('keeps each region to its own datasets: an analyst of 19 can neither import into nor publish 08’s', async () => {
    const dataset = (await datasetRepository.findDataset(t.ctx.db, 'er-stranieri'))!;
    const intoOther = await upload(sicily, { dataset: dataset.id, region: '19' }, { name: 'x.csv', bytes: assetBytes(POPSTRBIL) });
    expect(intoOther.statusCode).toBe(404);
    const newIn08 = await upload(sicily, { dataset: 'new', region: '08' }, { name: 'x.csv', bytes: assetBytes(POPSTRBIL) });
    expect(newIn08.statusCode).toBe(422);
    expect(newIn08.body).toContain('non puoi importare dati per questo territorio');
    expect((await sicily.post(`/it/observatory/manage/datasets/${dataset.id}/unpublish`)).statusCode).toBe(404);
    expect((await datasetRepository.findDataset(t.ctx.db, dataset.id))!.isPublished).toBe(true);
    const page = await sicily.get(`/it/observatory/manage/datasets/${dataset.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/unpublish"');
    const mine = (await upload(er, { dataset: dataset.id, region: '08' }, { name: 'v2.csv', bytes: assetBytes(POPSTRBIL) })).headers.location as string;
    expect((await sicily.get(mine)).statusCode).toBe(404);
  });

  it('maps the columns of a tidy CSV with a form, checks it and imports it', async () => {
    const posted = await upload(er, { dataset: 'new', region: '08' }, { name: 'accoglienza.csv', bytes: assetBytes('reception/accoglienza.csv') });
    expect(posted.statusCode).toBe(303);
    const path = posted.headers.location as string;
    const page = await er.get(path);
    expect(page.body).toContain('CSV ordinato');
    expect(page.body).toContain('name="use_1"');
    expect(page.body).toContain('Il file sarà controllato dopo la mappatura delle colonne.');

    const noTime = await er.post(`${path}/mapping`, { use_0: 'ignore', use_1: 'other', use_2: 'value', use_6: 'territory' });
    expect(noTime.statusCode).toBe(422);
    expect(noTime.body).toContain('nessuna colonna indica il periodo');

    const mapping = { use_0: 'label', labelof_0: '6', use_1: 'time', use_2: 'value', use_3: 'value', use_4: 'value', use_5: 'value', use_6: 'territory', use_7: 'ignore', encoding: 'auto', decimal: '.', labelLocale: 'it' };
    const checked = await er.post(`${path}/mapping`, mapping);
    expect(checked.statusCode).toBe(303);
    const report = await er.get(path);
    // Italian groups digits from five up: 5910, but 42.612.
    expect(report.body).toContain('5910 osservazioni pronte da importare');
    const queued = await er.post(`${path}/import`, { title_it: 'Accoglienza in Emilia-Romagna', source: 'Ministero dell’Interno', licence: 'CC-BY-4.0', attribution: 'Fonte: Ministero dell’Interno', frequency: 'MONTHLY_2' });
    expect(queued.statusCode).toBe(303);
    await t.ctx.jobs.drain();
    expect((await er.get(queued.headers.location as string)).body).toContain('Importazione completata.');
    const { items } = await datasetRepository.listDatasets(t.ctx.db, { unpublishedReach: { all: true }, limit: 50, offset: 0 });
    const reception = items.find((d) => d.attribution === 'Fonte: Ministero dell’Interno')!;
    expect(reception.updateFrequency).toBe('http://publications.europa.eu/resource/authority/frequency/MONTHLY_2');
    const dimensions = await datasetRepository.listDimensions(t.ctx.db, reception.id);
    expect(dimensions.map((d) => `${d.code}:${d.role}`)).toEqual(['CodiceRegione:territory', 'MEASURE:other', 'Data_Report:time']);
  });

  it('shows the report of a broken file with row and column, and does not let it be imported', async () => {
    const rows = assetBytes(POPSTRBIL).toString('utf8').split('\n');
    rows[101] = rows[101]!.replace(/,(\d+),,/, ',n.d.,,');
    const posted = await upload(er, { dataset: 'new', region: '08' }, { name: 'broken.csv', bytes: new TextEncoder().encode(rows.join('\n')) });
    const page = await er.get(posted.headers.location as string);
    expect(page.body).toContain('Il file non può essere importato: un problema.');
    expect(page.body).toMatch(/<th scope="row">102<\/th><td>OBS_VALUE<\/td><td>«n\.d\.» non è un numero\.<\/td>/);
    expect(page.body).not.toContain('/import"');
    const forced = await er.post(`${posted.headers.location}/import`, { title_it: 'Rotto', source: 'Istat', licence: 'CC-BY-4.0', attribution: 'Fonte: Istat', frequency: 'ANNUAL' });
    expect(forced.statusCode).toBe(409);
  });

  it('refuses an empty upload naming the file field', async () => {
    const res = await upload(er, { dataset: 'new', region: '08' }, null);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#field-file"');
  });
});
