import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { seedObservatoryDemo } from '../index.ts';
import { readCsv } from './helpers.ts';

const pop = readCsv('istat/DCIS_POPSTRBIL1_1_foreign_pop_balance_regions_provinces_2019-2023.csv');
const inflows = readCsv('istat/ISTAT_legacy_DCIS_PERMSOGG1_nonEU_inflows_intl_protection_by_province_2019-2023.csv');
const residents = (area: string, year: string) => pop.filter((r) => r.REF_AREA === area && r.DATA_TYPE === 'FJAN' && r.SEX === '9' && r.TIME_PERIOD === year).reduce((s, r) => s + Number(r.OBS_VALUE), 0);
const fmt = (n: number) => new Intl.NumberFormat('it', { maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(n);

describe('the public observatory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedObservatoryDemo(t.ctx);
  }, 600_000);
  afterAll(async () => {
    await t.close();
  });

  it('shows Italy with its figures, a table and a map of the regions, each with sources and downloads', async () => {
    const res = await t.app.inject({ url: '/it/observatory' });
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toContain(fmt(residents('IT', '2023')));
    expect(page).toMatch(/<svg role="img" aria-label="[^"]+"/);
    expect(page).toContain('<caption>');
    expect(page).toContain('scope="row"');
    expect(page).toContain('Fonte: Istat');
    expect(page).toContain('/it/observatory/data/foreign-residents.csv?territory=IT');
    // Trentino-Alto Adige has no row of its own in POPSTRBIL1: the two autonomous provinces.
    expect(page).toContain(`<title>Emilia-Romagna: ${fmt(residents('ITD5', '2023'))}</title>`);
    expect(page).toContain(fmt(residents('ITD1', '2023') + residents('ITD2', '2023')));
    expect(page).toContain('href="/it/observatory/08"');
  });

  it('shows a region with a map of its provinces, and a province', async () => {
    const region = await t.app.inject({ url: '/it/observatory/08' });
    expect(region.statusCode).toBe(200);
    expect(region.body).toContain(fmt(residents('ITD5', '2022')));
    expect(region.body).toContain(`<title>Bologna: ${fmt(residents('ITD55', '2023'))}</title>`);
    const province = await t.app.inject({ url: '/en/observatory/237' });
    expect(province.statusCode).toBe(200);
    expect(province.body).toContain(new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(residents('ITD55', '2023')));
    const bologna = inflows.filter((r) => r.ITTER107 === 'ITD55' && r.SEXISTAT1 === '9' && r.ISO === 'WORLD' && r.TIME === '2023').reduce((s, r) => s + Number(r.Value), 0);
    const json = (await t.app.inject({ url: '/en/observatory/data/protection-inflows.json?territory=237' })).json();
    expect(json.rows.find((r: { code: string }) => r.code === '2023').values.value).toBe(bologna);
  });

  it('titles every chart in the page language', async () => {
    const ar = (await t.app.inject({ url: '/ar/observatory/08' })).body;
    expect(ar).toContain('المقيمون الأجانب في 1 يناير');
    expect(ar).not.toContain('Foreign residents on 1 January');
    // A dataset title without an Arabic version is shown in its original language, marked as such (WCAG 3.1.2).
    expect(ar).toMatch(/<bdi lang="it">Bilancio demografico/);
    expect((await t.app.inject({ url: '/zh/observatory/08' })).body).toContain('1 月 1 日的外籍居民');
  });

  it('writes the numbers of chart axes as the page language does', async () => {
    const axis = (body: string) => [...body.matchAll(/<text[^>]*>([\d.,\u00a0\u202f]+)<\/text>/g)].map((m) => m[1]!).filter((v) => v.length >= 6);
    const it = axis((await t.app.inject({ url: '/it/observatory/IT' })).body);
    const en = axis((await t.app.inject({ url: '/en/observatory/IT' })).body);
    expect(it.some((v) => /^\d{1,3}(\.\d{3})+$/.test(v))).toBe(true);
    expect(en.some((v) => /^\d{1,3}(,\d{3})+$/.test(v))).toBe(true);
    expect(it.some((v) => /^\d{1,3}(,\d{3})+$/.test(v))).toBe(false);
  });

  it('answers 404 for unknown territories', async () => {
    for (const code of ['99', '999', 'xyz', '08x']) expect((await t.app.inject({ url: `/it/observatory/${code}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/it/observatory/data/foreign-residents.csv?territory=99' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/it/observatory/data/nope.csv?territory=08' })).statusCode).toBe(404);
  });

  it('exports every table as CSV and JSON with the numbers shown, and every chart as SVG and PNG', async () => {
    const csv = await t.app.inject({ url: '/it/observatory/data/foreign-residents.csv?territory=08' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n').map((l) => l.split(','));
    expect(lines[0]![0]).toBe('code');
    expect(lines.find((l) => l[0] === '2021')![2]).toBe(String(residents('ITD5', '2021')));
    const rate = (await t.app.inject({ url: '/it/observatory/data/citizenship-acquisition-rate.json?territory=IT' })).json();
    const acquisitions = pop.find((r) => r.REF_AREA === 'IT' && r.DATA_TYPE === 'ACQCITIZ' && r.SEX === '9' && r.TIME_PERIOD === '2022')!;
    expect(rate.rows.find((r: { code: string }) => r.code === '2022').values.value).toBeCloseTo((Number(acquisitions.OBS_VALUE) / residents('IT', '2022')) * 1000, 3);
    const svg = await t.app.inject({ url: '/it/observatory/charts/foreign-residents.svg?territory=08' });
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body.startsWith('<svg')).toBe(true);
    const png = await t.app.inject({ url: '/it/observatory/charts/foreign-residents-map.png?territory=08' });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('makes a PDF report of a territory, linked from its dashboard', async () => {
    expect((await t.app.inject({ url: '/it/observatory/08' })).body).toContain('href="/it/observatory/08/report.pdf"');
    const pdf = await t.app.inject({ url: '/it/observatory/08/report.pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(20_000);
    expect(pdf.rawPayload.toString('latin1')).toContain('Titillium');
    expect((await t.app.inject({ url: '/it/observatory/99/report.pdf' })).statusCode).toBe(404);
  }, 180_000);

  it('suppresses small counts of province × citizenship and says so', async () => {
    const bySex9 = inflows.filter((r) => r.SEXISTAT1 === '9' && r.ITTER107 === 'ITD55' && !['WORLD', 'X777'].includes(r.ISO!));
    const latest = bySex9.filter((r) => r.TIME === '2023').sort((a, b) => Number(b.Value) - Number(a.Value)).slice(0, 10).map((r) => r.ISO);
    const small = bySex9.find((r) => latest.includes(r.ISO) && Number(r.Value) > 0 && Number(r.Value) < 5)!;
    expect(small).toBeDefined();
    const json = (await t.app.inject({ url: '/it/observatory/data/protection-inflows-by-citizenship.json?territory=237' })).json();
    const row = json.rows.find((r: { code: string }) => r.code === small.ISO);
    expect(row.values[small.TIME!]).toBeNull();
    expect(row.suppressed).toContain(small.TIME!);
    const csv = (await t.app.inject({ url: '/it/observatory/data/protection-inflows-by-citizenship.csv?territory=237' })).body;
    expect(csv).toContain('<5');
    const page = (await t.app.inject({ url: '/it/observatory/237' })).body;
    expect(page).toContain('&lt;5');
    expect(page).toContain('non pubblicato per tutelare la riservatezza');
    // The same breakdown for Italy is not suppressed.
    const national = (await t.app.inject({ url: '/it/observatory/data/protection-inflows-by-citizenship.json?territory=IT' })).json();
    expect(national.rows.every((r: { suppressed: string[] }) => r.suppressed.length === 0)).toBe(true);
  });

  it('compares two to four territories side by side, and refuses one', async () => {
    const res = await t.app.inject({ url: '/it/observatory/compare?t=08&t=19' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(fmt(residents('ITD5', '2023')));
    expect(res.body).toContain(fmt(residents('ITG1', '2023')));
    expect((await t.app.inject({ url: '/it/observatory/compare?t=08' })).statusCode).toBe(422);
    expect((await t.app.inject({ url: '/it/observatory/compare?t=08&t=77' })).statusCode).toBe(404);
    const csv = (await t.app.inject({ url: '/it/observatory/data/foreign-residents.csv?territory=08,19' })).body;
    expect(csv.split('\r\n')[0]).toBe('code,Periodo,Emilia-Romagna,Sicilia');
  });

  it('publishes a DCAT-AP_IT catalogue in JSON-LD and Turtle with every mandatory field', async () => {
    const res = await t.app.inject({ url: '/opendata/catalog.jsonld' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body) as { '@context': Record<string, string>; '@graph': Record<string, unknown>[] };
    expect(doc['@context'].dcatapit).toBe('http://dati.gov.it/onto/dcatapit#');
    const graph = doc['@graph'];
    const ofType = (type: string) => graph.filter((n) => (n['@type'] as string[]).includes(type));
    const catalog = ofType('dcatapit:Catalog')[0]!;
    for (const field of ['dct:title', 'dct:description', 'dct:publisher', 'dct:modified', 'dcat:dataset']) expect(catalog[field], field).toBeDefined();
    const datasets = ofType('dcatapit:Dataset');
    expect(datasets.length).toBeGreaterThanOrEqual(6 + 5);
    for (const d of datasets) {
      for (const field of ['dct:identifier', 'dct:title', 'dct:description', 'dct:modified', 'dcat:theme', 'dct:rightsHolder', 'dct:accrualPeriodicity', 'dcat:distribution']) expect(d[field], `${String(d['@id'])} ${field}`).toBeDefined();
      expect((d['dct:identifier'] as { '@value': string }[])[0]!['@value']).toMatch(/^crocevia-demo:D\.\d+$/);
      expect((d['dct:title'] as { '@language': string }[]).map((x) => x['@language'])).toEqual(['it', 'en']);
      expect((d['dct:accrualPeriodicity'] as { '@id': string }[])[0]!['@id']).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/frequency\//);
    }
    for (const d of ofType('dcatapit:Distribution')) {
      expect((d['dct:format'] as { '@id': string }[])[0]!['@id']).toBe('http://publications.europa.eu/resource/authority/file-type/CSV');
      expect((d['dct:license'] as { '@id': string }[])[0]!['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
      expect(d['dcat:accessURL']).toBeDefined();
    }
    const agent = ofType('dcatapit:Agent')[0]!;
    expect(agent['dct:identifier']).toEqual([{ '@value': 'crocevia-demo' }]);
    expect(agent['foaf:name']).toBeDefined();
    const contact = ofType('dcatapit:Organization')[0]!;
    expect(contact['vcard:fn']).toBeDefined();
    expect((contact['vcard:hasEmail'] as { '@id': string }[])[0]!['@id']).toMatch(/^mailto:/);

    const ttl = (await t.app.inject({ url: '/opendata/catalog.ttl' })).body;
    const declared = new Set([...ttl.matchAll(/^@prefix (\w+): <[^>]+> \.$/gm)].map((m) => m[1]));
    const used = new Set([...ttl.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/<[^>]*>/g, '<>').matchAll(/\b([a-z]+):[A-Za-z]/g)].map((m) => m[1]));
    for (const p of used) expect(declared.has(p), p).toBe(true);
    for (const node of graph) expect(ttl).toContain(`<${String(node['@id'])}>\n    a `);
    expect(ttl.split(/ \.\n/).length - 1).toBe(graph.length + declared.size);
    expect(ttl).toContain('dct:identifier "crocevia-demo:D.1"');
  });

  it('serves the observations of each published dataset as CSV, suppressing small counts of province × citizenship', async () => {
    const csv = (await t.app.inject({ url: '/opendata/datasets/istat-popstrbil1.csv' })).body.trim().split('\r\n');
    expect(csv[0]).toBe('FREQ,REF_AREA,DATA_TYPE,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS');
    expect(csv.length - 1).toBe(pop.length);
    expect(csv).toContain(`A,ITD55,FJAN,9,2023,${residents('ITD55', '2023')},`);
    const legacy = (await t.app.inject({ url: '/opendata/datasets/istat-inflows-protection.csv' })).body.trim().split('\r\n');
    const small = inflows.find((r) => r.ITTER107 === 'ITD55' && r.SEXISTAT1 === '9' && r.ISO !== 'WORLD' && Number(r.Value) > 0 && Number(r.Value) < 5)!;
    expect(legacy).toContain(`ITD55,INFLNONEU,9,${small.ISO},ALL1,${small.TIME},,c`);
    expect((await t.app.inject({ url: '/opendata/datasets/nope.csv' })).statusCode).toBe(404);
  });
});
