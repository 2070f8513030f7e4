import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { createFinderService, PLACES, renameWorkingCopy } from '../test/finder-factories.ts';
import { createCast, createServiceAs, type Cast } from '../test/helpers.ts';

const MONDAY_MORNING = '2026-11-30T09:30:00Z';
const AT = '2026-11-20T10:00:00.000Z';

describe('public finder: service pages, offline and static files', () => {
  let t: TestApp;
  let visitor: TestClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    visitor = t.client();
    const db = t.ctx.db;
    ids.permits = await createFinderService(db, {
      name: { it: 'Sportello permesso di soggiorno', ar: 'مكتب تصاريح الإقامة' },
      description: { it: 'Aiuto per il rinnovo del permesso di soggiorno.' },
      eligibility: { it: 'Cittadine e cittadini di paesi terzi.' },
      minimumAge: 18,
      needs: ['documents.permit-renewal'],
      languages: ['it', 'ar'],
      documents: [{ it: 'Passaporto' }, { it: 'Permesso in scadenza' }],
      phones: ['+39 051 123 4567'],
      email: 'sportello@example.org',
      url: 'https://example.org/sportello',
      lastVerifiedAt: new Date('2026-11-20T10:00:00Z'),
      places: [{ ...PLACES.bologna, transportation: { it: 'Autobus 11, fermata Piazza Maggiore.' } }],
      exceptions: [{ startsOn: '2026-12-08', endsOn: '2026-12-08', reason: { it: 'Immacolata' } }],
    });
    ids.canteen = await createFinderService(db, { name: { it: 'Mensa della solidarietà' }, isFree: false, places: [PLACES.imola] });
    await renameWorkingCopy(db, ids.canteen, { it: 'Nome di bozza non ancora pubblicato' });
    ids.machine = await createFinderService(db, {
      name: { it: 'Ambulatorio per stranieri' },
      nameText: {
        it: { value: 'Ambulatorio per stranieri', status: 'original', updatedAt: AT },
        en: { value: 'Clinic for foreigners', status: 'machine', updatedAt: AT },
      },
      places: [PLACES.modena],
    });
    ids.online = await createFinderService(db, { name: { it: 'Linea telefonica di ascolto' }, phones: ['800 123 456'], hours: [] });
    ids.draft = await createFinderService(db, { name: { it: 'Servizio segreto' }, state: 'draft', places: [PLACES.bologna] });
    ids.review = await createFinderService(db, { name: { it: 'Servizio segreto' }, state: 'in_review', places: [PLACES.bologna] });
    ids.archived = await createFinderService(db, { name: { it: 'Servizio segreto' }, state: 'archived', places: [PLACES.bologna] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows what the service offers, who may use it, documents, cost, languages, hours, place and contacts', async () => {
    const res = await visitor.get(`/it/services/${ids.permits}?now=${MONDAY_MORNING}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    for (const text of [
      '<h1 class="cv-page-title">Sportello permesso di soggiorno</h1>',
      'Aiuto per il rinnovo del permesso di soggiorno.',
      'Cittadine e cittadini di paesi terzi.',
      'Da 18 anni.',
      '<li>Passaporto</li>',
      'Il servizio è gratuito.',
      'arabo',
      'Aperto ora',
      '<th scope="row">lunedì</th>',
      '09:00–13:00',
      '8 dicembre 2026',
      'Piazza Maggiore 6',
      '40124 Bologna (BO)',
      'Autobus 11, fermata Piazza Maggiore.',
      'href="tel:+390511234567"',
      'href="geo:44.4939,11.3428?q=44.4939,11.3428(Sportello%20permesso%20di%20soggiorno)"',
      'href="https://www.openstreetmap.org/?mlat=44.4939&amp;mlon=11.3428#map=17/44.4939/11.3428"',
      'href="mailto:sportello@example.org"',
      'href="https://example.org/sportello"',
      'Informazioni verificate il 20 novembre 2026',
      `href="/it/services/${ids.permits}/print"`,
      'data-map hidden',
    ]) {
      expect(body, text).toContain(text);
    }
    expect(body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(body).toMatch(/<script src="\/assets\/finder\/map\.js\?v=[0-9a-f]{12}" defer/);
  });

  it('is rendered from the published snapshot, never from later edits of the working copy', async () => {
    const res = await visitor.get(`/it/services/${ids.canteen}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Mensa della solidarietà');
    expect(res.body).not.toContain('Nome di bozza');
    expect(res.body).toContain('Il servizio è a pagamento.');
  });

  it('says when a text falls back to another language or is machine-translated', async () => {
    const english = await visitor.get(`/en/services/${ids.canteen}`);
    expect(english.body).toContain('<h1 class="cv-page-title"><span lang="it" dir="ltr">Mensa della solidarietà</span></h1>');
    expect(english.body).toContain('This page is not yet available in English: it is shown in Italian.');
    const machine = await visitor.get(`/en/services/${ids.machine}`);
    expect(machine.body).toContain('Clinic for foreigners');
    expect(machine.body).toContain('Machine-translated text: it may contain mistakes.');
    const arabic = await visitor.get(`/ar/services/${ids.permits}`);
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain('مكتب تصاريح الإقامة');
    expect(arabic.body).toContain('<p lang="it" dir="ltr">Aiuto per il rinnovo del permesso di soggiorno.</p>');
    expect(arabic.body).toContain('cv-translation-note');
  });

  it('shows a service without a place and without hours', async () => {
    const res = await visitor.get(`/it/services/${ids.online}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Questo servizio non ha una sede aperta al pubblico');
    expect(res.body).toContain("L&#39;ente non ha indicato gli orari");
    expect(res.body).toContain('href="tel:800123456"');
    expect(res.body).not.toContain('cv-map-canvas');
  });

  it('answers 404 for unknown ids, drafts, services in review and archived services', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', ids.draft, ids.review, ids.archived]) {
      const res = await visitor.get(`/it/services/${id}`);
      expect(res.statusCode, id).toBe(404);
      expect(res.body).toContain('Pagina non trovata');
      expect(res.body).not.toContain('Servizio segreto');
      expect((await visitor.get(`/it/services/${id}/print`)).statusCode).toBe(404);
    }
  });

  it('has a printable view without the map', async () => {
    const res = await visitor.get(`/it/services/${ids.permits}/print`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Sportello permesso di soggiorno');
    expect(res.body).toContain('data-print hidden');
    expect(res.body).not.toContain('cv-map-canvas');
    expect(res.body).not.toContain('map.js');
  });

  it('serves the offline page, the service worker at the root scope and the finder files', async () => {
    const offline = await visitor.get('/ar/services/offline');
    expect(offline.statusCode).toBe(200);
    expect(offline.body).toContain('data-saved-list');
    const worker = await visitor.get('/sw.js');
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['service-worker-allowed']).toBe('/');
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.headers['content-type']).toContain('javascript');
    expect(worker.body).not.toContain('__VERSION__');
    const finder = await visitor.get('/it/services');
    const script = /src="(\/assets\/finder\/finder\.js\?v=[0-9a-f]{12})"/.exec(finder.body)![1]!;
    const file = await visitor.get(script);
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toContain('immutable');
    expect((await visitor.get('/assets/finder/leaflet.js')).statusCode).toBe(200);
    expect((await visitor.get('/assets/finder/nothing.js')).statusCode).toBe(404);
    const boundaries = await visitor.get('/assets/finder/boundaries/08.geojson');
    expect(boundaries.statusCode).toBe(200);
    expect((boundaries.json() as { features: unknown[] }).features).toHaveLength(9);
    expect((await visitor.get('/assets/finder/boundaries/99.geojson')).statusCode).toBe(404);
  });
});

describe('public finder: a service published by the staff appears', () => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('appears after the editor publishes it and leaves when it is archived', async () => {
    const id = await createServiceAs(cast.operatorA, { name: 'Sportello orientamento lavoro' });
    expect((await cast.anonymous.get('/it/services?q=orientamento')).body).not.toContain(id);
    expect((await cast.operatorA.client.post(`/it/directory/manage/services/${id}/submit`)).statusCode).toBe(303);
    expect((await cast.editor08.client.post(`/it/directory/manage/services/${id}/publish`)).statusCode).toBe(303);
    const found = await cast.anonymous.get('/it/services?q=orientamento');
    expect(found.body).toContain(`/it/services/${id}`);
    expect((await cast.anonymous.get(`/it/services/${id}`)).statusCode).toBe(200);
    expect((await cast.editor08.client.post(`/it/directory/manage/services/${id}/archive`)).statusCode).toBe(303);
    expect((await cast.anonymous.get('/it/services?q=orientamento')).body).not.toContain(`/it/services/${id}`);
    expect((await cast.anonymous.get(`/it/services/${id}`)).statusCode).toBe(404);
  });
});
