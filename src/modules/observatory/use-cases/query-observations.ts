import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import { datasetRepository, type Dataset, type DatasetVersion } from '../data/repository.ts';
import { loadVersionContext, observationRepository, UnknownDimensionError, type ObservationRow } from '../data/observations-repository.ts';
import { canSeeDataset } from '../policy.ts';

/** A page of observations of a dataset's version. */
export interface ObservationPage {
  dataset: Dataset;
  version: DatasetVersion;
  items: ObservationRow[];
  total: number;
}

/**
 * Observations of a dataset the actor may see, at its current version or the one asked for, filtered by
 * dimension codes as written in the source file (several codes: any of them). An unknown dimension is a 422
 * naming it; an unknown dataset or version, or one the actor may not see, is "not found".
 */
export async function queryObservations(options: {
  db: Db;
  actor: Actor | null;
  datasetIdOrKey: string;
  versionNumber?: number;
  filters: Record<string, string[]>;
  limit: number;
  offset: number;
}): Promise<ObservationPage> {
  const dataset = await datasetRepository.findDataset(options.db, options.datasetIdOrKey);
  if (!dataset || !canSeeDataset(options.actor, dataset)) throw new NotFoundError();
  const version = await datasetRepository.findReadyVersion(options.db, dataset.id, options.versionNumber);
  if (!version) throw new NotFoundError();
  const context = await loadVersionContext(options.db, version.id);
  if (!context) throw new NotFoundError();
  const timeDimension = context.dimensions.find((d) => d.position === null);
  const filters: Record<string, string[]> = {};
  let times: string[] | undefined;
  for (const [name, codes] of Object.entries(options.filters)) {
    if (name === 'time' || name === timeDimension?.code) times = codes;
    else filters[name] = codes;
  }
  try {
    const { items, total } = await observationRepository.listObservations(options.db, context, { versionId: version.id, filters, times, limit: options.limit, offset: options.offset });
    return { dataset, version, items, total };
  } catch (error) {
    if (error instanceof UnknownDimensionError) throw new ValidationError([{ field: error.dimension, messageKey: 'validation.additionalProperties' }]);
    throw error;
  }
}
