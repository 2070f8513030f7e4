import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { needTermId } from '../reference/needs-taxonomy.ts';
import { archiveDirectly, createFinderService, PLACES, renameWorkingCopy } from '../test/finder-factories.ts';

// Monday 30 November 2026, 10:30 in Rome; Tuesday 1 December 15:00; Tuesday 8 December (a holiday) 10:30.
const MONDAY_MORNING = '2026-11-30T09:30:00Z';
const TUESDAY_AFTERNOON = '2026-12-01T14:00:00Z';
const HOLIDAY_MORNING = '2026-12-08T09:30:00Z';

/** The service ids of the results, in order. */
const resultIds = (body: string): string[] => [...body.matchAll(/class="cv-result-title"><a href="\/[a-z]{2}\/services\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);

describe('public finder: search', () => {
  let t: TestApp;
  let visitor: TestClient;
  const ids: Record<string, string> = {};
  const find = async (query: string, lang = 'it') => {
    const res = await visitor.get(`/${lang}/services?${query}`);
    return { status: res.statusCode, body: res.body, ids: resultIds(res.body) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    visitor = t.client();
    const db = t.ctx.db;
    ids.permits = await createFinderService(db, {
      name: { it: 'Sportello permesso di soggiorno', en: 'Residence permit desk', ar: 'مكتب تصاريح الإقامة' },
      description: { it: 'Aiuto per il rinnovo del permesso di soggiorno e per il kit postale.' },
      needs: ['documents.permit-renewal'],
      languages: ['it', 'ar', 'en'],
      eligibility: { it: 'Cittadine e cittadini di paesi terzi che vivono in provincia.' },
      minimumAge: 18,
      documents: [{ it: 'Passaporto' }, { it: 'Permesso in scadenza' }],
      phones: ['+39 051 123 4567'],
      email: 'sportello@example.org',
      url: 'https://example.org/sportello',
      lastVerifiedAt: new Date('2026-11-20T10:00:00Z'),
      places: [{ ...PLACES.bologna, transportation: { it: 'Autobus 11 e 27, fermata Piazza Maggiore.' } }],
      exceptions: [{ startsOn: '2026-12-08', endsOn: '2026-12-08', reason: { it: 'Immacolata' } }],
    });
    ids.course = await createFinderService(db, {
      name: { it: 'Corso di italiano per adulti' },
      description: { it: 'Lezioni serali di lingua italiana, livelli A1 e A2.' },
      needs: ['language-school.italian-courses'],
      languages: ['it', 'fr'],
      isFree: false,
      feesDescription: { it: 'Iscrizione 20 euro.' },
      places: [PLACES.imola],
      hours: [{ day: 'SA', opens: '10:00', closes: '12:00' }],
    });
    ids.legal = await createFinderService(db, {
      name: { it: 'Consulenza legale gratuita', ar: 'استشارة قانونية مجانية' },
      description: { it: 'Assistenza legale per richiedenti asilo e ricorsi.' },
      needs: ['asylum.legal-advice'],
      languages: ['it', 'ar', 'ur'],
      places: [PLACES.modena],
      hours: [{ day: 'TU', opens: '14:00', closes: '18:00' }],
    });
    ids.canteen = await createFinderService(db, { name: { it: 'Mensa della solidarietà' }, needs: ['family-social.food-aid'], places: [PLACES.bologna] });
    await renameWorkingCopy(db, ids.canteen, { it: 'Nome di bozza non ancora pubblicato' });
    ids.draft = await createFinderService(db, { name: { it: 'Servizio segreto in bozza' }, state: 'draft', places: [PLACES.bologna] });
    ids.review = await createFinderService(db, { name: { it: 'Servizio segreto in revisione' }, state: 'in_review', places: [PLACES.bologna] });
    ids.archived = await createFinderService(db, { name: { it: 'Servizio segreto archiviato' }, state: 'archived', places: [PLACES.bologna] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists every published service and nothing else when nothing is asked', async () => {
    const { status, ids: found } = await find('');
    expect(status).toBe(200);
    expect(found.sort()).toEqual([ids.permits, ids.course, ids.legal, ids.canteen].sort());
  });

  it('finds text with typos and reports the words it searched instead', async () => {
    const { ids: found, body } = await find('q=permeso+di+sogiorno');
    expect(found).toEqual([ids.permits]);
    expect(body).toContain('Abbiamo cercato anche');
    expect(body).toContain('permesso');
  });

  it('ignores accents and finds Italian words by their stem', async () => {
    expect((await find('q=solidarieta')).ids).toEqual([ids.canteen]);
    expect((await find('q=SOLIDARIET%C3%80')).ids).toEqual([ids.canteen]);
    expect((await find('q=corsi')).ids).toEqual([ids.course]);
    expect((await find('q=lezione+serale')).ids).toEqual([ids.course]);
  });

  it('searches the other languages of the content', async () => {
    expect((await find('q=residence+permit')).ids).toEqual([ids.permits]);
    expect((await find(`q=${encodeURIComponent('قانونية')}`, 'ar')).ids).toEqual([ids.legal]);
  });

  it('filters by need, a need finding its sub-needs', async () => {
    expect((await find(`need=${needTermId('asylum')}`)).ids).toEqual([ids.legal]);
    expect((await find(`need=${needTermId('asylum.legal-advice')}`)).ids).toEqual([ids.legal]);
    expect((await find(`need=${needTermId('asylum.appeals')}`)).ids).toEqual([]);
    expect((await find(`need=${needTermId('documents')}`)).ids).toEqual([ids.permits]);
  });

  it('filters by municipality and by province', async () => {
    expect((await find('municipality=imola')).ids).toEqual([ids.course]);
    expect((await find('municipality=Imola+(BO)')).ids).toEqual([ids.course]);
    expect((await find('municipality=037032')).ids).toEqual([ids.course]);
    expect((await find('province=237')).ids.sort()).toEqual([ids.permits, ids.course, ids.canteen].sort());
    expect((await find('province=036')).ids).toEqual([ids.legal]);
  });

  it('filters by language spoken and offers only the languages spoken at published services, named in the page language', async () => {
    expect((await find('language=ar')).ids.sort()).toEqual([ids.permits, ids.legal].sort());
    expect((await find('language=fr')).ids).toEqual([ids.course]);
    const { body } = await find('', 'en');
    const options = [...body.matchAll(/<option value="([a-z]{2,3})"[^>]*>([^<]*)<\/option>/g)].filter((m) => ['ar', 'fr', 'ur', 'en', 'it'].includes(m[1]!));
    expect(options.map((m) => m[1]).sort()).toEqual(['ar', 'en', 'fr', 'it', 'ur']);
    expect(options.find((m) => m[1] === 'ar')?.[2]).toBe('Arabic – العربية');
  });

  it('filters free services', async () => {
    expect((await find('free=true')).ids.sort()).toEqual([ids.permits, ids.legal, ids.canteen].sort());
  });

  it('tells what is open now, with the weekly hours and the closures of the day', async () => {
    const monday = await find(`open=true&now=${MONDAY_MORNING}`);
    expect(monday.ids.sort()).toEqual([ids.permits, ids.canteen].sort());
    expect((await find(`open=true&now=${TUESDAY_AFTERNOON}`)).ids).toEqual([ids.legal]);
    expect((await find(`open=true&now=${HOLIDAY_MORNING}`)).ids).toEqual([ids.canteen]);
    const all = await find(`now=${MONDAY_MORNING}&q=consulenza`);
    expect(all.body).toContain('Chiuso ora');
  });

  it('sorts by distance from a position and shows the distance', async () => {
    const { ids: found, body } = await find('lat=44.647&lon=10.925&radius=100');
    expect(found[0]).toBe(ids.legal);
    expect(found.slice(1, 3).sort()).toEqual([ids.permits, ids.canteen].sort());
    expect(found[3]).toBe(ids.course);
    expect(body).toMatch(/a (\d+ m|0,\d km)/);
    expect((await find('lat=44.647&lon=10.925&radius=5')).ids).toEqual([ids.legal]);
  });

  it('never shows drafts, services in review, archived services or unpublished edits', async () => {
    const { body, ids: found } = await find('q=segreto');
    expect(found).toEqual([]);
    expect(body).toContain('Nessun servizio trovato');
    const listing = (await find('')).body;
    for (const hidden of ['segreto', 'Nome di bozza']) expect(listing).not.toContain(hidden);
    expect(listing).toContain('Mensa della solidarietà');
  });

  it('answers bad input with localised messages that name the field, never a server error', async () => {
    const cases: [string, string][] = [
      ['municipality=Bolognaa', 'non conosciamo un comune chiamato «Bolognaa»'],
      ['province=036&municipality=Imola', 'in provincia di Modena non c&#39;è un comune chiamato «Imola»'],
      ['municipality=Castro', '2 comuni si chiamano «Castro»'],
      ['province=999', 'scegli una provincia dall&#39;elenco'],
      ['need=legal', 'scegli un bisogno dall&#39;elenco'],
      [`need=${needTermId('no-such-need')}`, 'scegli un bisogno dall&#39;elenco'],
      ['language=xx', 'scegli una lingua dall&#39;elenco'],
      ['lat=91&lon=11', 'la posizione ricevuta non è valida'],
      ['page=9999', 'questa pagina di risultati non esiste'],
      ['page=abc', 'questa pagina di risultati non esiste'],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await find(query);
      expect(status, query).toBe(422);
      expect(body, query).toContain(message);
      expect(body, query).toContain('id="error-summary"');
    }
    const ambiguous = await find('municipality=Castro');
    expect(ambiguous.body).toContain('Castro (BG)');
    expect(ambiguous.body).toContain('Castro (LE)');
    const english = await find('municipality=Bolognaa', 'en');
    expect(english.body).toContain('we do not know a municipality called “Bolognaa”');
  });

  it('says so when nothing matches', async () => {
    const { status, body, ids: found } = await find('q=zzzqqqxxx');
    expect(status).toBe(200);
    expect(found).toEqual([]);
    expect(body).toContain('Nessun servizio trovato');
    expect(body).toContain('Prova con meno filtri');
  });

  it('lists the services of an area for saving them offline, published ones only', async () => {
    const res = await visitor.get('/api/v1/directory/finder/area?province=237&lang=en');
    expect(res.statusCode).toBe(200);
    const area = res.json() as { items: { id: string; name: string; path: string }[]; isTruncated: boolean };
    expect(area.items.map((i) => i.id).sort()).toEqual([ids.permits, ids.course, ids.canteen].sort());
    expect(area.items.find((i) => i.id === ids.permits)).toEqual({ id: ids.permits, name: 'Residence permit desk', path: `/en/services/${ids.permits}` });
    expect((await visitor.get('/api/v1/directory/finder/area?municipality=037032')).json().items.map((i: { id: string }) => i.id)).toEqual([ids.course]);
    expect((await visitor.get('/api/v1/directory/finder/area')).statusCode).toBe(422);
    expect((await visitor.get('/api/v1/directory/finder/area?province=999')).statusCode).toBe(422);
    expect((await visitor.get('/api/v1/directory/finder/area?province=BO')).statusCode).toBe(422);
  });

  it('drops an archived service from the finder in the same transaction', async () => {
    const extra = await createFinderService(t.ctx.db, { name: { it: 'Sportello da archiviare' }, places: [PLACES.bologna] });
    expect((await find('q=archiviare')).ids).toEqual([extra]);
    await archiveDirectly(t.ctx.db, extra);
    expect((await find('q=archiviare')).ids).toEqual([]);
    expect((await visitor.get(`/it/services/${extra}`)).statusCode).toBe(404);
  });
});
