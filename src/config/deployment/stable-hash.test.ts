import { describe, expect, it } from 'vitest';
import { stableHash, unitHash } from './stable-hash.js';

describe('stableHash', () => {
  it('gives the same value on every machine (arm assignment depends on it)', () => {
    expect([stableHash(''), stableHash('a'), stableHash('nano\u0000user-1')]).toEqual([
      2872998923, 444641715, 2141471285,
    ]);
  });

  it('spreads neighbouring ids over the whole range', () => {
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i += 1) {
      const bucket = Math.floor(unitHash(`user-${i}`) * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 1_000)).toBeLessThan(120);
  });
});
