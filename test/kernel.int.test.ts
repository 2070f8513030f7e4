import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('kernel over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the health check after querying the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.kind });
  });

  it('redirects / by Accept-Language, defaulting to Italian', async () => {
    expect((await t.app.inject({ url: '/', headers: { 'accept-language': 'ar-MA,ar;q=0.9,fr;q=0.8' } })).headers.location).toBe('/ar');
    expect((await t.app.inject({ url: '/', headers: { 'accept-language': 'de-DE' } })).headers.location).toBe('/it');
    expect((await t.app.inject({ url: '/' })).headers.location).toBe('/it');
  });

  it('renders pages with the right language and direction', async () => {
    const ar = await t.app.inject({ url: '/ar' });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('bootstrap-italia.rtl.css');
    const zh = await t.app.inject({ url: '/zh' });
    expect(zh.body).toContain('<html lang="zh" dir="ltr">');
  });

  it('answers an unknown language or page with a localised 404 page', async () => {
    const res = await t.app.inject({ url: '/xx/nothing' });
    expect(res.statusCode).toBe(404);
    const en = await t.app.inject({ url: '/en/nothing-here' });
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('Page not found');
  });

  it('answers API errors as problem+json in the language asked', async () => {
    const res = await t.app.inject({ url: '/api/v1/territory/municipalities?per_page=9999', headers: { 'accept-language': 'it' } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.errors[0].field).toBe('per_page');
    expect(body.errors[0].message).toContain('al massimo');
  });

  it('refuses a form without its anti-forgery token', async () => {
    const client = t.client();
    const res = await client.post('/it/login', { email: 'x@example.org', password: 'whatever', _csrf: 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Modulo scaduto');
  });

  it('publishes an OpenAPI 3.1 document and its readable reference', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/territory/regions');
    const page = await t.app.inject({ url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/api/v1/territory/regions');
  });

  it('serves the assets with long caching when versioned', async () => {
    const res = await t.app.inject({ url: '/assets/icons.svg?v=x' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
  });
});
