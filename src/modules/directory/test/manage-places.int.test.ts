import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { onPublicationChange } from '../data/repository.ts';
import { createCast, createServiceAs, type Cast } from './helpers.ts';

const manage = (id: string, rest = '') => `/it/directory/manage/services/${id}${rest}`;

const bolognaDesk = {
  locationType: 'physical',
  name: 'Sportello di via Roma',
  address1: 'Via Roma 12',
  postalCode: '40121',
  municipality: 'Bologna (BO)',
  latitude: '44,4949',
  longitude: '11.3426',
  transportation: 'Autobus 27, fermata Roma',
  accessibility: 'Ingresso senza gradini',
};

describe('directory staff: opening hours, exceptions and locations', () => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('saves several opening ranges a day as HSDS weekly schedules', async () => {
    const id = await createServiceAs(cast.operatorA);
    expect((await cast.operatorA.client.get(manage(id, '/hours'))).statusCode).toBe(200);
    const res = await cast.operatorA.client.post(manage(id, '/hours'), { MO_1_opens: '09:00', MO_1_closes: '12:30', MO_2_opens: '14:30', MO_2_closes: '17:00', TH_1_opens: '9.00', TH_1_closes: '13:00' });
    expect(res.headers.location).toBe(`${manage(id)}?done=saved`);
    const { rows } = await sql<{ byday: string; opens_at: string; closes_at: string; freq: string }>`
      select byday, opens_at, closes_at, freq from directory_schedules where service_id = ${id} order by byday, opens_at`.execute(t.ctx.db);
    expect(rows).toEqual([
      { byday: 'MO', opens_at: '09:00:00', closes_at: '12:30:00', freq: 'WEEKLY' },
      { byday: 'MO', opens_at: '14:30:00', closes_at: '17:00:00', freq: 'WEEKLY' },
      { byday: 'TH', opens_at: '09:00:00', closes_at: '13:00:00', freq: 'WEEKLY' },
    ]);
    const page = await cast.operatorA.client.get(manage(id));
    expect(page.body).toContain('09:00–12:30, 14:30–17:00');
  });

  it('names the range at fault when closing is before opening or ranges overlap, and saves nothing', async () => {
    const id = await createServiceAs(cast.operatorA);
    const res = await cast.operatorA.client.post(manage(id, '/hours'), { TU_1_opens: '12:00', TU_1_closes: '09:00', WE_1_opens: '09:00', WE_1_closes: '13:00', WE_2_opens: '12:00', WE_2_closes: '15:00' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#field-TU_1_closes">Martedì, fascia 1: chiude: l&#39;orario di chiusura deve essere dopo l&#39;apertura (12:00)');
    expect(res.body).toContain('href="#field-WE_2_opens">Mercoledì, fascia 2: apre: si sovrappone alla fascia 09:00–13:00');
    const { rows } = await sql`select 1 from directory_schedules where service_id = ${id}`.execute(t.ctx.db);
    expect(rows).toHaveLength(0);
  });

  it('adds and removes holiday closures and special hours', async () => {
    const id = await createServiceAs(cast.operatorA);
    const bad = await cast.operatorA.client.post(manage(id, '/exceptions'), { startsOn: '2026-12-31', endsOn: '2026-12-24', kind: 'closed' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Al: non può essere prima del primo giorno');
    const ok = await cast.operatorA.client.post(manage(id, '/exceptions'), { startsOn: '2026-12-24', endsOn: '2026-12-26', kind: 'closed', reason: 'Natale' });
    expect(ok.headers.location).toBe(`${manage(id, '/hours')}?done=exceptionAdded`);
    await cast.operatorA.client.post(manage(id, '/exceptions'), { startsOn: '2026-08-14', kind: 'special', opensAt: '09:00', closesAt: '11:00' });
    const { rows } = await sql<{ id: string; starts_on: string; ends_on: string; is_closed: boolean; reason: { it: { value: string } } | null }>`
      select id, starts_on, ends_on, is_closed, reason from directory_schedule_exceptions where service_id = ${id} order by starts_on`.execute(t.ctx.db);
    expect(rows.map((r) => [r.starts_on, r.ends_on, r.is_closed])).toEqual([
      ['2026-08-14', '2026-08-14', false],
      ['2026-12-24', '2026-12-26', true],
    ]);
    expect(rows[1]!.reason?.it.value).toBe('Natale');
    expect((await cast.operatorB.client.post(manage(id, `/exceptions/${rows[0]!.id}/remove`))).statusCode).toBe(404);
    await cast.operatorA.client.post(manage(id, `/exceptions/${rows[0]!.id}/remove`));
    const left = await sql`select 1 from directory_schedule_exceptions where service_id = ${id}`.execute(t.ctx.db);
    expect(left.rows).toHaveLength(1);
  });

  it('adds a location in a real municipality with its address, and refuses unknown places and coordinates outside Italy', async () => {
    const id = await createServiceAs(cast.operatorA);
    const form = await cast.operatorA.client.get(manage(id, '/locations/new'));
    expect(form.body).toContain('<option value="Bologna (BO)">');
    const bad = await cast.operatorA.client.post(manage(id, '/locations'), { ...bolognaDesk, municipality: 'Palermo', postalCode: '401', latitude: '51.5', longitude: '-0.1' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Comune: nessun comune di questa regione si chiama &quot;Palermo&quot;');
    expect(bad.body).toContain('CAP: scrivi le cinque cifre del CAP');
    expect(bad.body).toContain('Latitudine: è fuori dall&#39;Italia');
    const en = await cast.operatorA.client.post(`/en/directory/manage/services/${id}/locations`, { ...bolognaDesk, latitude: '44.5' , longitude: '' });
    expect(en.body).toContain('Longitude: give both latitude and longitude, or neither');
    const ok = await cast.operatorA.client.post(manage(id, '/locations'), bolognaDesk);
    expect(ok.headers.location).toBe(`${manage(id)}?done=locationSaved`);
    const { rows } = await sql<{ municipality_code: string; region_code: string; latitude: number; city: string; state_province: string; postal_code: string; country: string }>`
      select l.municipality_code, l.region_code, l.latitude, a.city, a.state_province, a.postal_code, a.country
      from directory_service_at_location sal join directory_locations l on l.id = sal.location_id join directory_addresses a on a.location_id = l.id
      where sal.service_id = ${id}`.execute(t.ctx.db);
    expect(rows).toEqual([{ municipality_code: '037006', region_code: '08', latitude: 44.4949, city: 'Bologna', state_province: 'BO', postal_code: '40121', country: 'IT' }]);
  });

  it('edits a shared location: the change is logged on the location and every public service there is refreshed', async () => {
    const first = await createServiceAs(cast.operatorA, { name: 'Servizio uno' });
    await cast.operatorA.client.post(manage(first, '/locations'), bolognaDesk);
    const second = await createServiceAs(cast.operatorA, { name: 'Servizio due' });
    const { rows: locations } = await sql<{ location_id: string }>`select location_id from directory_service_at_location where service_id = ${first}`.execute(t.ctx.db);
    const locationId = locations[0]!.location_id;
    expect((await cast.operatorA.client.get(manage(second))).body).toContain('Offrilo anche presso');
    await cast.operatorA.client.post(manage(second, '/locations/link'), { locationId });
    for (const id of [first, second]) {
      await cast.operatorA.client.post(manage(id, '/submit'));
      await cast.editor08.client.post(manage(id, '/publish'));
    }
    const notified: string[] = [];
    const stop = onPublicationChange(async (_trx, serviceId) => {
      notified.push(serviceId);
    });
    try {
      expect((await cast.operatorB.client.post(manage(second, `/locations/${locationId}/edit`), bolognaDesk)).statusCode).toBe(404);
      const res = await cast.operatorA.client.post(manage(second, `/locations/${locationId}/edit`), { ...bolognaDesk, address1: 'Via Roma 14' });
      expect(res.statusCode).toBe(303);
    } finally {
      stop();
    }
    expect(notified.sort()).toEqual([first, second].sort());
    const { rows } = await sql<{ field_name: string; previous_value: string; replacement_value: string }>`
      select field_name, previous_value, replacement_value from directory_metadata where resource_id = ${locationId} and last_action_type = 'update'`.execute(t.ctx.db);
    expect(rows).toEqual([{ field_name: 'address_1', previous_value: 'Via Roma 12', replacement_value: 'Via Roma 14' }]);
    await cast.operatorA.client.post(manage(second, `/locations/${locationId}/remove`));
    const links = await sql`select 1 from directory_service_at_location where location_id = ${locationId}`.execute(t.ctx.db);
    expect(links.rows).toHaveLength(1);
    expect((await sql<{ workflow_state: string }>`select workflow_state from directory_services where id = ${second}`.execute(t.ctx.db)).rows[0]!.workflow_state).toBe('draft');
  });
});
