import { describe, expect, it } from 'vitest';
import { findDuplicates } from './duplicates.ts';
import { IssueSink } from './records.ts';

// Rows 1 and 3 share a key; the cardinalities decide which of the three strategies runs.
function check(cardinalities: number[]) {
  const sink = new IssueSink();
  const codeIdx = Int32Array.from([0, 1, 2, 3, 0, 1]);
  findDuplicates({ d: 2, n: 3, codeIdx, timeIdx: Int32Array.from([0, 0, 0]), lines: Int32Array.from([2, 3, 4]), cardinalities }, sink);
  return sink.issues;
}

describe('findDuplicates', () => {
  it('names the repeating row and the first one, whatever the size of the key space', () => {
    const expected = [{ kind: 'duplicate-key', row: 4, otherRow: 2 }];
    expect(check([4, 4, 1])).toEqual(expected); // a bit per possible key
    expect(check([100_000, 100_000, 1_000])).toEqual(expected); // sorted numeric keys
    expect(check([2 ** 30, 2 ** 30, 2 ** 10])).toEqual(expected); // text keys
  });

  it('reports nothing when every key is distinct', () => {
    const sink = new IssueSink();
    findDuplicates({ d: 1, n: 3, codeIdx: Int32Array.from([0, 1, 0]), timeIdx: Int32Array.from([0, 0, 1]), lines: Int32Array.from([2, 3, 4]), cardinalities: [2, 2] }, sink);
    expect(sink.issues).toEqual([]);
  });
});
