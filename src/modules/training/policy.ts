import { can, reachOf, type Actor } from '../../kernel/auth/actor.ts';
import type { Edition, Path } from './data/records.ts';

/** What a person may do in one edition; handed to the views so pages do not repeat the rules. */
export interface EditionAbilities {
  /** Settings, calendar, selection, groups, certificates. */
  canManage: boolean;
  /** Assigned as a trainer: register, check-in codes, assignments. */
  canTeach: boolean;
  /** Sees the staff pages of the edition at all (manage or teach). */
  canSee: boolean;
}

/** Whether the person may open the training workspace (managers, trainers, the funder). */
export function canEnterWorkspace(actor: Actor | null): boolean {
  return can(actor, 'training.workspace.open');
}

/** Whether the person may create paths somewhere. */
export function canCreatePaths(actor: Actor | null): boolean {
  return can(actor, 'training.path.manage');
}

/** Whether the person may change a path: it must touch a region they manage. */
export function canManagePath(actor: Actor | null, path: Pick<Path, 'regionCodes'>): boolean {
  return path.regionCodes.some((regionCode) => can(actor, 'training.path.manage', { regionCode }));
}

/** Whether the person may give a path this region. */
export function canManagePathIn(actor: Actor | null, regionCode: string): boolean {
  return can(actor, 'training.path.manage', { regionCode });
}

/** Whether the person is one of the edition's assigned trainers (the teach permission alone opens nothing). */
export function isAssignedTrainer(actor: Actor | null, edition: Pick<Edition, 'trainerIds'>): boolean {
  return actor !== null && can(actor, 'training.edition.teach') && edition.trainerIds.includes(actor.personId);
}

/** Everything the person may do in an edition. */
export function editionAbilities(actor: Actor | null, edition: Pick<Edition, 'regionCode' | 'trainerIds'>): EditionAbilities {
  const canManage = can(actor, 'training.edition.manage', { regionCode: edition.regionCode });
  const canTeach = canManage || isAssignedTrainer(actor, edition);
  return { canManage, canTeach, canSee: canTeach };
}

/** The regions whose editions the person manages (null: every region). */
export function managedRegions(actor: Actor | null): string[] | null {
  const reach = reachOf(actor, 'training.edition.manage');
  return reach.all ? null : reach.regionCodes;
}

/** Whether the person may read the funder's reports, and over which regions (null: every region). */
export function reportRegions(actor: Actor | null): string[] | null | false {
  if (!can(actor, 'training.report.read')) return false;
  const reach = reachOf(actor, 'training.report.read');
  return reach.all ? null : reach.regionCodes;
}
