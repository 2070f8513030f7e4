import type { Db } from '../../../kernel/db/database.ts';
import { datasetRepository } from '../data/repository.ts';
import { observationRepository, type ObservationBatch } from '../data/observations-repository.ts';
import type { ParsedCube } from '../importers/cube.ts';

/** How many observations one INSERT carries. */
export const DEFAULT_BATCH_SIZE = 20_000;

/** The order rows are written in: by territory id, then time, so that each place's rows sit together on disk. */
function writeOrder(cube: ParsedCube, territoryIds: Int32Array | null): Uint32Array {
  const n = cube.rowCount;
  const order = new Uint32Array(n);
  const timeRank = new Int32Array(cube.times.length);
  [...cube.times.keys()].sort((a, b) => (cube.times[a]! < cube.times[b]! ? -1 : cube.times[a]! > cube.times[b]! ? 1 : 0)).forEach((t, rank) => (timeRank[t] = rank));
  const span = cube.times.length;
  const maxTerritory = territoryIds ? territoryIds.reduce((a, b) => Math.max(a, b), 0) + 1 : 1;
  if (maxTerritory * span * n >= Number.MAX_SAFE_INTEGER) {
    for (let r = 0; r < n; r++) order[r] = r;
    return order;
  }
  const keys = new Float64Array(n);
  for (let r = 0; r < n; r++) keys[r] = ((territoryIds ? territoryIds[r]! : 0) * span + timeRank[cube.timeIdx[r]!]!) * n + r;
  keys.sort();
  for (let r = 0; r < n; r++) order[r] = keys[r]! % n;
  return order;
}

/**
 * Writes a checked cube into a version, batch after batch, recording progress after each; the version stays
 * invisible (status `importing`) until the caller completes it.
 */
export async function writeObservations(options: {
  db: Db;
  cube: ParsedCube;
  versionId: number;
  /** For each dimension of the cube, its position (1-based) in the dataset. */
  positions: number[];
  /** For each dimension of the cube, the id of each of its codes. */
  codeIds: Map<string, number>[];
  /** Position of the dataset's territory dimension (the first one), or null. */
  territoryPosition: number | null;
  batchSize?: number;
  onProgress?: (written: number, total: number) => Promise<void>;
  failAfterBatches?: number;
}): Promise<void> {
  const { db, cube, versionId } = options;
  const d = cube.dimensions.length;
  const n = cube.rowCount;
  // PGlite has one connection that pages share with the import: one batch at a time, and a step out of the
  // event loop after each, let a page's queries slip in between (the progress bar moves). A PostgreSQL server
  // takes each batch as a binary COPY (its bulk load), two batches at once on two connections, the next one
  // built while the server writes the previous one.
  const isEmbedded = await observationRepository.isEmbedded(db);
  const canCopy = !isEmbedded && observationRepository.canCopy(db);
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxInFlight = isEmbedded ? 1 : 2;
  const idOf = cube.dimensions.map((dim, k) => Int32Array.from(dim.codes, (code) => options.codeIds[k]!.get(code)!));
  const cubeIndexAt = new Int32Array(d);
  options.positions.forEach((position, k) => (cubeIndexAt[position - 1] = k));
  const territoryK = options.territoryPosition === null ? -1 : cubeIndexAt[options.territoryPosition - 1]!;
  const rowTerritory = territoryK === -1 ? null : Int32Array.from({ length: n }, (_, r) => idOf[territoryK]![cube.codeIdx[r * d + territoryK]!]!);
  const order = writeOrder(cube, rowTerritory);

  const batchOf = (start: number, m: number): ObservationBatch => {
    const codes = Array.from({ length: d }, () => new Int32Array(m));
    const territoryIds = rowTerritory ? new Int32Array(m) : null;
    const timeIdx = new Int32Array(m);
    const values = new Float64Array(m);
    const statusIdx = new Int32Array(m);
    const attrIdx = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const r = order[start + i]!;
      for (let p = 0; p < d; p++) {
        const k = cubeIndexAt[p]!;
        codes[p]![i] = idOf[k]![cube.codeIdx[r * d + k]!]!;
      }
      if (territoryIds) territoryIds[i] = rowTerritory![r]!;
      timeIdx[i] = cube.timeIdx[r]!;
      values[i] = cube.values[r]!;
      statusIdx[i] = cube.statusIdx[r]!;
      attrIdx[i] = cube.attrIdx[r]!;
    }
    return { codes, territoryIds, times: cube.times, timeIdx, values, statuses: cube.statuses, statusIdx, attrs: cube.attrs, attrIdx };
  };

  const inFlight: Promise<void>[] = [];
  let batches = 0;
  const settle = async (written: number) => {
    await inFlight.shift();
    // PGlite answers within the same turn of the event loop: step out of it so that waiting requests are read.
    if (isEmbedded) await new Promise((resolve) => setImmediate(resolve));
    batches++;
    await datasetRepository.touchVersion(db, versionId, written);
    await options.onProgress?.(written, n);
    if (options.failAfterBatches !== undefined && batches >= options.failAfterBatches && written < n) {
      throw new Error(`Import interrupted after ${batches} batches (test hook)`);
    }
  };
  const ends: number[] = [];
  try {
    for (let start = 0; start < n; start += size) {
      const m = Math.min(size, n - start);
      const batch = batchOf(start, m);
      const write = canCopy ? observationRepository.copyBatch(db, versionId, batch) : observationRepository.insertBatch(db, versionId, batch);
      write.catch(() => undefined); // awaited in order by settle(); this only keeps an early failure from going unhandled
      inFlight.push(write);
      ends.push(start + m);
      if (inFlight.length >= maxInFlight) await settle(ends.shift()!);
    }
    while (inFlight.length > 0) await settle(ends.shift()!);
  } finally {
    // Whatever happens, no write may still be running when the caller starts taking the version back.
    await Promise.allSettled(inFlight);
  }
}
