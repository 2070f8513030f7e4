import type { Actor } from '../../../kernel/auth/actor.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { peopleRepository, type PersonName } from '../data/people-repository.ts';
import type { Session } from '../data/records.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../domain/vocabulary.ts';
import { loadEditionFor, type EditionAccess } from './access.ts';

/** An edition's staff overview: calendar, trainers, how many applied and were admitted. */
export interface EditionOverview extends EditionAccess {
  sessions: Session[];
  trainers: PersonName[];
  counts: Record<ApplicationStatus, number>;
  /** For managers: people holding the trainer role, to assign. */
  trainerChoices: PersonName[];
  names: Map<string, PersonName>;
}

/** Loads an edition for its managers and assigned trainers. */
export async function showEdition(options: { ctx: ModuleContext; actor: Actor; editionId: string }): Promise<EditionOverview> {
  const { db } = options.ctx;
  const access = await loadEditionFor(db, options.actor, options.editionId);
  const sessions = await sessionRepository.listByEdition(db, access.edition.id);
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const a of await applicationRepository.listByEdition(db, access.edition.id)) counts[a.status]++;
  const trainerChoices = access.abilities.canManage ? await peopleRepository.listTrainers(db, null) : [];
  const names = await peopleRepository.names(db, [...new Set([...access.edition.trainerIds, ...sessions.map((s) => s.trainerPersonId).filter((id): id is string => id !== null)])]);
  return {
    ...access,
    sessions,
    trainers: access.edition.trainerIds.map((id) => names.get(id)).filter((p): p is PersonName => p !== undefined),
    counts,
    trainerChoices,
    names,
  };
}
