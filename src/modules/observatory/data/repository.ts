import { codeQueries } from './code-queries.ts';
import { datasetQueries } from './dataset-queries.ts';
import { versionQueries } from './version-queries.ts';

export type * from './tables.ts';
export type * from './types.ts';
export { presentVersion } from './version-queries.ts';

/**
 * Datasets, versions, dimensions and codes: the store's catalogue (the SQL lives in the three files composed here;
 * the observations are in observations-repository.ts, the uploads in uploads-repository.ts).
 */
export const datasetRepository = { ...datasetQueries, ...versionQueries, ...codeQueries };
