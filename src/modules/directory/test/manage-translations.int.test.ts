import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';
import { createCast, createServiceAs, serviceForm, type Cast } from './helpers.ts';

const manage = (id: string, rest = '') => `/it/directory/manage/services/${id}${rest}`;

describe('directory staff: translators', () => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const texts = async (id: string) =>
    (await sql<{ name: TranslatedText; description: TranslatedText; published_snapshot: ServiceSnapshot | null; workflow_state: string }>`
      select name, description, published_snapshot, workflow_state from directory_services where id = ${id}`.execute(t.ctx.db)).rows[0]!;

  it('lists per language the services with missing or outdated texts, within the translator’s region', async () => {
    const id = await createServiceAs(cast.operatorA, { name: 'Sportello casa' });
    const list = await cast.translator08.client.get('/it/directory/manage/translations?language=bn');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Sportello casa');
    expect(list.body).toContain('<code>description</code>');
    expect(list.body).toContain('<code>required_documents[1]</code>');
    expect((await cast.editor19.client.get('/it/directory/manage/translations?language=bn')).body).not.toContain('Sportello casa');
    expect((await cast.translator08.client.get(manage(id, '/translations/bn'))).statusCode).toBe(200);
    expect((await cast.translator08.client.get(manage(id, '/translations/it'))).statusCode).toBe(404);
  });

  it('saves translations with their status; changing the original marks them outdated', async () => {
    const id = await createServiceAs(cast.operatorA, { name: 'Sportello lavoro' });
    const { rows: docs } = await sql<{ id: string }>`select id from directory_required_documents where service_id = ${id} order by position`.execute(t.ctx.db);
    const res = await cast.translator08.client.post(manage(id, '/translations/en'), {
      value_name: 'Job desk',
      status_name: 'reviewed',
      value_description: 'Free help with the post-office kit and the permit application.',
      status_description: 'machine',
      [`value_document_${docs[0]!.id}`]: 'Passport',
      [`status_document_${docs[0]!.id}`]: 'reviewed',
    });
    expect(res.headers.location).toBe(`${manage(id, '/translations/en')}?done=translated`);
    let row = await texts(id);
    expect(row.name.en).toMatchObject({ value: 'Job desk', status: 'reviewed' });
    expect(row.description.en).toMatchObject({ status: 'machine' });
    expect(row.workflow_state).toBe('draft');
    const { rows: meta } = await sql<{ field_name: string; last_action_type: string }>`
      select field_name, last_action_type from directory_metadata where resource_id = ${id} and last_action_type = 'translate' order by field_name`.execute(t.ctx.db);
    expect(meta.map((m) => m.field_name)).toEqual(['description.en', 'name.en', 'required_documents[1].en']);
    await cast.operatorA.client.post(manage(id, '/edit'), serviceForm({ name: 'Sportello lavoro', description: 'Orientamento al lavoro e aiuto con il curriculum.' }));
    row = await texts(id);
    expect(row.description.en?.status).toBe('outdated');
    expect(row.name.en?.status).toBe('reviewed');
    const list = await cast.translator08.client.get('/it/directory/manage/translations?language=en');
    expect(list.body).toMatch(/Sportello lavoro<\/a><\/th>\s*<td>.*<\/td><td><code>description<\/code>/s);
  });

  it('lets a translator translate a public service at once, without reopening a draft, but not edit it', async () => {
    const id = await createServiceAs(cast.operatorA, { name: 'Consultorio familiare' });
    await cast.operatorA.client.post(manage(id, '/submit'));
    await cast.editor08.client.post(manage(id, '/publish'));
    expect((await cast.translator08.client.get(manage(id, '/edit'))).statusCode).toBe(404);
    expect((await cast.translator08.client.post(manage(id, '/publish'))).statusCode).toBe(404);
    await cast.translator08.client.post(manage(id, '/translations/ar'), { value_name: 'مركز الاستشارة العائلية', status_name: 'reviewed' });
    const row = await texts(id);
    expect(row.workflow_state).toBe('published');
    expect(row.published_snapshot?.service.name.ar?.value).toBe('مركز الاستشارة العائلية');
    const form = await cast.translator08.client.get(manage(id, '/translations/ar'));
    expect(form.body).toContain('lang="ar" dir="rtl"');
  });

  it('refuses translations into other regions and of unknown services', async () => {
    const id = await createServiceAs(cast.operatorA, { name: 'Sportello antidiscriminazione' });
    expect((await cast.editor19.client.post(manage(id, '/translations/en'), { value_name: 'x', status_name: 'reviewed' })).statusCode).toBe(404);
    expect((await cast.translator08.client.get(manage('00000000-0000-4000-8000-000000000000', '/translations/en'))).statusCode).toBe(404);
    expect((await cast.translator08.client.get(manage('not-a-uuid', '/translations/en'))).statusCode).toBe(404);
    expect((await texts(id)).name.en).toBeUndefined();
  });
});
