import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { editionRepository, type EditionSummary } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import { peopleRepository, type PersonName } from '../data/people-repository.ts';
import type { Path } from '../data/records.ts';
import { canManagePath } from '../policy.ts';
import { isUuid } from './access.ts';

/** A path's staff page: its fields, trainers and editions. */
export interface PathOverview {
  path: Path;
  trainers: PersonName[];
  editions: EditionSummary[];
}

/** Loads a path for a manager of one of its regions. */
export async function showPath(options: { ctx: ModuleContext; actor: Actor; pathId: string }): Promise<PathOverview> {
  const { ctx } = options;
  const path = isUuid(options.pathId) ? await pathRepository.find(ctx.db, options.pathId) : null;
  if (!path || !canManagePath(options.actor, path)) throw new NotFoundError();
  const names = await peopleRepository.names(ctx.db, path.trainerIds);
  return {
    path,
    trainers: path.trainerIds.map((id) => names.get(id)).filter((p): p is PersonName => p !== undefined),
    editions: await editionRepository.list(ctx.db, { pathId: path.id }),
  };
}

/** The people who may be chosen as trainers of a path, for the path form. */
export async function listTrainerChoices(options: { ctx: ModuleContext }): Promise<PersonName[]> {
  return peopleRepository.listTrainers(options.ctx.db, null);
}
