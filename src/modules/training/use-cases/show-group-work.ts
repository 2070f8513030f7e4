import type { Actor } from '../../../kernel/auth/actor.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { evaluationRepository, type Assignment, type Submission } from '../data/evaluation-repository.ts';
import { groupRepository } from '../data/group-repository.ts';
import type { Group } from '../data/records.ts';
import { loadEditionFor, type EditionAccess } from './access.ts';

/** The assignments of an edition and what each group handed in. */
export interface GroupWork extends EditionAccess {
  assignments: Assignment[];
  groups: Group[];
  submissions: Submission[];
}

/** Loads the group work of an edition for its trainers and managers. */
export async function showGroupWork(options: { ctx: ModuleContext; actor: Actor; editionId: string }): Promise<GroupWork> {
  const access = await loadEditionFor(options.ctx.db, options.actor, options.editionId);
  return {
    ...access,
    assignments: await evaluationRepository.listAssignments(options.ctx.db, access.edition.id),
    groups: await groupRepository.listByEdition(options.ctx.db, access.edition.id),
    submissions: await evaluationRepository.listSubmissions(options.ctx.db, access.edition.id),
  };
}
