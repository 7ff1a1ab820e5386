import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { fakeRecord } from '../../test/support/records.js';
import { type Baseline, baselineFromRecords, machineFingerprint } from '../baseline/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { type CurrentRun, checkRegression } from './regression.js';
import { DEFAULT_REGRESSION_THRESHOLDS } from './regression-thresholds.js';
import { resolveSla } from './sla.js';

const OPTIONS = { seed: 42, latency: 'realistic', repetitions: 1 } as const;
const SUITE = { name: 'tiny', version: '1' };

/** 60 simple-path requests with latencies spread like a mock run, scaled by `factor`. */
function run(
  factor: number,
  over: (r: RequestRecord, i: number) => Partial<RequestRecord> = () => ({}),
  seed = 7,
): RequestRecord[] {
  const generator = xoroshiro128plus(seed);
  const rng = () => uniformFloat64(generator);
  return Array.from({ length: 60 }, (_, i) => {
    const base = fakeRecord({ id: `q${i}#0`, scenarioId: `q${i}`, latencyMs: 0, costUsd: 0 });
    const latencyMs = (400 + 600 * rng()) * factor;
    const record = { ...base, latencyMs, costUsd: 0.001 + i * 1e-5 };
    return { ...record, ...over(record, i) };
  });
}

function baselineOf(records: RequestRecord[], over: Partial<Baseline['options']> = {}): Baseline {
  return baselineFromRecords(records, {
    suite: { ...SUITE, file: 'tiny.yaml' },
    mode: 'hybrid',
    backend: 'mock',
    options: { ...OPTIONS, ...over },
    createdAt: '2026-11-25T00:00:00.000Z',
    runId: 'base',
    toolVersion: '0.0.0',
  });
}

function current(records: RequestRecord[], over: Partial<CurrentRun> = {}): CurrentRun {
  return {
    suite: SUITE,
    mode: 'hybrid',
    backend: 'mock',
    options: { ...OPTIONS },
    machine: machineFingerprint(),
    records,
    ...over,
  };
}

const check = (baseline: Baseline, now: CurrentRun) =>
  checkRegression(baseline, now, resolveSla(), DEFAULT_REGRESSION_THRESHOLDS);

describe('checkRegression', () => {
  it('passes an identical run, paired by request id, with exact cost', () => {
    const records = run(1);
    const result = check(baselineOf(records), current(run(1)));
    expect(result).toMatchObject({ comparable: true, paired: true, regressed: false });
    expect(result.checks.map((c) => `${c.metric}:${c.test}`)).toEqual([
      'latency:paired sign-flip',
      'cost:exact (deterministic mock)',
      'success:exact (deterministic mock)',
    ]);
  });

  it('flags any cost rise on the deterministic mock, however small', () => {
    const now = run(1, (r) => ({ costUsd: r.costUsd * 1.001 }));
    const result = check(baselineOf(run(1)), current(now));
    const cost = result.checks.find((c) => c.metric === 'cost');
    expect(cost?.regressed).toBe(true);
    expect(result.regressed).toBe(true);
  });

  it('flags a +30 % latency shift with the paired test and lets +5 % pass as below the threshold', () => {
    const baseline = baselineOf(run(1));
    const slow = check(baseline, current(run(1.3)));
    expect(slow.checks.find((c) => c.metric === 'latency')).toMatchObject({
      test: 'paired sign-flip',
      regressed: true,
    });
    const slightly = check(baseline, current(run(1.05)));
    const latency = slightly.checks.find((c) => c.metric === 'latency');
    expect(latency?.pValue).toBeLessThan(0.01); // significant…
    expect(latency?.regressed).toBe(false); // …but not beyond the 10 % threshold
  });

  it('falls back to unpaired tests for another seed, and still sees a large shift', () => {
    const baseline = baselineOf(run(1, undefined, 1));
    const noise = check(
      baseline,
      current(run(1, undefined, 2), { options: { ...OPTIONS, seed: 9 } }),
    );
    expect(noise.paired).toBe(false);
    expect(noise.regressed).toBe(false);
    expect(noise.checks.find((c) => c.metric === 'latency')?.test).toBe('Mann-Whitney');
    expect(noise.differences).toContain('seed: baseline 42, now 9');
    const slow = check(
      baseline,
      current(run(1.6, undefined, 2), { options: { ...OPTIONS, seed: 9 } }),
    );
    expect(slow.checks.find((c) => c.metric === 'latency')?.regressed).toBe(true);
  });

  it('compares an unpaired run only on the scenarios both have', () => {
    // Baseline: 60 scenarios whose cost rises with their index. Tonight: the 20 dearest only.
    const baseline = baselineOf(run(1, undefined, 1));
    const subset = run(1, undefined, 2).slice(40);
    const result = check(baseline, current(subset, { options: { ...OPTIONS, seed: 9 } }));
    expect(result.differences).toContain(
      'simple: compared on the 20 scenarios both runs have (the mix differs)',
    );
    expect(result.checks.find((c) => c.metric === 'cost')).toMatchObject({
      test: 'bootstrap',
      samples: { baseline: 20, current: 20 },
      regressed: false,
    });
  });

  it('refuses runs with other injected faults', () => {
    const result = check(
      baselineOf(run(1)),
      current(run(1), { options: { ...OPTIONS, faults: 'mixed-20' } }),
    );
    expect(result.comparable).toBe(false);
    expect(result.differences).toContain('faults: baseline "none", now "mixed-20"');
  });

  it('counts requests that newly fail', () => {
    const now = run(1, (_, i) => (i < 5 ? { success: false, state: 'error' } : {}));
    const result = check(baselineOf(run(1)), current(now));
    expect(result.checks.find((c) => c.metric === 'success')?.regressed).toBe(true);
  });

  it('refuses to compare another backend or suite version, and says why', () => {
    const baseline = baselineOf(run(1));
    const other = check(baseline, current(run(2), { backend: 'live' }));
    expect(other).toMatchObject({ comparable: false, regressed: false, checks: [] });
    expect(other.differences).toContain('backend: baseline "mock", now "live"');
    const version = check(baseline, current(run(2), { suite: { name: 'tiny', version: '2' } }));
    expect(version.comparable).toBe(false);
    expect(version.differences[0]).toMatch(/suite version/);
  });

  it('leaves latency out when the time scale differs, and still checks cost', () => {
    const baseline = baselineOf(run(1), { timeScale: 0.1 });
    const result = check(baseline, current(run(10)));
    expect(result.checks.map((c) => c.metric)).toEqual(['cost', 'success']);
    expect(result.differences).toContain(
      'latency not compared: the latency model or time scale differs',
    );
    expect(result.regressed).toBe(false);
  });
});
