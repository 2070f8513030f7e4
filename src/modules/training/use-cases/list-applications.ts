import type { Actor } from '../../../kernel/auth/actor.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import type { Application } from '../data/records.ts';
import { MAIN_PROFILES, PROFILES, type Profile } from '../domain/vocabulary.ts';
import { loadEditionFor, type EditionAccess } from './access.ts';

/** The selection screen: applications in order of arrival, admitted per profile against quotas and the minimum mix. */
export interface SelectionOverview extends EditionAccess {
  applications: (Application & { accessibilityNeeds: string | null; waitingPosition: number | null })[];
  admittedByProfile: Record<Profile, number>;
  shortfalls: { profile: Profile; missing: number }[];
}

/** Loads the applications of an edition for its managers (accessibility needs decrypted for them only). */
export async function listApplications(options: { ctx: ModuleContext; actor: Actor; editionId: string }): Promise<SelectionOverview> {
  const { ctx } = options;
  const access = await loadEditionFor(ctx.db, options.actor, options.editionId, 'manage');
  const all = await applicationRepository.listByEdition(ctx.db, access.edition.id);
  const admittedByProfile = Object.fromEntries(PROFILES.map((p) => [p, 0])) as Record<Profile, number>;
  for (const a of all) if (a.status === 'admitted') admittedByProfile[a.profile]++;
  const waiting = all.filter((a) => a.status === 'waiting').map((a) => a.id);
  return {
    ...access,
    applications: all.map((a) => ({
      ...a,
      accessibilityNeeds: a.accessibilityEnc ? ctx.crypto.decrypt(a.accessibilityEnc, 'training.accessibility') : null,
      waitingPosition: a.status === 'waiting' ? waiting.indexOf(a.id) + 1 : null,
    })),
    admittedByProfile,
    shortfalls: MAIN_PROFILES.map((profile) => ({ profile, missing: access.edition.minPerProfile - admittedByProfile[profile] })).filter((s) => s.missing > 0),
  };
}
