import { describe, expect, it } from 'vitest';
import { MAX_ARRIVALS, openArrivals } from './open-arrivals.js';

describe('openArrivals', () => {
  it('spaces a constant rate evenly, the first at 0', () => {
    expect(
      openArrivals({
        model: 'open',
        executor: 'constant-arrival-rate',
        rate: 2,
        timeUnitMs: 1000,
        durationMs: 2000,
      }),
    ).toEqual([0, 500, 1000, 1500]);
    const perMinute = openArrivals({
      model: 'open',
      executor: 'constant-arrival-rate',
      rate: 30,
      timeUnitMs: 60_000,
      durationMs: 60_000,
    });
    expect(perMinute).toHaveLength(30);
    expect(perMinute[1]).toBe(2000);
  });

  it('ramps linearly: 0 → 10/s over 2 s starts 10 requests at √(n/2.5) s', () => {
    const arrivals = openArrivals({
      model: 'open',
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnitMs: 1000,
      stages: [{ target: 10, durationMs: 2000 }],
    });
    // rate r(t) = 5t per second, so n requests are due by t where 2.5 t² = n.
    expect(arrivals).toHaveLength(10);
    arrivals.forEach((ms, n) => {
      expect(ms).toBeCloseTo(Math.sqrt(n / 2.5) * 1000, 6);
    });
  });

  it('chains stages: a ramp, a plateau and a ramp down add up to the area under the rate', () => {
    const arrivals = openArrivals({
      model: 'open',
      executor: 'ramping-arrival-rate',
      startRate: 4,
      timeUnitMs: 1000,
      stages: [
        { target: 8, durationMs: 1000 }, // 6 requests
        { target: 8, durationMs: 2000 }, // 16
        { target: 0, durationMs: 1000 }, // 4
      ],
    });
    expect(arrivals).toHaveLength(26);
    expect(arrivals[0]).toBe(0);
    // The plateau at 8/s: arrivals 6…21 are 125 ms apart, starting at 1 s.
    expect(arrivals[6]).toBeCloseTo(1000, 6);
    expect((arrivals[7] ?? 0) - (arrivals[6] ?? 0)).toBeCloseTo(125, 6);
    expect(arrivals.every((ms, i) => i === 0 || ms > (arrivals[i - 1] ?? 0))).toBe(true);
    expect(arrivals.at(-1)).toBeLessThan(4000);
  });

  it('refuses a profile that would start an absurd number of requests', () => {
    expect(() =>
      openArrivals({
        model: 'open',
        executor: 'constant-arrival-rate',
        rate: 100_000,
        timeUnitMs: 1000,
        durationMs: 3_600_000,
      }),
    ).toThrow(new RegExp(`more than ${MAX_ARRIVALS}`));
  });
});
