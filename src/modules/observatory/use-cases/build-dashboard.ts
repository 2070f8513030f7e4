import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { Translate } from '../../../kernel/i18n/messages.ts';
import { loadProvinceBoundaries, loadRegionBoundaries, territory as territories, type BoundaryFeature } from '../../territory/index.ts';
import { findIndicator, INDICATORS } from '../indicators/definitions.ts';
import { renderChoroplethSvg } from '../dashboards/choropleth.ts';
import { comparisonPanelOf, panelOf, placesPanelOf, type Panel } from '../dashboards/panels.ts';
import { formatValue } from '../dashboards/tables.ts';
import { computeIndicator, type DatasetCache, type PlaceSelection } from './compute-indicator.ts';

/** A place a dashboard is about: Italy, a region ('08') or a province ('237'). */
export type Territory =
  | { kind: 'italy'; code: 'IT'; name: string }
  | { kind: 'region'; code: string; name: string }
  | { kind: 'province'; code: string; name: string; regionCode: string; regionName: string };

/** A dashboard: its panels, the map (with its table) and the places below it. */
export interface Dashboard {
  territory: Territory;
  panels: Panel[];
  map: { panel: Panel; svg: string } | null;
  children: { code: string; name: string }[];
}

/** The key of the map panel (its table is exported like every other). */
export const MAP_PANEL = 'foreign-residents-map';

let boundaries: { regions: BoundaryFeature[]; provinces: BoundaryFeature[] } | null = null;
function loadBoundaries(): { regions: BoundaryFeature[]; provinces: BoundaryFeature[] } {
  boundaries ??= { regions: loadRegionBoundaries().features, provinces: loadProvinceBoundaries().features };
  return boundaries;
}

/** Resolves 'IT', a region code or a province (UTS) code; null for anything else. */
export async function resolveTerritory(db: Db, code: string, italyName: string): Promise<Territory | null> {
  if (code === 'IT') return { kind: 'italy', code: 'IT', name: italyName };
  if (/^\d{2}$/.test(code)) {
    const region = await territories.findRegion(db, code);
    return region ? { kind: 'region', code, name: region.name } : null;
  }
  if (/^\d{3}$/.test(code)) {
    const province = await territories.findProvince(db, code);
    const region = province ? await territories.findRegion(db, province.regionCode) : null;
    return province && region ? { kind: 'province', code, name: province.name, regionCode: region.code, regionName: region.name } : null;
  }
  return null;
}

function selectionOf(territory: Territory): PlaceSelection {
  return territory.kind === 'italy' ? { kind: 'italy' } : territory;
}

function isCovered(coverage: 'all' | 'national' | 'regions', territory: Territory): boolean {
  return coverage === 'all' || (coverage === 'national' ? territory.kind === 'italy' : territory.kind !== 'province');
}

/** Computes every indicator available for a territory, and its map of regions or provinces. */
export async function buildDashboard(options: { db: Db; actor: Actor | null; territory: Territory; locale: Locale; t: Translate; suppressBelow: number; withMap?: boolean }): Promise<Dashboard> {
  const { db, actor, territory, locale, t, suppressBelow } = options;
  const cache: DatasetCache = new Map();
  const panels: Panel[] = [];
  for (const definition of INDICATORS.filter((d) => isCovered(d.coverage, territory))) {
    const result = await computeIndicator({ db, actor, definition, places: selectionOf(territory), suppressBelow, cache });
    const panel = result && panelOf(result, { locale, t });
    if (panel) panels.push(panel);
  }
  const children =
    territory.kind === 'italy' ? await territories.listRegions(db) : territory.kind === 'region' ? (await territories.listProvinces(db, territory.code)).map((p) => ({ code: p.code, name: p.name })) : [];
  let map: Dashboard['map'] = null;
  if (territory.kind !== 'province' && options.withMap !== false) {
    const residents = findIndicator('foreign-residents')!;
    const places: PlaceSelection = territory.kind === 'italy' ? { kind: 'regions' } : { kind: 'provinces', regionCode: territory.code };
    const result = await computeIndicator({ db, actor, definition: residents, places, suppressBelow, cache });
    const names = new Map(children.map((c) => [c.code, c.name]));
    const heading = t(territory.kind === 'italy' ? 'observatory.public.table.region' : 'observatory.public.table.province');
    const placed = result && placesPanelOf(result, { locale, t, key: MAP_PANEL, nameOf: (p) => names.get(p) ?? p, heading });
    if (placed) {
      const all = loadBoundaries();
      const features = territory.kind === 'italy' ? all.regions : all.provinces.filter((f) => f.properties.regionCode === territory.code);
      const svg = renderChoroplethSvg({ title: placed.panel.title, features, values: placed.values, format: (v) => formatValue(v, 'persons', locale), missingLabel: t('observatory.public.map.missing') });
      map = { panel: placed.panel, svg };
    }
  }
  return { territory, panels, map, children };
}

/** Compares two to four territories on the indicators that have one value per period. */
export async function buildComparison(options: { db: Db; actor: Actor | null; territories: Territory[]; locale: Locale; t: Translate; suppressBelow: number }): Promise<Panel[]> {
  const { db, actor, locale, t, suppressBelow } = options;
  const cache: DatasetCache = new Map();
  const panels: Panel[] = [];
  for (const definition of INDICATORS.filter((d) => d.keep === null && options.territories.every((x) => isCovered(d.coverage, x)))) {
    const results = [];
    for (const place of options.territories) {
      const result = await computeIndicator({ db, actor, definition, places: selectionOf(place), suppressBelow, cache });
      if (result) results.push({ place: place.code, name: place.name, result });
    }
    const panel = results.length === options.territories.length ? comparisonPanelOf(results, { locale, t, key: definition.key }) : null;
    if (panel) panels.push(panel);
  }
  return panels;
}
