import { can, reachOf, type Actor, type Reach } from '../../kernel/auth/actor.ts';
import type { Dataset, DatasetVisibility } from './data/repository.ts';

/** Whether the actor may see a dataset: published ones are public, others need the read permission for its region. */
export function canSeeDataset(actor: Actor | null, dataset: Pick<Dataset, 'isPublished' | 'regionCode'>): boolean {
  return dataset.isPublished || can(actor, 'observatory.dataset.read', { regionCode: dataset.regionCode });
}

/** Whether the actor may import into a dataset of a region (null: a national dataset). */
export function canImportInto(actor: Actor | null, regionCode: string | null): boolean {
  return can(actor, 'observatory.dataset.import', { regionCode });
}

/** Whether the actor may publish or unpublish a dataset. */
export function canPublish(actor: Actor | null, dataset: Pick<Dataset, 'regionCode'>): boolean {
  return can(actor, 'observatory.dataset.publish', { regionCode: dataset.regionCode });
}

/** Which datasets lists show the actor: published ones, plus unpublished ones within their read reach. */
export function visibilityFor(actor: Actor | null): DatasetVisibility {
  if (!actor) return { unpublishedReach: null };
  return { unpublishedReach: reachOf(actor, 'observatory.dataset.read') };
}

/** Where the actor may import: every region and the national datasets, or some regions. */
export function importReach(actor: Actor | null): Reach {
  return reachOf(actor, 'observatory.dataset.import');
}

/** The abilities a dataset's staff page shows (computed once, so views do not repeat the rules). */
export function abilitiesFor(actor: Actor | null, dataset: Pick<Dataset, 'regionCode'>): { canImport: boolean; canPublish: boolean } {
  return { canImport: canImportInto(actor, dataset.regionCode), canPublish: canPublish(actor, dataset) };
}
