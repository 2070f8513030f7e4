import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { loadIstatMunicipalities, type ProvinceRef } from './istat-municipalities.ts';

/** Normalised properties of a boundary feature; codes are the ISTAT codes used by `istat-municipalities.ts`. */
export interface BoundaryProperties {
  /** Region code ('08') or province/UTS code ('237'). */
  code: string;
  name: string;
  /** Two-digit region code; for a region, equal to `code`. */
  regionCode: string;
}

/** A WGS84 boundary (GeoJSON, simplified by Openpolis) with normalised properties. */
export type BoundaryFeature = Feature<Polygon | MultiPolygon, BoundaryProperties>;

/** A collection of boundaries, sorted by code; each feature's `id` is its code. */
export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;

/** URL of the shipped Openpolis region TopoJSON (object "regions"). */
export const REGION_BOUNDARIES_ASSET = new URL('../assets/limits_IT_regions.topo.json', import.meta.url);

/** URL of the shipped Openpolis province TopoJSON (object "provinces"). */
export const PROVINCE_BOUNDARIES_ASSET = new URL('../assets/limits_IT_provinces.topo.json', import.meta.url);

interface RegionTopoProps {
  reg_name: string;
  reg_istat_code: string;
}

interface ProvinceTopoProps extends RegionTopoProps {
  prov_name: string;
  /** Historic province code ('037'), NOT the UTS code ('237'). */
  prov_istat_code: string;
  prov_acr: string;
}

/** Reads a TopoJSON asset and converts one named GeometryCollection object to GeoJSON features. */
function readFeatures<P extends object>(url: URL, objectName: string): Feature<Polygon | MultiPolygon, P>[] {
  const topology = JSON.parse(readFileSync(url, 'utf8')) as Topology;
  const object = topology.objects[objectName];
  if (object?.type !== 'GeometryCollection') {
    throw new Error(`${url.pathname}: missing GeometryCollection object "${objectName}"`);
  }
  const collection = feature(topology, object as GeometryCollection<P>);
  return collection.features.map((f) => {
    const type = f.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new Error(`${url.pathname}: unexpected geometry type ${String(type)} in "${objectName}"`);
    }
    return f as Feature<Polygon | MultiPolygon, P>;
  });
}

function toCollection(features: BoundaryFeature[]): BoundaryCollection {
  features.sort((a, b) => (a.properties.code < b.properties.code ? -1 : a.properties.code > b.properties.code ? 1 : 0));
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f.properties.code)) throw new Error(`boundaries: duplicate boundary for code ${f.properties.code}`);
    seen.add(f.properties.code);
  }
  return { type: 'FeatureCollection', features };
}

/** Loads the 20 region boundaries; `code` is the two-digit ISTAT region code ('08'). */
export function loadRegionBoundaries(): BoundaryCollection {
  const features = readFeatures<RegionTopoProps>(REGION_BOUNDARIES_ASSET, 'regions').map(
    (f): BoundaryFeature => {
      const code = f.properties.reg_istat_code;
      if (!/^\d{2}$/.test(code)) throw new Error(`boundaries: invalid region code ${JSON.stringify(code)}`);
      return {
        type: 'Feature',
        id: code,
        geometry: f.geometry,
        properties: { code, name: f.properties.reg_name, regionCode: code },
      };
    },
  );
  return toCollection(features);
}

/**
 * Loads the 107 province/UTS boundaries with `code` set to the ISTAT UTS code ('237').
 *
 * The Openpolis `prov_istat_code` is the historic province code ('037' for Bologna, whose UTS is
 * the metropolitan city '237'), so features are matched to `provinces` (by default the shipped ISTAT
 * list) through `ProvinceRef.historicCode`; `name` is the ISTAT UTS name (Openpolis says
 * 'Reggio di Calabria' where ISTAT says 'Reggio Calabria'). Throws if a boundary matches no province
 * or lies in a different region.
 */
export function loadProvinceBoundaries(
  provinces: readonly ProvinceRef[] = loadIstatMunicipalities().provinces,
): BoundaryCollection {
  const byHistoricCode = new Map(provinces.map((p) => [p.historicCode, p]));
  const features = readFeatures<ProvinceTopoProps>(PROVINCE_BOUNDARIES_ASSET, 'provinces').map(
    (f): BoundaryFeature => {
      const { prov_istat_code: historicCode, prov_name: topoName, reg_istat_code: topoRegion } = f.properties;
      const province = byHistoricCode.get(historicCode);
      if (province === undefined) {
        throw new Error(`boundaries: province boundary ${historicCode} (${topoName}) matches no ISTAT province/UTS`);
      }
      if (province.regionCode !== topoRegion) {
        throw new Error(
          `boundaries: province boundary ${historicCode} (${topoName}) is in region ${topoRegion}, ISTAT says ${province.regionCode}`,
        );
      }
      return {
        type: 'Feature',
        id: province.code,
        geometry: f.geometry,
        properties: { code: province.code, name: province.name, regionCode: province.regionCode },
      };
    },
  );
  return toCollection(features);
}
