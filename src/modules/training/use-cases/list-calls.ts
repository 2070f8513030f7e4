import type { ModuleContext } from '../../../kernel/module.ts';
import { territory } from '../../territory/index.ts';
import { editionRepository, type EditionSummary } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import type { Path } from '../data/records.ts';

/** A path on the public catalogue with its public editions (never a person's name). */
export interface PublicPath {
  path: Path;
  editions: EditionSummary[];
}

/** The public catalogue: paths with editions past the draft, open calls first; region names for display. */
export async function listCalls(options: { ctx: ModuleContext }): Promise<{ paths: PublicPath[]; regionNames: Map<string, string> }> {
  const { db } = options.ctx;
  const editions = await editionRepository.list(db, { states: ['call_open', 'call_closed', 'running', 'completed'] });
  const paths = await pathRepository.list(db, null);
  const regionNames = new Map((await territory.listRegions(db)).map((r) => [r.code, r.name]));
  const rank = (e: EditionSummary) => (e.state === 'call_open' ? 0 : e.state === 'call_closed' || e.state === 'running' ? 1 : 2);
  const out = paths
    .map((path) => ({ path, editions: editions.filter((e) => e.pathId === path.id).sort((a, b) => rank(a) - rank(b) || a.startsOn.localeCompare(b.startsOn)) }))
    .filter((p) => p.editions.length > 0)
    .sort((a, b) => rank(a.editions[0]!) - rank(b.editions[0]!) || a.path.code.localeCompare(b.path.code));
  return { paths: out, regionNames };
}
