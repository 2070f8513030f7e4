import { can, type Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { editionRepository, type EditionSummary } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import type { Path } from '../data/records.ts';
import { canCreatePaths, canEnterWorkspace, managedRegions, reportRegions } from '../policy.ts';

/** The training workspace of a person: what they manage, what they teach, whether they read reports. */
export interface Workspace {
  paths: Path[];
  managed: EditionSummary[];
  teaching: EditionSummary[];
  canCreatePath: boolean;
  /** Whether the person holds the trainer role (the teaching list is shown even when empty). */
  canTeach: boolean;
  canReadReports: boolean;
  pathTitles: Map<string, Path>;
}

/** Lists the paths and editions a manager manages and the editions a trainer is assigned to. */
export async function listWorkspace(options: { ctx: ModuleContext; actor: Actor }): Promise<Workspace> {
  const { ctx, actor } = options;
  if (!canEnterWorkspace(actor)) throw new NotFoundError();
  const regions = managedRegions(actor);
  const isManager = regions === null || regions.length > 0;
  const paths = isManager ? await pathRepository.list(ctx.db, regions) : [];
  const managed = isManager ? await editionRepository.list(ctx.db, { regionCodes: regions }) : [];
  const managedIds = new Set(managed.map((e) => e.id));
  const teaching = (await editionRepository.list(ctx.db, { trainerId: actor.personId })).filter((e) => !managedIds.has(e.id));
  const pathTitles = new Map((await pathRepository.findMany(ctx.db, [...new Set([...managed, ...teaching].map((e) => e.pathId))])).map((p) => [p.id, p]));
  return { paths, managed, teaching, canCreatePath: canCreatePaths(actor), canTeach: can(actor, 'training.edition.teach'), canReadReports: reportRegions(actor) !== false, pathTitles };
}
