import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfVisualLines, readRightToLeft } from '../../../../test/support/pdf-text.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { signIn } from '../../accounts/test/factories.ts';
import { attendanceRepository } from '../data/attendance-repository.ts';
import { certificateRepository } from '../data/certificate-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { EDITION_COMPLETED, type EditionCompletedPayload } from '../index.ts';
import { createApplication, createClass, createEdition, createPath, createTrainingStaff, type TrainingStaff } from '../test/factories.ts';

describe('completion, certificates and their public verification', () => {
  let t: TestApp;
  let er: TrainingStaff;
  const events: EditionCompletedPayload[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    er = await createTrainingStaff(t.ctx.db, '08');
    t.ctx.events.on<EditionCompletedPayload>(EDITION_COMPLETED, async (payload) => {
      events.push(payload);
    });
  });
  afterAll(async () => t?.close());

  /** A running edition of three sessions where the first participant attends all, the second one session only. */
  async function runningClass() {
    const path = await createPath(t.ctx.db);
    const { edition, sessions } = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.trainer.id] });
    const [full, rare] = await createClass(t.ctx.db, edition, 2);
    const withdrawn = await createApplication(t.ctx.db, { edition, status: 'withdrawn' });
    await attendanceRepository.upsert(t.ctx.db, [
      ...sessions.map((s) => ({ sessionId: s.id, applicationId: full!.id, status: 'present' as const, arrivedAt: null, leftAt: null, source: 'trainer' as const, recordedBy: null })),
      { sessionId: sessions[0]!.id, applicationId: rare!.id, status: 'present', arrivedAt: null, leftAt: null, source: 'trainer', recordedBy: null },
    ]);
    const manager = t.client();
    await signIn(manager, er.manager.id, t.ctx.db);
    return { path, edition, full: full!, rare: rare!, withdrawn, manager };
  }

  it('completes an edition, telling the other modules who took part, inside the same transaction', async () => {
    const { edition, full, rare, withdrawn, manager } = await runningClass();
    expect((await manager.post(`/it/training/manage/editions/${edition.id}/state`, { action: 'complete' })).statusCode).toBe(303);
    const payload = events.find((e) => e.editionId === edition.id)!;
    expect(payload).toMatchObject({ pathId: edition.pathId, regionCode: '08', trainerPersonIds: [er.trainer.id] });
    expect(payload.participantPersonIds.sort()).toEqual([full.personId, rare.personId].sort());
    expect(payload.participantPersonIds).not.toContain(withdrawn.personId);
    expect((await editionRepository.find(t.ctx.db, edition.id))!.completedAt).not.toBeNull();
  });

  it('rolls the completion back when a listener fails', async () => {
    const { edition, manager } = await runningClass();
    t.ctx.events.on<EditionCompletedPayload>(EDITION_COMPLETED, async (payload) => {
      if (payload.editionId === edition.id) throw new Error('listener failed');
    });
    expect((await manager.post(`/it/training/manage/editions/${edition.id}/state`, { action: 'complete' })).statusCode).toBe(500);
    expect((await editionRepository.find(t.ctx.db, edition.id))!.state).toBe('running');
  });

  it('issues certificates only above the attendance threshold; the holder downloads a PDF; a stranger verifies it', async () => {
    const { edition, full, rare, manager } = await runningClass();
    const early = await manager.post(`/it/training/manage/editions/${edition.id}/certificates`);
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('Gli attestati si rilasciano quando l’edizione è conclusa.');
    await manager.post(`/it/training/manage/editions/${edition.id}/state`, { action: 'complete' });
    expect((await manager.post(`/it/training/manage/editions/${edition.id}/certificates`)).statusCode).toBe(303);
    const certificates = await certificateRepository.listByEdition(t.ctx.db, edition.id);
    expect(certificates.map((c) => c.applicationId)).toEqual([full.id]);
    const certificate = certificates[0]!;
    expect(certificate).toMatchObject({ holderName: full.fullName, minutesAttended: 720, minutesPlanned: 720 });
    expect(certificate.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await manager.post(`/it/training/manage/editions/${edition.id}/certificates`);
    expect(await certificateRepository.listByEdition(t.ctx.db, edition.id)).toHaveLength(1);

    const holder = t.client();
    await signIn(holder, full.personId, t.ctx.db);
    const pdf = await holder.get(`/it/training/my/${full.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const below = t.client();
    await signIn(below, rare.personId, t.ctx.db);
    expect((await below.get(`/it/training/my/${rare.id}/certificate.pdf`)).statusCode).toBe(404);
    expect((await below.get(`/it/training/my/${full.id}/certificate.pdf`)).statusCode).toBe(404);

    for (const [lang, valid] of [['it', 'Attestato valido'], ['en', 'Valid certificate']] as const) {
      const page = await t.client().get(`/${lang}/certificates/${certificate.code}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(valid);
      expect(page.body).toContain(full.fullName);
      expect(page.body).toContain(edition.startsOn.slice(0, 4));
    }
    const typed = await t.client().get(`/it/certificates?code=${certificate.code.toLowerCase().replace(/-/g, ' ')}`);
    expect(typed.headers.location).toBe(`/it/certificates/${certificate.code}`);
    const api = await t.client().get(`/api/v1/training/certificates/${certificate.code}`);
    expect(JSON.parse(api.body)).toMatchObject({ status: 'valid', holderName: full.fullName, hoursAttended: 12, hoursPlanned: 12 });
  });

  it('writes the certificate in the reader\'s language: Arabic and Urdu right to left, Chinese, Bengali, Ukrainian in their scripts', async () => {
    const { edition, full, manager } = await runningClass();
    await manager.post(`/it/training/manage/editions/${edition.id}/state`, { action: 'complete' });
    await manager.post(`/it/training/manage/editions/${edition.id}/certificates`);
    const [certificate] = await certificateRepository.listByEdition(t.ctx.db, edition.id);
    const holder = t.client();
    await signIn(holder, full.personId, t.ctx.db);
    for (const lang of ['ar', 'ur', 'zh', 'bn', 'uk'] as const) {
      const pdf = await holder.get(`/${lang}/training/my/${full.id}/certificate.pdf`);
      expect(pdf.statusCode).toBe(200);
      const lines = pdfVisualLines(pdf.rawPayload);
      const title = t.ctx.i18n.translator(lang)('training.certificate.pdf.title');
      const read = (l: (typeof lines)[number]) => (lang === 'ar' || lang === 'ur' ? readRightToLeft(l.runs) : lang === 'bn' ? [...l.text].sort().join('') : l.text);
      const expected = lang === 'bn' ? [...title].sort().join('') : title;
      expect(lines.map(read), lang).toContain(expected);
      expect(lines.map((l) => l.text)).toContain(full.fullName);
      expect(lines.map((l) => l.text)).toContain(`${t.ctx.config.baseUrl}/${lang}/certificates/${certificate!.code}`);
    }
  });

  it('says a revoked certificate is revoked, with the reason, and no longer names its holder', async () => {
    const { edition, full, manager } = await runningClass();
    await manager.post(`/it/training/manage/editions/${edition.id}/state`, { action: 'complete' });
    await manager.post(`/it/training/manage/editions/${edition.id}/certificates`);
    const [certificate] = await certificateRepository.listByEdition(t.ctx.db, edition.id);
    const short = await manager.post(`/it/training/manage/certificates/${certificate!.id}/revoke`, { reason: 'no' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('scrivi un motivo da 5 a 500 caratteri');
    expect((await manager.post(`/it/training/manage/certificates/${certificate!.id}/revoke`, { reason: 'Presenze trascritte per errore' })).statusCode).toBe(303);
    const page = await t.client().get(`/it/certificates/${certificate!.code}`);
    expect(page.body).toContain('Attestato revocato');
    expect(page.body).toContain('Presenze trascritte per errore');
    expect(page.body).not.toContain(full.fullName);
    const holder = t.client();
    await signIn(holder, full.personId, t.ctx.db);
    expect((await holder.get(`/it/training/my/${full.id}/certificate.pdf`)).statusCode).toBe(404);
  });

  it('shows no personal data for an unknown code, and keeps managers of other regions from certificates', async () => {
    const unknown = await t.client().get('/it/certificates/AAAA-BBBB-CCCC');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Nessun attestato ha questo codice');
    expect((await t.client().get('/api/v1/training/certificates/AAAA-BBBB-CCCC')).statusCode).toBe(404);
    const { edition, manager } = await runningClass();
    await manager.post(`/it/training/manage/editions/${edition.id}/state`, { action: 'complete' });
    await manager.post(`/it/training/manage/editions/${edition.id}/certificates`);
    const [certificate] = await certificateRepository.listByEdition(t.ctx.db, edition.id);
    const sic = await createTrainingStaff(t.ctx.db, '19');
    const other = t.client();
    await signIn(other, sic.manager.id, t.ctx.db);
    expect((await other.get(`/it/training/manage/certificates/${certificate!.id}/pdf`)).statusCode).toBe(404);
    expect((await other.post(`/it/training/manage/certificates/${certificate!.id}/revoke`, { reason: 'Tentativo non autorizzato' })).statusCode).toBe(404);
    expect((await manager.get(`/it/training/manage/certificates/${certificate!.id}/pdf`)).statusCode).toBe(200);
  });
});
