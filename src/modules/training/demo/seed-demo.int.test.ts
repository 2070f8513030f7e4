import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { certificateRepository } from '../data/certificate-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { groupRepository } from '../data/group-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import { DEMO_PARTICIPANT_EMAIL } from './seed-demo.ts';

describe('the training demo', () => {
  let t: TestApp;
  let elapsed = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const seed = (name: string) => t.modules.find((m) => m.name === name)!.seedDemo!(t.ctx);
    await seed('accounts');
    const started = performance.now();
    await seed('training');
    elapsed = performance.now() - started;
  });
  afterAll(async () => t?.close());

  it('holds the 18 paths across Emilia-Romagna and Sicilia, with editions in every state', async () => {
    const paths = await pathRepository.list(t.ctx.db, null);
    expect(paths).toHaveLength(18);
    expect(new Set(paths.flatMap((p) => p.regionCodes))).toEqual(new Set(['08', '19']));
    const editions = await editionRepository.list(t.ctx.db, {});
    expect(new Set(editions.map((e) => e.state))).toEqual(new Set(['draft', 'call_open', 'call_closed', 'running', 'completed']));
    expect(editions.filter((e) => e.state === 'completed').length).toBeGreaterThanOrEqual(5);
    expect(elapsed).toBeLessThan(20_000);
  });

  it('has applicants of every profile, mixed groups and certificates for completed editions, one of them revoked', async () => {
    const editions = await editionRepository.list(t.ctx.db, { states: ['completed'] });
    const profiles = new Set<string>();
    let certificates = 0;
    let revoked = 0;
    for (const edition of editions) {
      for (const a of await applicationRepository.listByEdition(t.ctx.db, edition.id)) profiles.add(a.profile);
      expect((await groupRepository.listByEdition(t.ctx.db, edition.id)).length).toBeGreaterThan(1);
      const issued = await certificateRepository.listByEdition(t.ctx.db, edition.id);
      certificates += issued.length;
      revoked += issued.filter((c) => c.revokedAt).length;
      expect(issued.length).toBeLessThan(edition.admitted);
    }
    expect(profiles).toEqual(new Set(['pa_manager', 'pa_official', 'third_sector', 'migrant_association', 'other']));
    expect(certificates).toBeGreaterThan(40);
    expect(revoked).toBeGreaterThanOrEqual(1);
  });

  it('gives the demo participant a certificate and a running class, and signs them in', async () => {
    const client = t.client();
    await client.get('/it/login');
    const login = await client.post('/it/login', { email: DEMO_PARTICIPANT_EMAIL, password: 'demo-crocevia-2026' });
    expect(login.statusCode).toBe(303);
    const mine = await client.get('/it/training/my');
    expect(mine.body).toContain('attestato disponibile');
    expect(mine.body).toContain('Ammesso/a');
  });

  it('does nothing the second time', async () => {
    expect(await t.modules.find((m) => m.name === 'training')!.seedDemo!(t.ctx)).toEqual([]);
    expect(await pathRepository.count(t.ctx.db)).toBe(18);
  });
});
