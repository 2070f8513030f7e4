import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';

describe('territory API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the 20 regions', async () => {
    const res = await t.app.inject({ url: '/api/v1/territory/regions' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: string }[];
    expect(items).toHaveLength(20);
    expect(items.find((r) => r.code === '08')?.name).toBe('Emilia-Romagna');
  });

  it('lists the provinces of Sicily and refuses an unknown region', async () => {
    const res = await t.app.inject({ url: '/api/v1/territory/regions/19/provinces' });
    expect(res.json().items).toHaveLength(9);
    expect((await t.app.inject({ url: '/api/v1/territory/regions/99/provinces' })).statusCode).toBe(404);
  });

  it('finds municipalities by name without accents and pages them', async () => {
    const res = await t.app.inject({ url: '/api/v1/territory/municipalities?q=aglie&region=01' });
    const body = res.json();
    expect(body.items.map((m: { name: string }) => m.name)).toContain('Agliè');
    const bologna = (await t.app.inject({ url: '/api/v1/territory/municipalities/037006' })).json();
    expect(bologna).toMatchObject({ name: 'Bologna', provinceCode: '237', regionCode: '08', isProvinceCapital: true });
    expect(bologna.latitude).toBeCloseTo(44.5, 0);
    const all = (await t.app.inject({ url: '/api/v1/territory/municipalities?per_page=1' })).json();
    expect(all.total).toBe(7901);
  });

  it('names countries and languages in the language asked for', async () => {
    const countries = (await t.app.inject({ url: '/api/v1/territory/countries?lang=ar' })).json().items as { code: string; name: string }[];
    expect(countries.find((c) => c.code === 'MA')?.name).toBe('المغرب');
    const languages = (await t.app.inject({ url: '/api/v1/territory/languages?lang=it' })).json().items as { code: string; name: string; autonym: string }[];
    expect(languages.find((l) => l.code === 'bn')).toMatchObject({ name: 'bengalese', autonym: 'বাংলা' });
  });

  it('serves the province boundaries of a region as GeoJSON', async () => {
    const res = await t.app.inject({ url: '/api/v1/territory/boundaries/provinces.geojson?region=08' });
    expect(res.headers['content-type']).toContain('application/geo+json');
    const features = res.json().features as { properties: { code: string } }[];
    expect(features).toHaveLength(9);
    expect(features.map((f) => f.properties.code)).toContain('237');
  });
});
