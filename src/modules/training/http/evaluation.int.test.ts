import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { signIn } from '../../accounts/test/factories.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { evaluationRepository } from '../data/evaluation-repository.ts';
import { groupRepository } from '../data/group-repository.ts';
import { addDays } from '../domain/rome-time.ts';
import { createClass, createEdition, createPath, createTrainingStaff, today, type TrainingStaff } from '../test/factories.ts';

describe('cooperative work and evaluation', () => {
  let t: TestApp;
  let er: TrainingStaff;

  beforeAll(async () => {
    t = await createTestApp();
    er = await createTrainingStaff(t.ctx.db, '08');
  });
  afterAll(async () => t?.close());

  async function classInGroups(state: 'running' | 'completed' = 'running') {
    const path = await createPath(t.ctx.db);
    const { edition, sessions } = await createEdition(t.ctx.db, { path, state: 'running', trainerIds: [er.trainer.id], sessionDays: [-7, -3, 2] });
    const people = await createClass(t.ctx.db, edition, 8, { organisations: 8 });
    const manager = t.client();
    await signIn(manager, er.manager.id, t.ctx.db);
    await manager.post(`/it/training/manage/editions/${edition.id}/groups`, { groupSize: '4' });
    if (state === 'completed') await editionRepository.setState(t.ctx.db, edition.id, 'completed', new Date());
    const groups = await groupRepository.listByEdition(t.ctx.db, edition.id);
    const signed = async (personId: string) => {
      const client = t.client();
      await signIn(client, personId, t.ctx.db);
      return client;
    };
    return { path, edition, sessions, people, groups, manager, signed };
  }

  it('lets a trainer set a group assignment and a member hand in the group’s work', async () => {
    const { edition, people, groups, signed } = await classInGroups();
    const trainer = await signed(er.trainer.id);
    const late = await trainer.post(`/it/training/manage/editions/${edition.id}/work`, { title: 'Mappa dei servizi', description: 'Disegnate la mappa dei servizi.', dueOn: addDays(today(), 60) });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('la scadenza deve cadere tra');
    expect((await trainer.post(`/it/training/manage/editions/${edition.id}/work`, { title: 'Mappa dei servizi', description: 'Disegnate la mappa dei servizi.' })).statusCode).toBe(303);
    const [assignment] = await evaluationRepository.listAssignments(t.ctx.db, edition.id);

    const member = people.find((p) => groups[0]!.memberIds.includes(p.id))!;
    const client = await signed(member.personId);
    const short = await client.post(`/it/training/my/${member.id}/work`, { assignmentId: assignment!.id, body: 'corto' });
    expect(short.statusCode).toBe(422);
    expect((await client.post(`/it/training/my/${member.id}/work`, { assignmentId: assignment!.id, body: 'La nostra mappa collega anagrafe, ASL e CPI.' })).statusCode).toBe(303);
    const submissions = await evaluationRepository.listSubmissions(t.ctx.db, edition.id);
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ groupId: groups[0]!.id, submittedBy: member.id });
    const work = await trainer.get(`/it/training/manage/editions/${edition.id}/work`);
    expect(work.body).toContain('La nostra mappa collega anagrafe');
    const reform = await (await signed(er.manager.id)).post(`/it/training/manage/editions/${edition.id}/groups`, { groupSize: '4' });
    expect(reform.statusCode).toBe(422);
    expect(reform.body).toContain('spostare persone a mano è ancora possibile, riformarli no');
  });

  it('lets participants rate only members of their own group', async () => {
    const { people, groups, signed, edition } = await classInGroups();
    const [g1, g2] = groups;
    const reviewer = people.find((p) => g1!.memberIds.includes(p.id))!;
    const mate = people.find((p) => g1!.memberIds.includes(p.id) && p.id !== reviewer.id)!;
    const outsider = people.find((p) => g2!.memberIds.includes(p.id))!;
    const client = await signed(reviewer.personId);
    expect((await client.post(`/it/training/my/${reviewer.id}/review`, { revieweeId: mate.id, [`score_${mate.id}`]: '4' })).statusCode).toBe(303);
    const refused = await client.post(`/it/training/my/${reviewer.id}/review`, { revieweeId: outsider.id, [`score_${outsider.id}`]: '1' });
    expect(refused.statusCode).toBe(422);
    const self = await client.post(`/it/training/my/${reviewer.id}/review`, { revieweeId: reviewer.id, [`score_${reviewer.id}`]: '5' });
    expect(self.statusCode).toBe(422);
    expect(await evaluationRepository.listPeerReviews(t.ctx.db, edition.id)).toEqual([{ reviewerId: reviewer.id, revieweeId: mate.id, score: 4, comment: null }]);
  });

  it('collects questionnaires and self-assessments in their windows and reports the change by profile', async () => {
    const { edition, sessions, people, signed, path } = await classInGroups();
    const [a, b] = people;
    const clientA = await signed(a!.personId);
    const future = await clientA.post(`/it/training/my/${a!.id}/feedback`, { sessionId: '', overall: '5' });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('Questo questionario non è aperto.');
    expect((await clientA.post(`/it/training/my/${a!.id}/feedback`, { sessionId: sessions[0]!.id, overall: '4' })).statusCode).toBe(303);
    const twice = await clientA.post(`/it/training/my/${a!.id}/feedback`, { sessionId: sessions[0]!.id, overall: '2' });
    expect(twice.body).toContain('Hai già risposto.');
    const missing = await clientA.post(`/it/training/my/${a!.id}/assessment`, { phase: 'before', competence_0: '2' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('scegli un valore da 1 a 5');
    expect((await clientA.post(`/it/training/my/${a!.id}/assessment`, { phase: 'before', competence_0: '2', competence_1: '2', competence_2: '3' })).statusCode).toBe(303);
    const clientB = await signed(b!.personId);
    await clientB.post(`/it/training/my/${b!.id}/assessment`, { phase: 'before', competence_0: '1', competence_1: '1', competence_2: '1' });
    const tooEarly = await clientA.post(`/it/training/my/${a!.id}/assessment`, { phase: 'after', competence_0: '4', competence_1: '4', competence_2: '4' });
    expect(tooEarly.statusCode).toBe(422);

    await editionRepository.setState(t.ctx.db, edition.id, 'completed', new Date());
    expect((await clientA.post(`/it/training/my/${a!.id}/assessment`, { phase: 'after', competence_0: '4', competence_1: '4', competence_2: '4' })).statusCode).toBe(303);
    expect((await clientB.post(`/it/training/my/${b!.id}/assessment`, { phase: 'after', competence_0: '2', competence_1: '2', competence_2: '2' })).statusCode).toBe(303);
    expect((await clientA.post(`/it/training/my/${a!.id}/feedback`, { sessionId: '', overall: '5', content: '4', trainers: '5', organisation: '3', comment: 'Utile' })).statusCode).toBe(303);

    const trainer = await signed(er.trainer.id);
    const page = await trainer.get(`/it/training/manage/editions/${edition.id}/evaluation`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Soddisfazione complessiva<\/th><td>5 \(1\)/);
    expect(page.body).toContain('Utile');
    // a (pa_manager): 2,2,3 → 4,4,4, change 5/3; b (pa_official): 1 → 2, change 1.
    expect(page.body).toMatch(/Dirigente della pubblica amministrazione<\/th><td>5 \(1\)<\/td><td>1,67 \(1\)/);
    expect(page.body).toMatch(/Funzionario o funzionaria della pubblica amministrazione<\/th><td>—<\/td><td>1 \(1\)/);
    expect(path.competences).toHaveLength(3);
  });
});
