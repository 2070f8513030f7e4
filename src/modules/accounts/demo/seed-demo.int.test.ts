import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { verifyPassword } from '../passwords.ts';
import { signIn } from '../test/factories.ts';
import { ORGANISATION_TYPES } from '../permissions.ts';
import { DEMO_PASSWORD, seedAccountsDemo } from './seed-demo.ts';
import type { DemoLogin } from '../../../kernel/module.ts';

describe('accounts demo', () => {
  let t: TestApp;
  let logins: DemoLogin[];

  beforeAll(async () => {
    t = await createTestApp();
    logins = await seedAccountsDemo(t.ctx);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates an organisation of every type in Emilia-Romagna and Sicilia, placed consistently', async () => {
    const { rows } = await sql<{ region_code: string; type: string; province_ok: boolean }>`
      select o.region_code, o.type, (m.province_code = o.province_code and m.region_code = o.region_code and p.region_code = o.region_code) as province_ok
      from accounts_organisations o
      join territory_municipalities m on m.code = o.municipality_code
      join territory_provinces p on p.code = o.province_code`.execute(t.ctx.db);
    for (const region of ['08', '19']) {
      expect(rows.filter((r) => r.region_code === region).map((r) => r.type).sort()).toEqual([...ORGANISATION_TYPES].sort());
    }
    expect(rows.every((r) => r.province_ok)).toBe(true);
  });

  it('makes one demo person per role and region, and a platform administrator, all with the demo password', async () => {
    const regional = t.ctx.roles.filter((r) => r.scope !== 'national');
    expect(logins).toHaveLength(1 + regional.length * 2 + t.ctx.roles.filter((r) => r.scope === 'national').length);
    expect(logins).toContainEqual({ email: 'admin@demo.crocevia.it', password: DEMO_PASSWORD, description: 'Platform administrator, every region' });
    expect(logins).toContainEqual({ email: 'region-admin.er@demo.crocevia.it', password: DEMO_PASSWORD, description: 'Regional administrator, Emilia-Romagna' });
    expect(logins.map((l) => l.email)).toEqual(expect.arrayContaining(['org-admin.er@demo.crocevia.it', 'staff.er@demo.crocevia.it', 'region-admin.sic@demo.crocevia.it', 'staff.sic@demo.crocevia.it']));
    const { rows } = await sql<{ email: string; password_hash: string; role_key: string | null; type: string | null; region_code: string | null }>`
      select p.email, p.password_hash, m.role_key, o.type, o.region_code from accounts_people p
      left join accounts_memberships m on m.person_id = p.id left join accounts_organisations o on o.id = m.organisation_id`.execute(t.ctx.db);
    const regionAdmin = rows.find((r) => r.email === 'region-admin.sic@demo.crocevia.it')!;
    expect(regionAdmin).toMatchObject({ role_key: 'region_admin', type: 'region', region_code: '19' });
    expect(rows.find((r) => r.email === 'org-admin.er@demo.crocevia.it')).toMatchObject({ role_key: 'org_admin', type: 'municipality', region_code: '08' });
    expect(await verifyPassword(regionAdmin.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('lets each demo administrator work within their own region only', async () => {
    const { rows } = await sql<{ id: string }>`select id from accounts_people where email = 'region-admin.er@demo.crocevia.it'`.execute(t.ctx.db);
    const client = t.client();
    await signIn(client, rows[0]!.id, t.ctx.db);
    const list = (await client.api('GET', '/api/v1/accounts/organisations?per_page=100')).json();
    expect(list.total).toBe(ORGANISATION_TYPES.length);
    expect(list.items.every((o: { regionCode: string }) => o.regionCode === '08')).toBe(true);
  });

  it('does nothing when run again', async () => {
    expect(await seedAccountsDemo(t.ctx)).toEqual([]);
  });
});
