import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { signIn } from '../../accounts/test/factories.ts';
import { attendanceRepository } from '../data/attendance-repository.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { instantOf } from '../domain/rome-time.ts';
import { textFrom } from '../../../kernel/i18n/content.ts';
import { checkIn } from '../use-cases/check-in.ts';
import { openCheckinCode } from '../use-cases/open-checkin-code.ts';
import { showAttendance } from '../use-cases/show-attendance.ts';
import { createClass, createEdition, createPath, createTrainingStaff, today, type TrainingStaff } from '../test/factories.ts';
import { loadActor } from '../test/actor.ts';

describe('attendance: the register, check-in codes, the paper register, hours', () => {
  let t: TestApp;
  let er: TrainingStaff;

  beforeAll(async () => {
    t = await createTestApp();
    er = await createTrainingStaff(t.ctx.db, '08');
  });
  afterAll(async () => t?.close());

  it('lets the assigned trainer mark presence, partial presence with times and absence', async () => {
    const path = await createPath(t.ctx.db);
    const { edition, sessions } = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.trainer.id] });
    const [a, b, c] = await createClass(t.ctx.db, edition, 3);
    const session = sessions[0]!;
    const trainer = t.client();
    await signIn(trainer, er.trainer.id, t.ctx.db);
    const register = await trainer.get(`/it/training/manage/sessions/${session.id}`);
    expect(register.statusCode).toBe(200);
    expect(register.body).toContain(a!.fullName);

    const noTime = await trainer.post(`/it/training/manage/sessions/${session.id}/attendance`, { [`status_${a!.id}`]: 'partial' });
    expect(noTime.statusCode).toBe(422);
    expect(noTime.body).toContain('per una presenza parziale indica l’orario di arrivo o di uscita');
    const outside = await trainer.post(`/it/training/manage/sessions/${session.id}/attendance`, { [`status_${a!.id}`]: 'partial', [`arrived_${a!.id}`]: '08:00' });
    expect(outside.body).toContain('gli orari devono cadere tra 09:00 e 13:00');

    const saved = await trainer.post(`/it/training/manage/sessions/${session.id}/attendance`, {
      [`status_${a!.id}`]: 'present',
      [`status_${b!.id}`]: 'partial',
      [`arrived_${b!.id}`]: '10:00',
      [`status_${c!.id}`]: 'absent',
    });
    expect(saved.statusCode).toBe(303);
    const marks = new Map((await attendanceRepository.listBySession(t.ctx.db, session.id)).map((m) => [m.applicationId, m]));
    expect(marks.get(a!.id)).toMatchObject({ status: 'present', source: 'trainer' });
    expect(marks.get(b!.id)).toMatchObject({ status: 'partial', arrivedAt: '10:00', leftAt: null });
    expect(marks.get(c!.id)).toMatchObject({ status: 'absent' });

    const totals = await showAttendance({ ctx: t.ctx, actor: await loadActor(t, er.trainer.id), editionId: edition.id });
    const byId = new Map(totals.rows.map((r) => [r.participant.id, r.total]));
    expect(byId.get(a!.id)).toMatchObject({ minutesAttended: 240, minutesPlanned: 720, rate: 33 });
    expect(byId.get(b!.id)).toMatchObject({ minutesAttended: 180 });
  });

  it('refuses the register to a trainer not assigned to the edition, and to participants', async () => {
    const path = await createPath(t.ctx.db);
    const { edition, sessions } = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.trainer.id] });
    const [participant] = await createClass(t.ctx.db, edition, 1);
    const other = t.client();
    await signIn(other, er.otherTrainer.id, t.ctx.db);
    expect((await other.get(`/it/training/manage/sessions/${sessions[0]!.id}`)).statusCode).toBe(404);
    expect((await other.post(`/it/training/manage/sessions/${sessions[0]!.id}/attendance`, { [`status_${participant!.id}`]: 'present' })).statusCode).toBe(404);
    const self = t.client();
    await signIn(self, participant!.personId, t.ctx.db);
    expect((await self.post(`/it/training/manage/sessions/${sessions[0]!.id}/attendance`, { [`status_${participant!.id}`]: 'present' })).statusCode).toBe(404);
  });

  it('checks participants in with a short-lived code and refuses it early, late, twice or wrong', async () => {
    const path = await createPath(t.ctx.db);
    const { edition } = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.trainer.id], sessionDays: [] });
    const sessionId = await sessionRepository.insert(t.ctx.db, edition.id, {
      date: today(), startsAt: '00:00', endsAt: '23:59', place: 'Aula', onlineUrl: null, trainerPersonId: er.trainer.id, topic: textFrom({ it: 'Tutto il giorno' }), materials: [],
    });
    const [first, second] = await createClass(t.ctx.db, edition, 2);

    const trainer = t.client();
    await signIn(trainer, er.trainer.id, t.ctx.db);
    expect((await trainer.post(`/it/training/manage/sessions/${sessionId}/code`)).statusCode).toBe(303);
    const register = await trainer.get(`/it/training/manage/sessions/${sessionId}`);
    const code = /<\/span>(\d{6})<\/p>/.exec(register.body)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    const participant = t.client();
    await signIn(participant, first!.personId, t.ctx.db);
    const wrong = await participant.post('/it/training/checkin', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Questo codice non corrisponde a un incontro del tuo percorso');
    expect((await participant.post('/it/training/checkin', { code })).statusCode).toBe(303);
    const twice = await participant.post('/en/training/checkin', { code });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('Your attendance at this session is already recorded.');
    expect((await attendanceRepository.listBySession(t.ctx.db, sessionId)).find((m) => m.applicationId === first!.id)).toMatchObject({ source: 'checkin' });

    const latest = (await attendanceRepository.latestCode(t.ctx.db, sessionId))!;
    const late = checkIn({ ctx: t.ctx, actor: await loadActor(t, second!.personId), code: code!, now: new Date(latest.expiresAt.getTime() + 60_000) });
    await expect(late).rejects.toMatchObject({ fields: [{ field: 'code', messageKey: 'training.checkin.errors.expired' }] });

    const stranger = t.client();
    await signIn(stranger, er.otherTrainer.id, t.ctx.db);
    expect((await stranger.post('/it/training/checkin', { code })).statusCode).toBe(422);
  });

  it('refuses to open a code long before the session or after it ended', async () => {
    const path = await createPath(t.ctx.db);
    const { sessions } = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.trainer.id], sessionDays: [0] });
    const session = sessions[0]!;
    const actor = await loadActor(t, er.trainer.id);
    const early = openCheckinCode({ ctx: t.ctx, actor, sessionId: session.id, now: new Date(instantOf(session.date, session.startsAt).getTime() - 31 * 60_000) });
    await expect(early).rejects.toMatchObject({ fields: [{ messageKey: 'training.staff.register.codeProblems.tooEarly' }] });
    const late = openCheckinCode({ ctx: t.ctx, actor, sessionId: session.id, now: instantOf(session.date, session.endsAt) });
    await expect(late).rejects.toMatchObject({ fields: [{ messageKey: 'training.staff.register.codeProblems.tooLate' }] });
    const opened = await openCheckinCode({ ctx: t.ctx, actor, sessionId: session.id, now: new Date(instantOf(session.date, session.startsAt).getTime() - 20 * 60_000) });
    expect(opened.expiresAt.getTime() - instantOf(session.date, session.startsAt).getTime()).toBe(-10 * 60_000);
  });

  it('prints a paper register with the class and a print stylesheet, for transcription later', async () => {
    const path = await createPath(t.ctx.db);
    const { edition, sessions } = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.trainer.id] });
    const [person] = await createClass(t.ctx.db, edition, 1);
    const trainer = t.client();
    await signIn(trainer, er.trainer.id, t.ctx.db);
    const paper = await trainer.get(`/it/training/manage/sessions/${sessions[1]!.id}/paper`);
    expect(paper.statusCode).toBe(200);
    expect(paper.body).toContain(person!.fullName);
    expect(paper.body).toContain('Firma in entrata');
    expect(paper.body).toContain('media="print"');
    const css = await trainer.get('/training/assets/register-print.css');
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.body).toContain('@page');
    const transcribed = await trainer.post(`/it/training/manage/sessions/${sessions[1]!.id}/attendance`, { [`status_${person!.id}`]: 'present', source: 'paper' });
    expect(transcribed.statusCode).toBe(303);
    expect((await attendanceRepository.listBySession(t.ctx.db, sessions[1]!.id))[0]).toMatchObject({ source: 'paper' });
  });
});
