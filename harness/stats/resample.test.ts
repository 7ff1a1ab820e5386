import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import {
  drawCounts,
  rejectionLimit,
  sortWithIndex,
  uniformIndex,
  writeSorted,
} from './resample.js';

describe('uniformIndex', () => {
  it('draws exactly what pure-rand’s uniformInt(rng, 0, n − 1) draws', () => {
    for (const n of [1, 2, 3, 7, 1000, 2 ** 31 + 5, 2 ** 32]) {
      const ours = xoroshiro128plus(99);
      const reference = xoroshiro128plus(99);
      const limit = rejectionLimit(n);
      for (let i = 0; i < 2000; i++) {
        expect(uniformIndex(ours, n, limit)).toBe(uniformInt(reference, 0, n - 1));
      }
    }
  });

  it('throws a RangeError for an empty range', () => {
    expect(() => rejectionLimit(0)).toThrow(RangeError);
  });
});

describe('drawCounts and writeSorted', () => {
  it('write the drawn values, each as often as drawn, in ascending order', () => {
    const values = [30, 10, 20, 10];
    const { sorted, index } = sortWithIndex(values);
    expect([...sorted]).toEqual([10, 10, 20, 30]);
    expect(Array.from(index, (i) => values[i])).toEqual([...sorted]);
    // A stand-in generator whose raw outputs map to the indices 2, 0, 2, 3 (v + 2^31 mod 4).
    const outputs = [2, 0, 2, 3].map((i) => i - 0x8000_0000);
    let next = 0;
    const rng = { next: () => outputs[next++] as number, clone: () => rng, getState: () => [] };
    const counts = new Uint32Array(values.length);
    drawCounts(rng, counts);
    expect([...counts]).toEqual([1, 0, 2, 1]);
    const out = new Array<number>(values.length).fill(0);
    // Counts by original index: values[2] = 20 twice, values[0] = 30 and values[3] = 10 once.
    writeSorted(sorted, counts, out, index);
    expect(out).toEqual([10, 20, 20, 30]);
    // Counts by sorted position: sorted[2] = 20 twice, sorted[0] = 10 and sorted[3] = 30 once.
    writeSorted(sorted, counts, out);
    expect(out).toEqual([10, 20, 20, 30]);
  });
});
