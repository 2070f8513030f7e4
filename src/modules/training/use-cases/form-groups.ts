import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { groupRepository } from '../data/group-repository.ts';
import { formGroups, planGroups, type GroupingResult } from '../domain/grouping.ts';
import { memberOf } from '../domain/members.ts';
import { seedFrom } from '../domain/random.ts';
import { loadEditionFor } from './access.ts';

/**
 * Splits the admitted class into learning groups of the size chosen, as mixed as possible (see
 * domain/grouping.ts), seeded by the edition so that forming again gives the same groups. Forming again
 * once groups have handed in work or reviewed each other is refused: it would orphan that work.
 */
export async function formEditionGroups(options: { ctx: ModuleContext; actor: Actor; editionId: string; groupSize: number }): Promise<GroupingResult> {
  const { ctx, actor, groupSize } = options;
  return ctx.db.transaction().execute(async (trx) => {
    const { edition } = await loadEditionFor(trx, actor, options.editionId, 'manage', { forUpdate: true });
    if (edition.state === 'completed' || edition.state === 'draft') throw new ValidationError([{ field: 'groupSize', messageKey: 'training.staff.errors.groupsLocked' }]);
    const participants = await applicationRepository.listByEdition(trx, edition.id, ['admitted']);
    const plan = planGroups(participants.length, groupSize);
    if ('problem' in plan) {
      throw new ValidationError([{ field: 'groupSize', messageKey: `training.staff.groups.problems.${plan.problem}`, values: { participants: participants.length, size: groupSize } }]);
    }
    if (await groupRepository.hasGroupWork(trx, edition.id)) throw new ValidationError([{ field: 'groupSize', messageKey: 'training.staff.errors.groupWorkExists' }]);
    const result = formGroups({ members: participants.map(memberOf), groupSize, seed: seedFrom(edition.id) });
    await groupRepository.replace(trx, edition.id, result.groups);
    await editionRepository.update(trx, edition.id, { ...edition, groupSize });
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: 'training.groups.formed', entity: 'training.edition', entityId: edition.id, regionCode: edition.regionCode, details: { groups: result.groups.length, score: result.score } },
      trx,
    );
    return result;
  });
}
