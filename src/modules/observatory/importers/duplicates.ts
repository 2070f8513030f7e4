import type { IssueSink } from './records.ts';

/** Reports every row whose key (codes and time) repeats an earlier row's. */
export function findDuplicates(cube: { d: number; n: number; codeIdx: Int32Array; timeIdx: Int32Array; lines: Int32Array; cardinalities: number[] }, sink: IssueSink): void {
  const { d, n, codeIdx, timeIdx, lines, cardinalities } = cube;
  const space = cardinalities.reduce((a, b) => a * Math.max(b, 1), 1);
  const keyOf = (r: number): number | string => {
    if (space >= Number.MAX_SAFE_INTEGER) return `${Array.from(codeIdx.subarray(r * d, r * d + d)).join(',')}|${timeIdx[r]}`;
    let k = 0;
    for (let j = 0; j < d; j++) k = k * cardinalities[j]! + codeIdx[r * d + j]!;
    return k * cardinalities[d]! + timeIdx[r]!;
  };
  // Fast check first (a bit per possible key, or sorted keys); rows are named only when there are duplicates.
  let hasDuplicates: boolean;
  if (space <= 2 ** 30) {
    const bits = new Uint8Array(Math.ceil(space / 8));
    hasDuplicates = false;
    for (let r = 0; r < n && !hasDuplicates; r++) {
      const k = keyOf(r) as number;
      const mask = 1 << (k & 7);
      if (bits[k >>> 3]! & mask) hasDuplicates = true;
      else bits[k >>> 3]! |= mask;
    }
  } else if (space < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let r = 0; r < n; r++) keys[r] = keyOf(r) as number;
    keys.sort();
    hasDuplicates = keys.some((k, i) => i > 0 && k === keys[i - 1]);
  } else {
    hasDuplicates = true;
  }
  if (!hasDuplicates) return;
  const seen = new Map<number | string, number>();
  for (let r = 0; r < n; r++) {
    const key = keyOf(r);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r);
    else sink.add({ kind: 'duplicate-key', row: lines[r]!, otherRow: lines[first]! });
  }
}
