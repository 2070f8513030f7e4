import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { datasetRepository, type Dataset } from '../data/repository.ts';
import { loadVersionContext, observationRepository, TIME_GROUP, type AggregateRow, type VersionContext } from '../data/observations-repository.ts';
import type { TerritoryLevel } from '../importers/cube.ts';
import type { Labels } from '../importers/types.ts';
import { canSeeDataset } from '../policy.ts';
import type { IndicatorDefinition } from '../indicators/definitions.ts';
import { applyFormula, type IndicatorRow } from '../indicators/formulas.ts';
import { sumByPlace, type PlaceLevel, type TerritoryRef } from '../indicators/places.ts';
import { isSuppressed } from '../indicators/suppression.ts';

/** Which places an indicator is computed for. */
export type PlaceSelection =
  | { kind: 'italy' }
  | { kind: 'region'; code: string }
  | { kind: 'province'; code: string }
  | { kind: 'regions' }
  | { kind: 'provinces'; regionCode: string };

/** An indicator's values, with what rendering needs: group labels, the datasets it read, suppression marks. */
export interface IndicatorResult {
  definition: IndicatorDefinition;
  rows: (IndicatorRow & { isSuppressed: boolean })[];
  groupLabels: Map<string, Labels>;
  datasets: Dataset[];
}

/** A dataset loaded for a page: its current version's context, and the sums already asked of it. */
interface LoadedDataset {
  dataset: Dataset;
  context: VersionContext;
  /** Aggregation (as JSON) → its rows: indicators of one page often ask the same sums (residents, four times). */
  sums: Map<string, Promise<AggregateRow[]>>;
}

/** Loaded datasets and version contexts, shared by the indicators of one page. */
export type DatasetCache = Map<string, Promise<LoadedDataset | null>>;

async function loadDataset(db: Db, actor: Actor | null, key: string): Promise<LoadedDataset | null> {
  const dataset = await datasetRepository.findDataset(db, key);
  if (!dataset || !canSeeDataset(actor, dataset) || dataset.currentVersionId === null) return null;
  // Indicators are computed for places down to provinces (territoryFilter): a dataset's municipalities stay unread.
  const context = await loadVersionContext(db, dataset.currentVersionId, { territoryLevels: PLACE_LEVELS });
  return context ? { dataset, context, sums: new Map() } : null;
}

function levelOf(places: PlaceSelection): PlaceLevel {
  return places.kind === 'italy' ? 'country' : places.kind === 'region' || places.kind === 'regions' ? 'region' : 'province';
}

/** Every territory level `territoryFilter` may ask for. */
const PLACE_LEVELS: TerritoryLevel[] = ['country', 'region', 'autonomous_province', 'province'];

function territoryFilter(places: PlaceSelection): { levels: ('country' | 'region' | 'autonomous_province' | 'province')[]; regionCode?: string; provinceCode?: string } {
  switch (places.kind) {
    case 'italy':
      return { levels: ['country', 'region', 'autonomous_province'] };
    case 'region':
      return { levels: ['region', 'autonomous_province'], regionCode: places.code };
    case 'regions':
      return { levels: ['region', 'autonomous_province'] };
    case 'province':
      return { levels: ['province', 'autonomous_province'], provinceCode: places.code };
    case 'provinces':
      return { levels: ['province', 'autonomous_province'], regionCode: places.regionCode };
  }
}

/**
 * Computes an indicator for some places over every period of the current versions of its (visible) datasets.
 * Answers null when a dataset is missing, unpublished for this actor, or lacks a dimension the definition needs.
 */
export async function computeIndicator(options: { db: Db; actor: Actor | null; definition: IndicatorDefinition; places: PlaceSelection; suppressBelow: number; cache?: DatasetCache }): Promise<IndicatorResult | null> {
  const { db, actor, definition, places } = options;
  const cache: DatasetCache = options.cache ?? new Map();
  const level = levelOf(places);
  const measures: Record<string, IndicatorRow[]> = {};
  const datasets = new Map<string, Dataset>();
  const groupLabels = new Map<string, Labels>();
  for (const [name, measure] of Object.entries(definition.measures)) {
    if (!cache.has(measure.dataset)) cache.set(measure.dataset, loadDataset(db, actor, measure.dataset));
    const loaded = await cache.get(measure.dataset)!;
    if (!loaded?.context.territoryDimension) return null;
    const { dataset, context } = loaded;
    const territoryDimension = loaded.context.territoryDimension;
    const territoryCode = territoryDimension.code;
    const keep = definition.keep && context.dimensions.some((d) => d.code === definition.keep) ? definition.keep : null;
    if (definition.keep && !keep) return null;
    if (Object.keys(measure.filters).some((d) => !context.dimensions.some((x) => x.code === d))) return null;
    datasets.set(dataset.key, dataset);
    const query = { versionId: context.versionId, filters: measure.filters, territory: territoryFilter(places), groupBy: [territoryCode, ...(keep ? [keep] : []), TIME_GROUP] };
    const queryKey = JSON.stringify(query);
    if (!loaded.sums.has(queryKey)) loaded.sums.set(queryKey, observationRepository.aggregate(db, context, query));
    const aggregated = await loaded.sums.get(queryKey)!;
    const refs = new Map<string, TerritoryRef>();
    const groupInfo = new Map<string, { refKind: string | null; labels: Labels }>();
    for (const c of context.codesById.values()) {
      if (c.dimensionId === territoryDimension.id) refs.set(c.code, c);
      else if (keep && context.dimensions.find((d) => d.id === c.dimensionId)?.code === keep) groupInfo.set(c.code, c);
    }
    const coded = aggregated
      .map((r) => ({ territory: r.keys[territoryCode]!, time: r.time ?? '', group: keep ? r.keys[keep]! : null, value: r.value }))
      .filter((r) => !definition.isCountriesOnly || r.group === null || groupInfo.get(r.group)?.refKind === 'country');
    for (const r of coded) if (r.group !== null && groupInfo.has(r.group)) groupLabels.set(r.group, groupInfo.get(r.group)!.labels);
    measures[name] = sumByPlace(coded, (code) => refs.get(code), level);
  }
  const isFine = definition.isSuppressedInProvinces && level === 'province' && definition.formula.kind === 'sum';
  const rows = applyFormula(definition.formula, measures).map((r) => ({ ...r, isSuppressed: isFine && isSuppressed(r.value, options.suppressBelow) }));
  return { definition, rows, groupLabels, datasets: [...datasets.values()] };
}
