import { describe, expect, it } from 'vitest';
import { runPool } from './pool.js';

describe('runPool', () => {
  it('never has more than the limit in flight and keeps result order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await runPool([5, 1, 3, 2, 4], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(results).toEqual([50, 10, 30, 20, 40]);
  });

  it('stops taking new items after the signal aborts', async () => {
    const controller = new AbortController();
    const results = await runPool(
      [1, 2, 3, 4],
      1,
      async (n) => {
        if (n === 2) controller.abort();
        return n;
      },
      controller.signal,
    );
    expect(results).toEqual([1, 2, undefined, undefined]);
  });
});
