import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * The rejection limit for uniform integers in [0, n): the largest multiple of n within 2^32.
 * pure-rand's `uniformInt` computes it on every draw; the bootstrap makes 20 million draws for
 * 2,000 resamples of 10,000 values, and that division was most of its time.
 */
export function rejectionLimit(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 0x1_0000_0000) {
    throw new RangeError(`uniformIndex: n must be an integer in [1, 2^32], got ${n}`);
  }
  return n > 2 ? Math.floor(0x1_0000_0000 / n) * n : 0x1_0000_0000;
}

/**
 * An integer uniform in [0, n), given `rejectionLimit(n)`: exactly the value pure-rand's
 * `uniformInt(rng, 0, n − 1)` gives (same rejection rule, same remainder). A plain function,
 * not a closure, so the hot loops that call it get it inlined.
 */
export function uniformIndex(rng: RandomGenerator, n: number, limit: number): number {
  let v = rng.next() + 0x8000_0000;
  while (v >= limit) v = rng.next() + 0x8000_0000;
  // v − ⌊v/n⌋·n rather than v % n: V8 computes % on a double (v exceeds int32) with a slow
  // fmod; the quotient is exact because v < 2^32, so v/n cannot round up to the next integer.
  return v - Math.floor(v / n) * n;
}

/** The values sorted ascending, with the index each came from. */
export function sortWithIndex(values: readonly number[]): {
  sorted: Float64Array;
  index: Uint32Array;
} {
  const index = Uint32Array.from(values.keys()).sort(
    (i, j) => (values[i] as number) - (values[j] as number),
  );
  return { sorted: Float64Array.from(index, (i) => values[i] as number), index };
}

/**
 * One resample with replacement, as counts: `counts[i]` is how often item i was drawn
 * (n draws over n items).
 */
export function drawCounts(rng: RandomGenerator, counts: Uint32Array): void {
  const n = counts.length;
  const limit = rejectionLimit(n);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const j = uniformIndex(rng, n, limit);
    counts[j] = (counts[j] as number) + 1;
  }
}

/**
 * Writes a resample into `out`, sorted ascending, in linear time so quantile statistics need no
 * sort per resample: each sorted value as often as it was drawn. The counts are by sorted
 * position, or by original index when `index` (from `sortWithIndex`) is given — how two sides
 * of the same pairs share one draw. Walking the sorted values in order keeps memory access
 * sequential, which matters more than the arithmetic at 10,000 values.
 */
export function writeSorted(
  sorted: Float64Array,
  counts: Uint32Array,
  out: number[],
  index?: Uint32Array,
): void {
  let k = 0;
  for (let p = 0; p < sorted.length; p++) {
    const value = sorted[p] as number;
    let c = (index ? counts[index[p] as number] : counts[p]) as number;
    for (; c > 0; c--) out[k++] = value;
  }
}
