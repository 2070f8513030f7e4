import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createCast, createOrganisation, createPerson, createServiceAs, signIn, type Cast } from './helpers.ts';

const manage = (id: string, rest = '') => `/it/directory/manage/services/${id}${rest}`;
const DAY = 24 * 60 * 60 * 1000;

describe('directory staff: verification, stale records and reminders', () => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const age = async (id: string, days: number) => {
    const at = new Date(Date.now() - days * DAY);
    await sql`update directory_services set created_at = ${at}, last_verified_at = ${at} where id = ${id}`.execute(t.ctx.db);
  };

  it('marks a service as verified: date and person shown, public snapshot updated, not a new draft', async () => {
    const id = await createServiceAs(cast.operatorA);
    await cast.operatorA.client.post(manage(id, '/submit'));
    await cast.editor08.client.post(manage(id, '/publish'));
    expect((await cast.operatorB.client.post(manage(id, '/verify'))).statusCode).toBe(404);
    expect((await cast.translator08.client.post(manage(id, '/verify'))).statusCode).toBe(404);
    const res = await cast.operatorA.client.post(manage(id, '/verify'));
    expect(res.headers.location).toBe(`${manage(id)}?done=verified`);
    const { rows } = await sql<{ last_verified_at: Date; last_verified_by: string; workflow_state: string; snapshot_verified: string; assured_date: string }>`
      select last_verified_at, last_verified_by, workflow_state, published_snapshot->'service'->>'last_verified_at' as snapshot_verified, assured_date
      from directory_services where id = ${id}`.execute(t.ctx.db);
    expect(rows[0]!.last_verified_by).toBe(cast.operatorA.id);
    expect(rows[0]!.workflow_state).toBe('published');
    expect(rows[0]!.snapshot_verified).toBe(rows[0]!.last_verified_at.toISOString());
    expect(rows[0]!.assured_date).toBe(rows[0]!.last_verified_at.toISOString().slice(0, 10));
    const page = await cast.operatorA.client.get(manage(id));
    expect(page.body).toContain(`da ${cast.operatorA.name}`);
    await cast.editor08.client.post(manage(id, '/verify'));
    expect((await cast.operatorA.client.get(manage(id))).body).toContain(`da ${cast.editor08.name}`);
  });

  it('lists services unverified for longer than the period to the region’s editors, oldest first', async () => {
    const old = await createServiceAs(cast.operatorA, { name: 'Servizio dimenticato' });
    const older = await createServiceAs(cast.operatorB, { name: 'Servizio dimenticatissimo' });
    const fresh = await createServiceAs(cast.operatorA, { name: 'Servizio fresco' });
    await age(old, 200);
    await age(older, 400);
    await age(fresh, 10);
    const res = await cast.editor08.client.get('/it/directory/manage/stale');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('negli ultimi 180 giorni');
    expect(res.body.indexOf('Servizio dimenticatissimo')).toBeLessThan(res.body.indexOf('Servizio dimenticato<'));
    expect(res.body).not.toContain('Servizio fresco');
    expect((await cast.editor19.client.get('/it/directory/manage/stale')).body).not.toContain('Servizio dimenticato');
    const operatorView = await cast.operatorB.client.get('/it/directory/manage/stale');
    expect(operatorView.body).toContain('Servizio dimenticatissimo');
    expect(operatorView.body).not.toContain('Servizio dimenticato<');
  });

  it('e-mails the owning organisation’s operators about their stale services, once per period', async () => {
    const db = t.ctx.db;
    const org = await createOrganisation(db, { type: 'cpia', regionCode: '19' });
    const ops = await Promise.all([0, 1].map(() => createPerson(db, { memberships: [{ organisationId: org.id, roleKey: 'directory_operator' }] })));
    const client = t.client();
    await signIn(client, ops[0]!.id, db);
    const staleId = await createServiceAs({ id: ops[0]!.id, name: ops[0]!.fullName, email: ops[0]!.email, organisationId: org.id, client }, { name: 'Corso A2 a Catania' });
    await age(staleId, 365);
    await sql`update directory_services set verification_reminded_at = now() where id <> ${staleId}`.execute(db);
    await t.ctx.jobs.drain();
    const mails = (await t.ctx.mailer.captured(20)).filter((m) => m.text.includes('Corso A2 a Catania'));
    expect(mails.map((m) => m.to[0]).sort()).toEqual(ops.map((o) => o.email).sort());
    expect(mails[0]!.subject).toContain('un servizio da verificare');
    expect(mails[0]!.text).toContain(`/it/directory/manage/services/${staleId}`);
    await sql`update kernel_jobs set run_at = now() where name = 'directory.remind-stale'`.execute(db);
    await t.ctx.jobs.drain();
    const again = (await t.ctx.mailer.captured(50)).filter((m) => m.text.includes('Corso A2 a Catania'));
    expect(again).toHaveLength(2);
    await sql`update directory_services set verification_reminded_at = now() - interval '181 days' where id = ${staleId}`.execute(db);
    await sql`update kernel_jobs set run_at = now() where name = 'directory.remind-stale'`.execute(db);
    await t.ctx.jobs.drain();
    expect((await t.ctx.mailer.captured(50)).filter((m) => m.text.includes('Corso A2 a Catania'))).toHaveLength(4);
  });

  it('falls back to the organisation’s e-mail address when it has no operator', async () => {
    const db = t.ctx.db;
    const { rows } = await sql<{ id: string }>`
      insert into directory_organisations (region_code, name, email) values ('08', ${JSON.stringify({ it: { value: 'Associazione senza operatori', status: 'original', updatedAt: new Date().toISOString() } })}::jsonb, 'info@associazione.example')
      returning id`.execute(db);
    const { rows: services } = await sql<{ id: string }>`
      insert into directory_services (organization_id, region_code, name, created_at) values (${rows[0]!.id}, '08', ${JSON.stringify({ it: { value: 'Sportello orfano', status: 'original', updatedAt: new Date().toISOString() } })}::jsonb, now() - interval '300 days')
      returning id`.execute(db);
    await sql`update kernel_jobs set run_at = now() where name = 'directory.remind-stale'`.execute(db);
    await t.ctx.jobs.drain();
    const mails = (await t.ctx.mailer.captured(50)).filter((m) => m.text.includes('Sportello orfano'));
    expect(mails.map((m) => m.to[0])).toEqual(['info@associazione.example']);
    expect(mails[0]!.text).toContain('mai verificato');
    const reminded = await sql<{ verification_reminded_at: Date | null }>`select verification_reminded_at from directory_services where id = ${services[0]!.id}`.execute(db);
    expect(reminded.rows[0]!.verification_reminded_at).toBeInstanceOf(Date);
  });
});
