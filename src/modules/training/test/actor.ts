import type { Actor } from '../../../kernel/auth/actor.ts';
import type { TestApp } from '../../../../test/support/test-app.ts';

/** The Actor of a person, as a request would see it, for calling use cases directly in tests. */
export async function loadActor(t: TestApp, personId: string): Promise<Actor> {
  const provider = t.modules.find((m) => m.actorLoader);
  const actor = await provider!.actorLoader!(t.ctx)(personId);
  if (!actor) throw new Error(`no actor for ${personId}`);
  return actor;
}
