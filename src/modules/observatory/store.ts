// The statistical store's read API for the rest of the observatory (indicators, dashboards, reports, catalogue).
// Pure reads over ready versions; visibility (published or not) is the caller's to check with policy.ts.
export { datasetRepository } from './data/repository.ts';
export type { Dataset, DatasetVersion, Dimension, DimensionCode, DatasetVisibility } from './data/repository.ts';
export { observationRepository, loadVersionContext, TIME_GROUP, UnknownDimensionError } from './data/observations-repository.ts';
export type { ObservationQuery, ObservationRow, AggregateRow, VersionContext } from './data/observations-repository.ts';
export type { TerritoryLevel } from './importers/cube.ts';
export type { DimensionRole, Labels } from './importers/types.ts';
export { SHIPPED_DATASETS } from './reference/catalogue.ts';
export { canSeeDataset, visibilityFor } from './policy.ts';
