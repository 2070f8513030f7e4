import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { onPublicationChange } from '../data/repository.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';
import { createCast, createPerson, createServiceAs, serviceForm, signIn, type Cast } from './helpers.ts';

const manage = (id: string, rest = '') => `/it/directory/manage/services/${id}${rest}`;

describe('directory staff: services and their workflow', () => {
  let t: TestApp;
  let cast: Cast;
  const notified: string[] = [];
  let stopListening: () => void;
  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    stopListening = onPublicationChange(async (_trx, serviceId) => {
      notified.push(serviceId);
    });
  });
  afterAll(async () => {
    stopListening();
    await t.close();
  });

  const serviceRow = async (id: string) =>
    (await sql<{ workflow_state: string; is_public: boolean; published_snapshot: ServiceSnapshot | null; review_note: string | null; name: Record<string, { value: string; status: string }> }>`
      select workflow_state, is_public, published_snapshot, review_note, name from directory_services where id = ${id}`.execute(t.ctx.db)).rows[0]!;

  it('sends anonymous visitors to the login page and hides the pages from people without directory rights', async () => {
    const res = await cast.anonymous.get('/it/directory/manage');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/it/login?next=%2Fit%2Fdirectory%2Fmanage');
    const nobody = await createPerson(t.ctx.db);
    const client = t.client();
    await signIn(client, nobody.id, t.ctx.db);
    expect((await client.get('/it/directory/manage')).statusCode).toBe(404);
  });

  it('lets an operator create a draft service with its needs, documents, languages and phone, logged in HSDS metadata', async () => {
    const form = await cast.operatorA.client.get('/it/directory/manage/services/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="needs"');
    const id = await createServiceAs(cast.operatorA);
    const page = await cast.operatorA.client.get(`${manage(id)}?done=created`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Servizio creato in bozza.');
    expect(page.body).toContain('Permesso di soggiorno: richiesta e rinnovo');
    expect(page.body).toContain('Passaporto');
    const row = await serviceRow(id);
    expect(row.workflow_state).toBe('draft');
    expect(row.is_public).toBe(false);
    expect(row.name.it).toMatchObject({ value: 'Sportello permessi di soggiorno', status: 'original' });
    const { rows: meta } = await sql<{ field_name: string; last_action_type: string; updated_by: string }>`
      select field_name, last_action_type, updated_by from directory_metadata where resource_id = ${id}`.execute(t.ctx.db);
    expect(meta.map((m) => m.field_name)).toEqual(expect.arrayContaining(['name.it', 'description.it', 'languages', 'needs', 'phones', 'required_documents[1].it']));
    expect(meta.every((m) => m.last_action_type === 'create' && m.updated_by === cast.operatorA.name)).toBe(true);
  });

  it('re-renders the form with 422 and names every field at fault, in the reader’s language', async () => {
    const body = { owner: `account:${cast.operatorA.organisationId}`, originalLocale: 'it', ...serviceForm({ name: '', minimumAge: '30', maximumAge: '18', cost: 'paid', phone1Number: 'chiamare' }) };
    const it = await cast.operatorA.client.post('/it/directory/manage/services', body);
    expect(it.statusCode).toBe(422);
    expect(it.body).toContain('href="#field-name">Nome del servizio: questo campo è obbligatorio');
    expect(it.body).toContain('Età massima: non può essere inferiore all&#39;età minima (30)');
    expect(it.body).toContain('Tariffe: descrivi le tariffe');
    expect(it.body).toContain('Telefono: scrivi un numero di telefono');
    const en = await cast.operatorA.client.post('/en/directory/manage/services', body);
    expect(en.statusCode).toBe(422);
    expect(en.body).toContain('Maximum age: must not be lower than the minimum age (30)');
    const { rows } = await sql<{ n: string }>`select count(*) as n from directory_services where name->'it'->>'value' = ''`.execute(t.ctx.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('keeps organisations apart: another organisation’s operator and another region’s editor get "not found"', async () => {
    const id = await createServiceAs(cast.operatorA, { name: 'Servizio riservato A' });
    for (const path of ['', '/edit', '/hours', '/changes', '/locations/new']) {
      expect((await cast.operatorB.client.get(manage(id, path))).statusCode, `operator B ${path}`).toBe(404);
      expect((await cast.editor19.client.get(manage(id, path))).statusCode, `editor 19 ${path}`).toBe(404);
    }
    expect((await cast.operatorB.client.post(manage(id, '/edit'), serviceForm({ name: 'Preso!' }))).statusCode).toBe(404);
    expect((await cast.editor19.client.post(manage(id, '/archive'))).statusCode).toBe(404);
    expect((await cast.operatorB.client.post(manage(id, '/verify'))).statusCode).toBe(404);
    expect((await serviceRow(id)).name.it?.value).toBe('Servizio riservato A');
    const listB = await cast.operatorB.client.get('/it/directory/manage');
    expect(listB.body).not.toContain('Servizio riservato A');
    const list08 = await cast.editor08.client.get('/it/directory/manage?q=riservato');
    expect(list08.body).toContain('Servizio riservato A');
    expect((await cast.editor19.client.get('/it/directory/manage?q=riservato')).body).not.toContain('Servizio riservato A');
  });

  it('runs draft → in review → published, sends back with a note, and archives and restores', async () => {
    const id = await createServiceAs(cast.operatorA, { name: 'Corso di italiano serale' });
    expect((await cast.operatorA.client.post(manage(id, '/publish'))).statusCode).toBe(404);
    expect((await cast.operatorA.client.post(manage(id, '/submit'))).headers.location).toBe(`${manage(id)}?done=submitted`);
    expect((await cast.operatorA.client.post(manage(id, '/submit'))).statusCode).toBe(409);
    const queue = await cast.editor08.client.get('/it/directory/manage?state=in_review');
    expect(queue.body).toContain('Corso di italiano serale');
    const noNote = await cast.editor08.client.post(manage(id, '/send-back'), { note: '' });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.body).toContain('scrivi che cosa va cambiato');
    expect((await cast.editor08.client.post(manage(id, '/send-back'), { note: 'Aggiungere gli orari.' })).statusCode).toBe(303);
    expect(await serviceRow(id)).toMatchObject({ workflow_state: 'draft', review_note: 'Aggiungere gli orari.' });
    expect((await cast.operatorA.client.get(manage(id))).body).toContain('Aggiungere gli orari.');
    await cast.operatorA.client.post(manage(id, '/submit'));
    notified.length = 0;
    expect((await cast.editor08.client.post(manage(id, '/publish'))).headers.location).toBe(`${manage(id)}?done=published`);
    let row = await serviceRow(id);
    expect(row).toMatchObject({ workflow_state: 'published', is_public: true, review_note: null });
    expect(row.published_snapshot?.service.name.it?.value).toBe('Corso di italiano serale');
    expect(notified).toEqual([id]);
    await cast.editor08.client.post(manage(id, '/archive'));
    row = await serviceRow(id);
    expect(row).toMatchObject({ workflow_state: 'archived', is_public: false });
    expect((await cast.operatorA.client.get(manage(id, '/edit'))).statusCode).toBe(409);
    await cast.editor08.client.post(manage(id, '/restore'));
    row = await serviceRow(id);
    expect(row).toMatchObject({ workflow_state: 'draft', is_public: false, published_snapshot: null });
    expect(notified).toEqual([id, id, id]);
    const { rows } = await sql<{ last_action_type: string }>`select last_action_type from directory_metadata where resource_id = ${id} and field_name = 'workflow_state' order by recorded_at`.execute(t.ctx.db);
    expect(rows.map((r) => r.last_action_type)).toEqual(['submit', 'sendBack', 'submit', 'publish', 'archive', 'restore']);
  });

  it('keeps the published snapshot public while a published service is edited, and shows the editor what changed', async () => {
    const id = await createServiceAs(cast.operatorA, { name: 'Consulenza legale gratuita' });
    await cast.operatorA.client.post(manage(id, '/submit'));
    await cast.editor08.client.post(manage(id, '/publish'));
    notified.length = 0;
    const edit = await cast.operatorA.client.post(manage(id, '/edit'), serviceForm({ name: 'Consulenza legale gratuita', description: 'Avvocati volontari rispondono su permessi, lavoro e casa.', languages: ['it', 'fr'] }));
    expect(edit.headers.location).toBe(`${manage(id)}?done=saved`);
    const row = await serviceRow(id);
    expect(row.workflow_state).toBe('draft');
    expect(row.is_public).toBe(true);
    expect(row.published_snapshot?.service.description?.it?.value).toBe('Aiuto gratuito per compilare il kit postale e seguire la pratica del permesso.');
    expect(notified).toEqual([]);
    const changes = await cast.editor08.client.get(manage(id, '/changes'));
    expect(changes.statusCode).toBe(200);
    expect(changes.body).toContain('<code>description.it</code>');
    expect(changes.body).toContain('<del>Aiuto gratuito per compilare il kit postale e seguire la pratica del permesso.</del>');
    expect(changes.body).toContain('<ins>Avvocati volontari rispondono su permessi, lavoro e casa.</ins>');
    expect(changes.body).toContain('<del>ar, en, it, ti</del>');
    expect(changes.body).toContain('<ins>fr, it, ti</ins>');
    expect(changes.body).toContain(cast.operatorA.name);
    await cast.editor08.client.post(manage(id, '/publish'));
    expect((await serviceRow(id)).published_snapshot?.service.description?.it?.value).toBe('Avvocati volontari rispondono su permessi, lavoro e casa.');
    expect((await cast.editor08.client.get(manage(id, '/changes'))).body).toContain('Nessuna differenza');
  });

  it('says nothing changed when the form comes back the same, and writes no metadata', async () => {
    const id = await createServiceAs(cast.operatorA, { name: 'Mediazione in ospedale' });
    const before = await sql<{ n: string }>`select count(*) as n from directory_metadata where resource_id = ${id}`.execute(t.ctx.db);
    const res = await cast.operatorA.client.post(manage(id, '/edit'), serviceForm({ name: 'Mediazione in ospedale' }));
    expect(res.headers.location).toBe(`${manage(id)}?done=unchanged`);
    const after = await sql<{ n: string }>`select count(*) as n from directory_metadata where resource_id = ${id}`.execute(t.ctx.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
