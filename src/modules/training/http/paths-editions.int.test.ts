import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { signIn } from '../../accounts/test/factories.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import { addDays } from '../domain/rome-time.ts';
import { createEdition, createPath, createTrainingStaff, today, type TrainingStaff } from '../test/factories.ts';

describe('paths, editions and sessions (staff)', () => {
  let t: TestApp;
  let er: TrainingStaff;
  let sic: TrainingStaff;

  beforeAll(async () => {
    t = await createTestApp();
    er = await createTrainingStaff(t.ctx.db, '08');
    sic = await createTrainingStaff(t.ctx.db, '19');
  });
  afterAll(async () => t?.close());

  it('sends anonymous visitors to the login page and hides the workspace from people without a training role', async () => {
    const anonymous = t.client();
    const res = await anonymous.get('/it/training/manage');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/it/login?next=');
  });

  it('lets a manager create a path in their region, refusing a missing region and a code already used', async () => {
    const client = t.client();
    await signIn(client, er.manager.id, t.ctx.db);
    const form = { code: 'fc-90', title: 'Lavorare in rete', objectives: 'Conoscere la rete dei servizi.', competences: 'Ascoltare\nOrientare', hours: '16', modality: 'in_person' };
    const missing = await client.post('/it/training/manage/paths', form);
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('scegli almeno una regione');

    const notMine = await client.post('/it/training/manage/paths', { ...form, regionCodes: '19' });
    expect(notMine.statusCode).toBe(422);
    expect(notMine.body).toContain('non gestisci la formazione in questa regione');

    const created = await client.post('/it/training/manage/paths', { ...form, regionCodes: '08', trainerIds: er.trainer.id });
    expect(created.statusCode).toBe(303);
    const pathId = /paths\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const path = await pathRepository.find(t.ctx.db, pathId);
    expect(path).toMatchObject({ code: 'FC-90', hours: 16, regionCodes: ['08'], trainerIds: [er.trainer.id] });
    expect(path!.title.it).toMatchObject({ value: 'Lavorare in rete', status: 'original' });
    expect(path!.competences).toHaveLength(2);

    const again = await client.post('/it/training/manage/paths', { ...form, regionCodes: '08' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('un altro percorso usa già questo codice');

    const page = await client.get(`/en/training/manage/paths/${pathId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Lavorare in rete');
  });

  it('hides a path of another region as not found', async () => {
    const path = await createPath(t.ctx.db, { regionCodes: ['19'] });
    const client = t.client();
    await signIn(client, er.manager.id, t.ctx.db);
    expect((await client.get(`/it/training/manage/paths/${path.id}`)).statusCode).toBe(404);
    expect((await client.post(`/it/training/manage/paths/${path.id}`, { code: 'X-1' })).statusCode).toBe(404);
  });

  it('creates an edition with quotas, checking the region, the dates and the mix against the seats', async () => {
    const path = await createPath(t.ctx.db, { regionCodes: ['08'], trainerIds: [er.trainer.id] });
    const client = t.client();
    await signIn(client, er.manager.id, t.ctx.db);
    const form = { regionCode: '08', startsOn: addDays(today(), 20), endsOn: addDays(today(), 40), places: 'Bologna', seats: '12', minPerProfile: '4', groupSize: '4', attendanceThreshold: '75', quota_pa_official: '5' };
    const tooMuch = await client.post(`/it/training/manage/paths/${path.id}/editions`, form);
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.body).toContain('il mix minimo per quattro profili supera i posti (12)');

    const backwards = await client.post(`/it/training/manage/paths/${path.id}/editions`, { ...form, minPerProfile: '2', endsOn: addDays(today(), 10) });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.body).toContain('l’ultimo giorno viene prima del primo');

    const created = await client.post(`/it/training/manage/paths/${path.id}/editions`, { ...form, minPerProfile: '2' });
    expect(created.statusCode).toBe(303);
    const editionId = /editions\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const edition = await editionRepository.find(t.ctx.db, editionId);
    expect(edition).toMatchObject({ number: 1, seats: 12, minPerProfile: 2, quotas: { pa_official: 5 }, state: 'draft', attendanceThreshold: 75, trainerIds: [er.trainer.id] });
  });

  it('refuses a session outside the edition’s dates with a message naming them, and accepts one inside', async () => {
    const path = await createPath(t.ctx.db, { regionCodes: ['08'] });
    const { edition } = await createEdition(t.ctx.db, { path, trainerIds: [er.trainer.id], sessionDays: [] });
    const client = t.client();
    await signIn(client, er.manager.id, t.ctx.db);
    const form = { date: addDays(today(), 30), startsAt: '09:00', endsAt: '12:00', topic: 'Introduzione', place: 'Sala A', trainerPersonId: er.trainer.id };
    const outside = await client.post(`/it/training/manage/editions/${edition.id}/sessions`, form);
    expect(outside.statusCode).toBe(422);
    expect(outside.body).toContain(`l’incontro deve cadere tra il ${edition.startsOn} e il ${edition.endsOn}, le date dell’edizione`);

    const english = await client.post(`/en/training/manage/editions/${edition.id}/sessions`, { ...form, endsAt: '08:00' });
    expect(english.statusCode).toBe(422);
    expect(english.body).toContain(`the session must fall between ${edition.startsOn} and ${edition.endsOn}`);
    expect(english.body).toContain('the end must come after the start');

    const ok = await client.post(`/it/training/manage/editions/${edition.id}/sessions`, { ...form, date: today(), materials: 'Slide | https://example.org/s.pdf' });
    expect(ok.statusCode).toBe(303);
    const page = await client.get(`/it/training/manage/editions/${edition.id}`);
    expect(page.body).toContain('Introduzione');
  });

  it('moves an edition through its states, refusing to open a call without a calendar', async () => {
    const path = await createPath(t.ctx.db, { regionCodes: ['08'] });
    const empty = await createEdition(t.ctx.db, { path, sessionDays: [] });
    const client = t.client();
    await signIn(client, er.manager.id, t.ctx.db);
    const refused = await client.post(`/it/training/manage/editions/${empty.edition.id}/state`, { action: 'open_call' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Prima aggiungi almeno un incontro al calendario.');

    const { edition } = await createEdition(t.ctx.db, { path });
    expect((await client.post(`/it/training/manage/editions/${edition.id}/state`, { action: 'open_call' })).statusCode).toBe(303);
    expect((await editionRepository.find(t.ctx.db, edition.id))!.state).toBe('call_open');
    const notAllowed = await client.post(`/it/training/manage/editions/${edition.id}/state`, { action: 'complete' });
    expect(notAllowed.statusCode).toBe(422);
    const noClass = await client.post(`/it/training/manage/editions/${edition.id}/state`, { action: 'start' });
    expect(noClass.body).toContain('Prima ammetti almeno un partecipante.');
  });

  it('shows a trainer only the editions they are assigned to, without management actions', async () => {
    const path = await createPath(t.ctx.db, { regionCodes: ['08'] });
    const mine = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.trainer.id] });
    const other = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.otherTrainer.id] });
    const client = t.client();
    await signIn(client, er.trainer.id, t.ctx.db);
    const workspace = await client.get('/it/training/manage');
    expect(workspace.statusCode).toBe(200);
    expect(workspace.body).toContain(`/it/training/manage/editions/${mine.edition.id}`);
    expect(workspace.body).not.toContain(other.edition.id);
    const page = await client.get(`/it/training/manage/editions/${mine.edition.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/state');
    expect((await client.get(`/it/training/manage/editions/${other.edition.id}`)).statusCode).toBe(404);
    expect((await client.get(`/it/training/manage/editions/${mine.edition.id}/applications`)).statusCode).toBe(404);
    expect((await client.post(`/it/training/manage/editions/${mine.edition.id}/state`, { action: 'complete' })).statusCode).toBe(404);
  });

  it('keeps a manager of one region out of another region’s editions', async () => {
    const path = await createPath(t.ctx.db, { regionCodes: ['08', '19'] });
    const { edition } = await createEdition(t.ctx.db, { path, values: { regionCode: '08' } });
    const client = t.client();
    await signIn(client, sic.manager.id, t.ctx.db);
    expect((await client.get(`/it/training/manage/editions/${edition.id}`)).statusCode).toBe(404);
    expect((await client.get(`/it/training/manage/editions/${edition.id}/applications`)).statusCode).toBe(404);
    expect((await client.get('/it/training/manage/editions/not-an-id')).statusCode).toBe(404);
  });
});
