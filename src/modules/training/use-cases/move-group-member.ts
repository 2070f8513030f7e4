import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { groupRepository } from '../data/group-repository.ts';
import { memberOf } from '../domain/members.ts';
import { splitScore } from '../domain/mix-score.ts';
import { loadEditionFor } from './access.ts';

/** Moves a participant into another group by hand; returns the class's score before and after, so the change shows. */
export async function moveGroupMember(options: { ctx: ModuleContext; actor: Actor; editionId: string; applicationId: string; groupId: string }): Promise<{ before: number; after: number }> {
  const { ctx, actor } = options;
  return ctx.db.transaction().execute(async (trx) => {
    const { edition } = await loadEditionFor(trx, actor, options.editionId, 'manage', { forUpdate: true });
    if (edition.state === 'completed') throw new ValidationError([{ field: 'groupId', messageKey: 'training.staff.errors.groupsLocked' }]);
    const participants = new Map((await applicationRepository.listByEdition(trx, edition.id, ['admitted'])).map((p) => [p.id, p]));
    const groups = await groupRepository.listByEdition(trx, edition.id);
    const target = groups.find((g) => g.id === options.groupId);
    if (!participants.has(options.applicationId) || !target) throw new NotFoundError();
    const scoreOf = (list: typeof groups) => splitScore(list.map((g) => g.memberIds.filter((id) => participants.has(id)).map((id) => memberOf(participants.get(id)!)))).score;
    const before = scoreOf(groups);
    const moved = groups.map((g) => ({
      ...g,
      memberIds: g.id === target.id ? [...g.memberIds.filter((id) => id !== options.applicationId), options.applicationId] : g.memberIds.filter((id) => id !== options.applicationId),
    }));
    await groupRepository.moveMember(trx, options.applicationId, target.id);
    const after = scoreOf(moved);
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: 'training.groups.member_moved', entity: 'training.edition', entityId: edition.id, regionCode: edition.regionCode, details: { before, after } },
      trx,
    );
    return { before, after };
  });
}
