import { describe, expect, it } from 'vitest';
import { fakeRecord } from '../../test/support/records.js';
import { summarize } from '../stats/index.js';
import { checkSla, resolveSla } from './sla.js';
import { withIntervals } from './sla-intervals.js';

const records = Array.from({ length: 40 }, (_, i) =>
  fakeRecord({
    id: `q${i}#0`,
    latencyMs: 500 + 25 * i,
    costUsd: 0.001 + i * 1e-5,
    success: i % 10 !== 0,
  }),
);

describe('withIntervals', () => {
  it('puts a 95 % interval around each latency, cost and success value', () => {
    const checks = withIntervals(checkSla(summarize(records), resolveSla(), ['hybrid']), records);
    expect(checks).toHaveLength(3);
    for (const c of checks) {
      expect(c.interval, c.metric).toBeDefined();
      expect(c.interval?.low).toBeLessThanOrEqual(c.value);
      expect(c.interval?.high).toBeGreaterThanOrEqual(c.value);
      expect(c.interval?.confidence).toBe(0.95);
    }
    const success = checks.find((c) => c.metric === 'success');
    // Wilson for 36 of 40 (z = 1.96): centre 0.8650, half-width 0.0955.
    expect(success?.interval?.low).toBeCloseTo(0.7695, 4);
    expect(success?.interval?.high).toBeCloseTo(0.9604, 3);
    // The same report renders the same intervals.
    expect(withIntervals(checkSla(summarize(records), resolveSla(), ['hybrid']), records)).toEqual(
      checks,
    );
  });

  it('gives none to a check over a single request or on a maximum', () => {
    const one = [fakeRecord()];
    const single = withIntervals(checkSla(summarize(one), resolveSla(), ['hybrid']), one);
    expect(single.every((c) => c.interval === undefined)).toBe(true);
    const sla = resolveSla({ simple: { cost: { stat: 'max', maxUsd: 0.01 } } });
    const onMax = withIntervals(checkSla(summarize(records), sla, ['hybrid']), records);
    expect(onMax.find((c) => c.metric === 'cost')?.interval).toBeUndefined();
  });
});
