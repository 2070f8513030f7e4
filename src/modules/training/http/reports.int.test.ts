import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createOrganisation, createPerson, signIn } from '../../accounts/test/factories.ts';
import { attendanceRepository } from '../data/attendance-repository.ts';
import { demoRepository } from '../data/demo-repository.ts';
import { createApplication, createClass, createEdition, createPath, createTrainingStaff, type TrainingStaff } from '../test/factories.ts';

describe('reports for the funder', () => {
  let t: TestApp;
  let er: TrainingStaff;
  let funderId: string;
  let codes: { er: string; sic: string };

  beforeAll(async () => {
    t = await createTestApp();
    er = await createTrainingStaff(t.ctx.db, '08');
    await createTrainingStaff(t.ctx.db, '19');
    const ministry = await createOrganisation(t.ctx.db, { type: 'other', regionCode: '12', name: 'Ente finanziatore' });
    funderId = (await createPerson(t.ctx.db, { memberships: [{ organisationId: ministry.id, roleKey: 'training_funder' }] })).id;

    const erPath = await createPath(t.ctx.db, { regionCodes: ['08'] });
    const { edition, sessions } = await createEdition(t.ctx.db, { path: erPath, state: 'completed' });
    const [a, b] = await createClass(t.ctx.db, edition, 2, { profiles: ['pa_manager', 'migrant_association'] });
    await createApplication(t.ctx.db, { edition, status: 'waiting', profile: 'third_sector' });
    await attendanceRepository.upsert(t.ctx.db, sessions.map((s) => ({ sessionId: s.id, applicationId: a!.id, status: 'present' as const, arrivedAt: null, leftAt: null, source: 'trainer' as const, recordedBy: null })));
    await demoRepository.insertFeedback(t.ctx.db, [{ applicationId: a!.id, editionId: edition.id, sessionId: null, scores: { overall: 5, content: 4, trainers: 5, organisation: 4 }, comment: null }]);
    await demoRepository.insertSelfAssessments(t.ctx.db, [
      { applicationId: b!.id, phase: 'before', scores: [1, 1, 1] },
      { applicationId: b!.id, phase: 'after', scores: [3, 3, 3] },
    ]);
    const sicPath = await createPath(t.ctx.db, { regionCodes: ['19'] });
    await createEdition(t.ctx.db, { path: sicPath, state: 'call_open' });
    codes = { er: erPath.code, sic: sicPath.code };
  });
  afterAll(async () => t?.close());

  it('shows the funder the whole programme: progress against 18 paths, figures per path, region and edition', async () => {
    const client = t.client();
    await signIn(client, funderId, t.ctx.db);
    const page = await client.get('/it/training/manage/reports');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2 percorsi su 18 previsti; 1 con almeno un’edizione conclusa.');
    expect(page.body).toContain(codes.er);
    expect(page.body).toContain(codes.sic);
    expect(page.body, 'the funder reads figures, not the editions’ staff pages').not.toContain('/it/training/manage/editions/');
    // 2 participants: one attended 12 of 12 hours, the other none → 50% attendance, 50% completion.
    expect(page.body.replace(/>\s+</g, '><')).toMatch(/<td>3<\/td><td>2<\/td><td>50%<\/td><td>50%<\/td><td>0<\/td><td>5 \(1\)<\/td><td>2 \(1\)<\/td>/);
  });

  it('exports the same figures as CSV and PDF', async () => {
    const client = t.client();
    await signIn(client, funderId, t.ctx.db);
    const csv = await client.get('/it/training/manage/reports.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('level,path_code,label,region,state,editions,applicants,applicants_pa_manager');
    const total = lines.find((l) => l.startsWith('total,'))!.split(',');
    const header = lines[0]!.split(',');
    const cell = (name: string) => total[header.indexOf(name)];
    expect([cell('applicants'), cell('participants'), cell('participants_migrant_association'), cell('attendance_rate'), cell('satisfaction_mean'), cell('competence_change_mean')]).toEqual(['3', '2', '1', '50', '5', '2']);
    const pdf = await client.get('/en/training/manage/reports.pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('limits a regional manager to their region, and keeps trainers and the public out', async () => {
    const manager = t.client();
    await signIn(manager, er.manager.id, t.ctx.db);
    const page = await manager.get('/it/training/manage/reports');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(codes.er);
    expect(page.body).not.toContain(codes.sic);
    expect(page.body).toContain('/it/training/manage/editions/');
    const trainer = t.client();
    await signIn(trainer, er.trainer.id, t.ctx.db);
    expect((await trainer.get('/it/training/manage/reports')).statusCode).toBe(404);
    expect((await trainer.get('/it/training/manage/reports.csv')).statusCode).toBe(404);
    expect((await t.client().get('/it/training/manage/reports.csv')).statusCode).toBe(303);
  });
});
