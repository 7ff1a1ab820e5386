import { describe, expect, it } from 'vitest';
import { resolveSla } from '../verdict/index.js';
import type { LatencyPercentiles, LoadStep } from './load-result.js';
import { runSweep, sweepRates } from './run-sweep.js';
import { checkSaturation } from './saturation.js';

const sla = resolveSla({});
const flat = (ms: number): LatencyPercentiles => ({
  p50: ms,
  p90: ms,
  p95: ms,
  p99: ms,
  max: ms,
  mean: ms,
});

/** A healthy open-loop step at `rate`: every request answered fast, on the simple path. */
function step(rate: number, over: Partial<LoadStep> = {}): LoadStep {
  const sent = rate * 10;
  return {
    engine: 'autocannon',
    loop: 'open',
    targetRps: rate,
    connections: 10,
    durationS: 10,
    sent,
    ok: sent,
    non2xx: 0,
    errors: 0,
    dropped: 0,
    throughputRps: rate,
    goodputRps: rate,
    latencyMs: flat(20),
    correctedLatencyMs: flat(25),
    byPath: { simple: { ok: sent, latencyMs: flat(20), correctedLatencyMs: flat(25), costUsd: 0 } },
    ...over,
  };
}

describe('checkSaturation', () => {
  it('passes a step that keeps up, answers, and meets every SLA', () => {
    expect(checkSaturation(step(100), sla)).toMatchObject({ saturated: false, reasons: [] });
  });

  it('flags throughput under 90 % of the offered rate', () => {
    const check = checkSaturation(step(100, { throughputRps: 89 }), sla);
    expect(check.saturated).toBe(true);
    expect(check.achievedRatio).toBeCloseTo(0.89);
    expect(check.reasons[0]).toMatch(/throughput 89\.0\/s is 89 % of the offered 100\/s/);
    expect(checkSaturation(step(100, { throughputRps: 90 }), sla).saturated).toBe(false);
  });

  it('flags more than 1 % of requests failing, never-sent slots included', () => {
    expect(checkSaturation(step(100, { non2xx: 10 }), sla).saturated).toBe(false);
    const check = checkSaturation(step(100, { non2xx: 6, errors: 3, dropped: 3 }), sla);
    expect(check.saturated).toBe(true);
    expect(check.errorRate).toBeCloseTo(12 / 1003);
    expect(check.reasons[0]).toMatch(/6 non-2xx, 3 errors, 3 never sent/);
    expect(checkSaturation(step(100, { ok: 0 }), sla).reasons).toContain(
      'no 2xx answer in the step',
    );
  });

  it('flags a path whose corrected latency statistic breaks its SLA, even if raw is fine', () => {
    const slowFull = step(100, {
      byPath: {
        simple: { ok: 500, latencyMs: flat(20), correctedLatencyMs: flat(25), costUsd: 0 },
        full: { ok: 500, latencyMs: flat(2_000), correctedLatencyMs: flat(46_000), costUsd: 0 },
      },
    });
    const check = checkSaturation(slowFull, sla);
    expect(check.saturated).toBe(true);
    expect(check.reasons).toEqual([
      'full: corrected p95 latency 46.00 s breaks the SLA (< 45.00 s)',
    ]);
  });
});

describe('sweep', () => {
  it('lists the rates from --from to --to by --step', () => {
    expect(sweepRates(50, 50, 200)).toEqual([50, 100, 150, 200]);
    expect(sweepRates(10, 30, 100)).toEqual([10, 40, 70, 100]);
    expect(sweepRates(0.1, 0.1, 0.3)).toEqual([0.1, 0.2, 0.3]);
    expect(() => sweepRates(100, 50, 50)).toThrow(RangeError);
  });

  it('stops at the first saturated step and keeps the best goodput before it', async () => {
    const ran: number[] = [];
    const { steps, sweep } = await runSweep({
      rates: [100, 200, 300, 400, 500],
      sla,
      runStep: async (rate, previous) => {
        ran.push(rate);
        if (rate > 100) expect(previous?.targetRps).toBe(rate - 100);
        // The server tops out near 250/s: from 300/s on it falls behind.
        const throughput = Math.min(rate, 250);
        return step(rate, { throughputRps: throughput, goodputRps: throughput * 0.98 });
      },
    });
    expect(ran).toEqual([100, 200, 300]);
    expect(steps).toHaveLength(3);
    expect(sweep.best).toEqual({ stepIndex: 1, targetRps: 200, goodputRps: 196 });
    expect(sweep.brokeAt?.targetRps).toBe(300);
    expect(sweep.brokeAt?.reasons[0]).toMatch(/83 % of the offered 300\/s/);
    expect(sweep.steps.map((s) => s.saturated)).toEqual([false, false, true]);
  });

  it('has no best step when the first rate already saturates', async () => {
    const { sweep } = await runSweep({
      rates: [100, 200],
      sla,
      runStep: async (rate) => step(rate, { errors: 500 }),
    });
    expect(sweep.best).toBeUndefined();
    expect(sweep.brokeAt?.stepIndex).toBe(0);
  });
});
