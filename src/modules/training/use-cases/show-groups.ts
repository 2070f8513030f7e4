import type { Actor } from '../../../kernel/auth/actor.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { groupRepository } from '../data/group-repository.ts';
import type { Application, Group } from '../data/records.ts';
import { warningsFor, type GroupingWarning } from '../domain/grouping.ts';
import { memberOf } from '../domain/members.ts';
import { mixOf, splitScore, varyingAttributes, type GroupMix } from '../domain/mix-score.ts';
import { loadEditionFor, type EditionAccess } from './access.ts';

/** A group with its members and how mixed it is. */
export interface GroupView {
  group: Group;
  members: Application[];
  mix: GroupMix;
}

/** The groups of an edition as the staff see them. */
export interface GroupsOverview extends EditionAccess {
  groups: GroupView[];
  /** Admitted participants not in any group (e.g. admitted after the groups were formed). */
  ungrouped: Application[];
  score: number;
  sameOrganisationPairs: number;
  warnings: GroupingWarning[];
  /** Whether group sizes differ by more than one after moves by hand. */
  isUnbalanced: boolean;
}

/** Loads an edition's groups with each group's mix, the class's score and what the manager is warned about. */
export async function showGroups(options: { ctx: ModuleContext; actor: Actor; editionId: string }): Promise<GroupsOverview> {
  const access = await loadEditionFor(options.ctx.db, options.actor, options.editionId);
  const participants = await applicationRepository.listByEdition(options.ctx.db, access.edition.id, ['admitted']);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const stored = await groupRepository.listByEdition(options.ctx.db, access.edition.id);
  const attributes = varyingAttributes(stored.flatMap((g) => g.memberIds).filter((id) => byId.has(id)).map((id) => memberOf(byId.get(id)!)));
  const groups = stored.map((group) => {
    const members = group.memberIds.map((id) => byId.get(id)).filter((a): a is Application => a !== undefined).sort((a, b) => a.fullName.localeCompare(b.fullName));
    return { group, members, mix: mixOf(members.map(memberOf), attributes) };
  });
  const grouped = new Set(groups.flatMap((g) => g.members.map((m) => m.id)));
  const { score, sameOrganisationPairs } = splitScore(groups.map((g) => g.members.map(memberOf)));
  const sizes = groups.map((g) => g.members.length);
  return {
    ...access,
    groups,
    ungrouped: participants.filter((p) => !grouped.has(p.id)),
    score,
    sameOrganisationPairs,
    warnings: groups.length ? warningsFor(participants.filter((p) => grouped.has(p.id)).map(memberOf), groups.length, score) : [],
    isUnbalanced: sizes.length > 0 && Math.max(...sizes) - Math.min(...sizes) > 1,
  };
}
