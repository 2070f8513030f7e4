import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { territory } from '../../territory/index.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import type { Edition, Path } from '../data/records.ts';
import { addFigures, emptyFigures, summarise, type Figures, type RawFigures } from '../domain/report-figures.ts';
import { EDITION_STATES, PROGRAMME_TARGET_PATHS, type EditionState } from '../domain/vocabulary.ts';
import { editionAbilities, reportRegions } from '../policy.ts';
import { editionFigures } from './edition-figures.ts';

/** What the funder's report is narrowed to. */
export interface ReportFilter {
  pathId?: string;
  regionCode?: string;
  editionId?: string;
}

/** The funder's report: the programme's progress, and figures per edition, path and region. */
export interface Report {
  progress: { target: number; paths: number; pathsWithCompletedEdition: number; editionsByState: Record<EditionState, number> };
  /** Per edition; `canOpen` when the reader may open the edition's staff pages (the funder may not). */
  editions: { edition: Edition; path: Path; regionName: string; figures: Figures; canOpen: boolean }[];
  byPath: { path: Path; figures: Figures }[];
  byRegion: { regionCode: string; regionName: string; figures: Figures }[];
  totals: Figures;
  /** Paths and regions the reader may filter by. */
  choices: { paths: Path[]; regions: { code: string; name: string }[] };
}

/** Builds the report over the regions the reader may see (every region for the funder). */
export async function buildReport(options: { ctx: ModuleContext; actor: Actor; filter: ReportFilter }): Promise<Report> {
  const { ctx, filter } = options;
  const regions = reportRegions(options.actor);
  if (regions === false) throw new NotFoundError();
  const allRegions = await territory.listRegions(ctx.db);
  const regionName = (code: string) => allRegions.find((r) => r.code === code)?.name ?? code;
  const paths = await pathRepository.list(ctx.db, regions);
  const pathById = new Map(paths.map((p) => [p.id, p]));
  const visible = (await editionRepository.list(ctx.db, { regionCodes: regions })).filter((e) => pathById.has(e.pathId) && e.state !== 'draft');
  const editions = visible.filter(
    (e) => (!filter.pathId || e.pathId === filter.pathId) && (!filter.regionCode || e.regionCode === filter.regionCode) && (!filter.editionId || e.id === filter.editionId),
  );

  const rows: { edition: Edition; path: Path; regionName: string; raw: RawFigures }[] = [];
  for (const edition of editions) rows.push({ edition, path: pathById.get(edition.pathId)!, regionName: regionName(edition.regionCode), raw: await editionFigures(ctx.db, edition) });
  const group = <K>(key: (row: (typeof rows)[number]) => K) => {
    const out = new Map<K, RawFigures>();
    for (const row of rows) out.set(key(row), addFigures(out.get(key(row)) ?? emptyFigures(), row.raw));
    return out;
  };
  const editionsByState = Object.fromEntries(EDITION_STATES.map((s) => [s, 0])) as Record<EditionState, number>;
  for (const e of visible) editionsByState[e.state]++;
  const completedPaths = new Set(visible.filter((e) => e.state === 'completed').map((e) => e.pathId));
  return {
    progress: { target: PROGRAMME_TARGET_PATHS, paths: paths.length, pathsWithCompletedEdition: completedPaths.size, editionsByState },
    editions: rows.map((r) => ({ edition: r.edition, path: r.path, regionName: r.regionName, figures: summarise(r.raw), canOpen: editionAbilities(options.actor, r.edition).canSee })),
    byPath: [...group((r) => r.path.id)].map(([id, raw]) => ({ path: pathById.get(id)!, figures: summarise(raw) })).sort((a, b) => a.path.code.localeCompare(b.path.code)),
    byRegion: [...group((r) => r.edition.regionCode)].map(([code, raw]) => ({ regionCode: code, regionName: regionName(code), figures: summarise(raw) })).sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
    totals: summarise(rows.reduce((sum, r) => addFigures(sum, r.raw), emptyFigures())),
    choices: {
      paths,
      regions: [...new Set(visible.map((e) => e.regionCode))].sort().map((code) => ({ code, name: regionName(code) })),
    },
  };
}
