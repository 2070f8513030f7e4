import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { signIn } from '../../accounts/test/factories.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { groupRepository } from '../data/group-repository.ts';
import { memberOf } from '../domain/members.ts';
import { splitScore } from '../domain/mix-score.ts';
import { createClass, createEdition, createPath, createTrainingStaff, type TrainingStaff } from '../test/factories.ts';

describe('heterogeneous learning groups', () => {
  let t: TestApp;
  let er: TrainingStaff;

  beforeAll(async () => {
    t = await createTestApp();
    er = await createTrainingStaff(t.ctx.db, '08');
  });
  afterAll(async () => t?.close());

  async function managerClient() {
    const client = t.client();
    await signIn(client, er.manager.id, t.ctx.db);
    return client;
  }

  it('refuses a group size that cannot work, saying why', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.trainer.id] });
    await createClass(t.ctx.db, edition, 5);
    const client = await managerClient();
    const cases: [string, string][] = [
      ['1', 'un gruppo ha almeno 2 persone'],
      ['13', 'un gruppo ha al massimo 12 persone'],
      ['6', 'con 5 partecipanti i gruppi non possono avere 6 persone'],
      ['2', 'con 5 partecipanti e gruppi da 2 qualcuno resterebbe da solo'],
      ['tre', 'inserisci un numero intero'],
    ];
    for (const [size, message] of cases) {
      const res = await client.post(`/it/training/manage/editions/${edition.id}/groups`, { groupSize: size });
      expect(res.statusCode, size).toBe(422);
      expect(res.body, size).toContain(message);
    }
    expect(await groupRepository.listByEdition(t.ctx.db, edition.id)).toEqual([]);
  });

  it('forms balanced, mixed groups that keep people of one organisation apart, the same every time', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'running' });
    // 16 people from 4 organisations of 4: four groups of four can hold one of each.
    await createClass(t.ctx.db, edition, 16, { organisations: 4 });
    const client = await managerClient();
    expect((await client.post(`/it/training/manage/editions/${edition.id}/groups`, { groupSize: '4' })).statusCode).toBe(303);
    const groups = await groupRepository.listByEdition(t.ctx.db, edition.id);
    expect(groups.map((g) => g.memberIds.length)).toEqual([4, 4, 4, 4]);
    const participants = new Map((await applicationRepository.listByEdition(t.ctx.db, edition.id, ['admitted'])).map((a) => [a.id, a]));
    for (const g of groups) {
      const members = g.memberIds.map((id) => participants.get(id)!);
      expect(new Set(members.map((m) => m.organisationName)).size).toBe(4);
    }
    const page = await client.get(`/it/training/manage/editions/${edition.id}/groups`);
    expect(page.body).toContain('Mix della classe');
    expect(page.body).toContain('4 organizzazioni su 4 persone');

    await client.post(`/it/training/manage/editions/${edition.id}/groups`, { groupSize: '4' });
    const again = await groupRepository.listByEdition(t.ctx.db, edition.id);
    expect(again.map((g) => g.memberIds)).toEqual(groups.map((g) => g.memberIds));
  });

  it('lets the manager move someone by hand and shows how the score changed', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'running' });
    await createClass(t.ctx.db, edition, 9, { organisations: 9 });
    const client = await managerClient();
    await client.post(`/it/training/manage/editions/${edition.id}/groups`, { groupSize: '3' });
    const [first, second] = await groupRepository.listByEdition(t.ctx.db, edition.id);
    const moving = first!.memberIds[0]!;
    const res = await client.post(`/it/training/manage/editions/${edition.id}/groups/move`, { applicationId: moving, groupId: second!.id });
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(/before=[\d.]+&after=[\d.]+/);
    const after = await groupRepository.listByEdition(t.ctx.db, edition.id);
    expect(after.find((g) => g.id === second!.id)!.memberIds).toContain(moving);
    const participants = new Map((await applicationRepository.listByEdition(t.ctx.db, edition.id, ['admitted'])).map((a) => [a.id, a]));
    const score = splitScore(after.map((g) => g.memberIds.map((id) => memberOf(participants.get(id)!)))).score;
    expect(location).toContain(`after=${score}`);
    const page = await client.get(location);
    expect(page.body).toContain('Spostamento fatto: il mix della classe passa da');
    expect(page.body).toContain('Dopo gli spostamenti i gruppi differiscono di più di una persona.');
  });

  it('warns when the class cannot be mixed well', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'running' });
    await createClass(t.ctx.db, edition, 6, { profiles: ['pa_official'], organisations: 1 });
    const client = await managerClient();
    await client.post(`/it/training/manage/editions/${edition.id}/groups`, { groupSize: '3' });
    const page = await client.get(`/it/training/manage/editions/${edition.id}/groups`);
    expect(page.body).toContain('La classe ha meno di tre profili');
    expect(page.body).toContain('qualche coppia della stessa organizzazione è inevitabile');
  });

  it('shows the trainer the groups without the controls, and each participant only their own group', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.trainer.id] });
    const people = await createClass(t.ctx.db, edition, 8, { organisations: 8 });
    await (await managerClient()).post(`/it/training/manage/editions/${edition.id}/groups`, { groupSize: '4' });
    const trainer = t.client();
    await signIn(trainer, er.trainer.id, t.ctx.db);
    const page = await trainer.get(`/it/training/manage/editions/${edition.id}/groups`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/groups/move');
    expect((await trainer.post(`/it/training/manage/editions/${edition.id}/groups`, { groupSize: '2' })).statusCode).toBe(404);

    const groups = await groupRepository.listByEdition(t.ctx.db, edition.id);
    const me = people[0]!;
    const mine = groups.find((g) => g.memberIds.includes(me.id))!;
    const participant = t.client();
    await signIn(participant, me.personId, t.ctx.db);
    const own = await participant.get(`/it/training/my/${me.id}`);
    expect(own.statusCode).toBe(200);
    for (const p of people) {
      if (mine.memberIds.includes(p.id)) expect(own.body).toContain(p.fullName);
      else expect(own.body).not.toContain(p.fullName);
    }
    expect((await participant.get(`/it/training/manage/editions/${edition.id}/groups`)).statusCode).toBe(404);
  });
});
