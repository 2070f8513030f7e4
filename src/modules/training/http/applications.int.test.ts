import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { signIn } from '../../accounts/test/factories.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { sendSessionReminders } from '../use-cases/send-session-reminders.ts';
import { instantOf, addDays } from '../domain/rome-time.ts';
import { createApplication, createEdition, createPath, createTrainingStaff, hasPassword, today, type TrainingStaff } from '../test/factories.ts';

const form = (email: string) => ({
  fullName: 'Awa Ndiaye',
  email,
  profile: 'migrant_association',
  organisationName: 'Associazione Donne Senegalesi',
  roleLevel: 'executive',
  regionCode: '08',
  motivation: 'Seguo ogni giorno donne appena arrivate e voglio conoscere i servizi.',
  accessibilityNeeds: 'Interprete LIS',
  languages: 'italiano, francese, wolof',
  consent: 'true',
});

describe('calls and applications', () => {
  let t: TestApp;
  let er: TrainingStaff;

  beforeAll(async () => {
    t = await createTestApp();
    er = await createTrainingStaff(t.ctx.db, '08');
  });
  afterAll(async () => t?.close());

  it('receives an application from the public page, links a new person by e-mail and confirms by mail', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'call_open', trainerIds: [er.trainer.id] });
    const visitor = t.client();
    const page = await visitor.get(`/it/training/editions/${edition.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Invia la candidatura');
    const res = await visitor.post(`/it/training/editions/${edition.id}/apply`, form('awa.ndiaye@example.org'));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/it/training/editions/${edition.id}/applied`);
    const applied = await visitor.get(res.headers.location as string);
    expect(applied.body).not.toContain('awa.ndiaye@example.org');

    const [application] = await applicationRepository.listByEdition(t.ctx.db, edition.id);
    expect(application).toMatchObject({ email: 'awa.ndiaye@example.org', profile: 'migrant_association', status: 'received', organisationName: 'Associazione Donne Senegalesi' });
    expect(application!.accessibilityEnc).not.toContain('LIS');
    expect(t.ctx.crypto.decrypt(application!.accessibilityEnc!, 'training.accessibility')).toBe('Interprete LIS');
    expect(await hasPassword(t.ctx.db, application!.personId)).toBe(false);
    const mail = (await t.ctx.mailer.captured(10)).find((m) => m.to.includes('awa.ndiaye@example.org'));
    expect(mail?.subject).toContain('Candidatura ricevuta');
    expect(mail?.text).toContain('/it/password/forgot');
  });

  it('refuses a second application from the same address with a clear message, in the reader’s language', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'call_open' });
    const visitor = t.client();
    expect((await visitor.post(`/it/training/editions/${edition.id}/apply`, form('twice@example.org'))).statusCode).toBe(303);
    const again = await visitor.post(`/en/training/editions/${edition.id}/apply`, { ...form('TWICE@example.org'), fullName: 'Someone Else' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('an application for this edition was already sent from this address');
    expect(await applicationRepository.listByEdition(t.ctx.db, edition.id)).toHaveLength(1);
  });

  it('names every field at fault, consent included, and writes nothing', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'call_open' });
    const res = await t.client().post(`/it/training/editions/${edition.id}/apply`, { fullName: 'A', email: 'not-an-email', profile: 'astronaut', motivation: 'short' });
    expect(res.statusCode).toBe(422);
    for (const text of ['Nome e cognome', 'E-mail', 'Profilo', 'Motivazione', 'serve il consenso per valutare la candidatura', 'href="#field-email"']) expect(res.body).toContain(text);
    expect(await applicationRepository.listByEdition(t.ctx.db, edition.id)).toHaveLength(0);
  });

  it('refuses applications once the call is closed and hides draft editions', async () => {
    const path = await createPath(t.ctx.db);
    const closed = await createEdition(t.ctx.db, { path, state: 'call_closed' });
    const res = await t.client().post(`/it/training/editions/${closed.edition.id}/apply`, form('late@example.org'));
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Le candidature per questa edizione sono chiuse.');
    const draft = await createEdition(t.ctx.db, { path });
    expect((await t.client().get(`/it/training/editions/${draft.edition.id}`)).statusCode).toBe(404);
  });

  it('never shows trainers’ or applicants’ personal data on the public pages', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.trainer.id] });
    const participant = await createApplication(t.ctx.db, { edition, status: 'admitted' });
    for (const url of ['/it/training', `/it/training/editions/${edition.id}`, '/api/v1/training/editions']) {
      const res = await t.client().get(url);
      expect(res.statusCode).toBe(200);
      for (const secret of [er.trainer.fullName, er.trainer.email, participant.fullName, participant.email]) expect(res.body).not.toContain(secret);
    }
  });

  it('selects the class with quotas and the minimum mix, puts the rest on the waiting list, and tells everyone', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'call_open', values: { seats: 4, minPerProfile: 1, quotas: { pa_official: 1 } } });
    const at = (h: number) => new Date(Date.UTC(2026, 10, 1, h));
    const apps = [
      await createApplication(t.ctx.db, { edition, profile: 'pa_official', appliedAt: at(1) }),
      await createApplication(t.ctx.db, { edition, profile: 'pa_official', appliedAt: at(2) }),
      await createApplication(t.ctx.db, { edition, profile: 'third_sector', appliedAt: at(3) }),
      await createApplication(t.ctx.db, { edition, profile: 'pa_manager', appliedAt: at(4) }),
      await createApplication(t.ctx.db, { edition, profile: 'other', appliedAt: at(5) }),
      await createApplication(t.ctx.db, { edition, profile: 'migrant_association', appliedAt: at(6) }),
    ];
    const client = t.client();
    await signIn(client, er.manager.id, t.ctx.db);
    const page = await client.get(`/it/training/manage/editions/${edition.id}/applications`);
    expect((await client.post(`/it/training/manage/editions/${edition.id}/selection`)).statusCode).toBe(303);
    const statuses = new Map((await applicationRepository.listByEdition(t.ctx.db, edition.id)).map((a) => [a.id, a.status]));
    expect(apps.map((a) => statuses.get(a.id))).toEqual(['admitted', 'waiting', 'admitted', 'admitted', 'waiting', 'admitted']);
    const mails = await t.ctx.mailer.captured(50);
    expect(mails.find((m) => m.to.includes(apps[0]!.email))?.subject).toContain('Sei stato/a ammesso/a');
    expect(mails.find((m) => m.to.includes(apps[1]!.email))?.subject).toContain('lista d’attesa');

    const full = await client.post(`/it/training/manage/applications/${apps[4]!.id}/decision`, { decision: 'admit' });
    expect(full.statusCode).toBe(422);
    expect(full.body).toContain('I posti sono tutti assegnati (4)');
  });

  it('promotes the first on the waiting list when a participant withdraws, and tells them', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'call_closed', values: { seats: 2 } });
    const admitted = await createApplication(t.ctx.db, { edition, status: 'admitted' });
    await createApplication(t.ctx.db, { edition, status: 'admitted' });
    const first = await createApplication(t.ctx.db, { edition, status: 'waiting', appliedAt: new Date(Date.UTC(2026, 9, 1)) });
    const second = await createApplication(t.ctx.db, { edition, status: 'waiting', appliedAt: new Date(Date.UTC(2026, 9, 2)) });
    const participant = t.client();
    await signIn(participant, admitted.personId, t.ctx.db);
    const res = await participant.post(`/it/training/my/${admitted.id}/withdraw`);
    expect(res.statusCode).toBe(303);
    expect((await applicationRepository.find(t.ctx.db, admitted.id))!.status).toBe('withdrawn');
    expect((await applicationRepository.find(t.ctx.db, first.id))!.status).toBe('admitted');
    expect((await applicationRepository.find(t.ctx.db, second.id))!.status).toBe('waiting');
    expect((await t.ctx.mailer.captured(20)).find((m) => m.to.includes(first.email))?.subject).toContain('Si è liberato un posto');

    const stranger = t.client();
    await signIn(stranger, second.personId, t.ctx.db);
    expect((await stranger.post(`/it/training/my/${first.id}/withdraw`)).statusCode).toBe(404);
    expect((await stranger.get(`/it/training/my/${first.id}`)).statusCode).toBe(404);
  });

  it('reminds participants once before each session, through the scheduled job', async () => {
    const path = await createPath(t.ctx.db);
    const tomorrow = addDays(today(), 1);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'running', sessionDays: [1] });
    const participant = await createApplication(t.ctx.db, { edition, status: 'admitted' });
    const dayBefore = new Date(instantOf(tomorrow, '09:00').getTime() - 20 * 3600_000);
    const services = { db: t.ctx.db, config: t.ctx.config, mailer: t.ctx.mailer, i18n: t.ctx.i18n, logger: t.ctx.logger };
    const remindersTo = async () => (await t.ctx.mailer.captured(200)).filter((m) => m.to.includes(participant.email) && m.subject.includes('Promemoria')).length;
    await sendSessionReminders({ ...services, now: new Date(dayBefore.getTime() - 10 * 3600_000) });
    expect(await remindersTo()).toBe(0);
    await sendSessionReminders({ ...services, now: dayBefore });
    expect(await remindersTo()).toBe(1);
    await sendSessionReminders({ ...services, now: new Date(dayBefore.getTime() + 3600_000) });
    expect(await remindersTo()).toBe(1);
    expect((await t.ctx.mailer.captured(20)).find((m) => m.to.includes(participant.email))?.subject).toContain('Promemoria');
  });
});
