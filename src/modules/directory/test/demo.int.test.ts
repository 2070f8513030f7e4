import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { accountsModule } from '../../accounts/index.ts';
import { seedDirectoryDemo } from '../demo/seed-demo.ts';
import { signIn } from './helpers.ts';

describe('demo directory', () => {
  let t: TestApp;
  let seconds = 0;
  beforeAll(async () => {
    t = await createTestApp();
    await accountsModule.seedDemo?.(t.ctx);
    const started = Date.now();
    await seedDirectoryDemo(t.ctx);
    seconds = (Date.now() - started) / 1000;
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('loads over 300 services in real municipalities of both demo regions in a few seconds, once', async () => {
    expect(seconds).toBeLessThan(20);
    const { rows } = await sql<{ region_code: string; n: string; public: string; municipalities: string }>`
      select s.region_code, count(distinct s.id) as n, count(distinct s.id) filter (where s.is_public) as public, count(distinct l.municipality_code) as municipalities
      from directory_services s join directory_service_at_location sal on sal.service_id = s.id join directory_locations l on l.id = sal.location_id
      join territory_municipalities m on m.code = l.municipality_code and m.region_code = s.region_code
      group by s.region_code order by s.region_code`.execute(t.ctx.db);
    expect(rows.map((r) => r.region_code)).toEqual(['08', '19']);
    expect(rows.reduce((sum, r) => sum + Number(r.n), 0)).toBeGreaterThanOrEqual(300);
    for (const r of rows) expect(Number(r.municipalities)).toBeGreaterThanOrEqual(10);
    const snapshots = await sql<{ n: string }>`select count(*) as n from directory_services where is_public and published_snapshot->'service'->>'id' = id::text`.execute(t.ctx.db);
    expect(Number(snapshots.rows[0]!.n)).toBeGreaterThan(250);
    await seedDirectoryDemo(t.ctx);
    const again = await sql<{ n: string }>`select count(*) as n from directory_services`.execute(t.ctx.db);
    expect(Number(again.rows[0]!.n)).toBe(rows.reduce((sum, r) => sum + Number(r.n), 0));
  });

  it('gives the demo operator of Comune di Bologna services to work on, and translators work in every language', async () => {
    const { rows } = await sql<{ person_id: string }>`
      select m.person_id from accounts_memberships m join accounts_organisations o on o.id = m.organisation_id
      where m.role_key = 'directory_operator' and o.name = 'Comune di Bologna' limit 1`.execute(t.ctx.db);
    expect(rows).toHaveLength(1);
    const client = t.client();
    await signIn(client, rows[0]!.person_id, t.ctx.db);
    const home = await client.get('/it/directory/manage');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('In revisione');
    expect(home.body).toContain('Comune di Bologna');
    expect(home.body).not.toContain('Comune di Palermo');
    const { rows: translators } = await sql<{ person_id: string }>`
      select m.person_id from accounts_memberships m join accounts_organisations o on o.id = m.organisation_id
      where m.role_key = 'directory_translator' and o.region_code = '19' limit 1`.execute(t.ctx.db);
    const translator = t.client();
    await signIn(translator, translators[0]!.person_id, t.ctx.db);
    for (const language of ['en', 'ar', 'bn']) {
      const list = await translator.get(`/it/directory/manage/translations?language=${language}`);
      expect(list.body, language).toMatch(/\d+ servizi da tradurre/);
    }
    expect((await translator.get('/it/directory/manage/translations?language=en')).body).toContain('<td><code>description</code>');
  });
});
