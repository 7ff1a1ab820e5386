import type { Mode, PathName } from '../../src/index.js';
import type { Baseline, BaselineSample } from '../baseline/baseline-schema.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { scenarioIdOf } from '../runner/plan.js';
import { bootstrapDiffCi } from '../stats/bootstrap.js';
import { mannWhitneyU } from '../stats/mann-whitney.js';
import { pairUp, signFlipTest } from '../stats/paired.js';
import { twoProportionTest } from '../stats/proportions.js';
import { mean, median, statisticNamed } from '../stats/statistics.js';
import type { RegressionThresholds } from './regression-thresholds.js';
import type { PathSlaTargets } from './sla.js';

export interface RegressionCheck {
  path: PathName;
  metric: 'latency' | 'cost' | 'success';
  /** The statistic compared: the path's latency SLA statistic, mean cost, success rate. */
  stat: string;
  baseline: number;
  current: number;
  relativeChange: number;
  /** How significance was judged. */
  test:
    | 'paired sign-flip'
    | 'Mann-Whitney'
    | 'two-proportion'
    | 'exact (deterministic mock)'
    | 'bootstrap';
  pValue?: number;
  /**
   * Paired latency only: the median request's relative change. A regression needs it above half
   * the threshold too, so a shift of the whole distribution is told from a few slow outliers.
   */
  typicalChange?: number;
  /** Bootstrap interval of current − baseline, when one was computed. */
  interval?: { low: number; high: number; confidence: number };
  threshold: number;
  samples: { baseline: number; current: number; paired: number };
  regressed: boolean;
}

export interface RegressionResult {
  baselineRunId: string;
  /** False when the runs differ in suite, version, mode, backend or faults: no gate is applied. */
  comparable: boolean;
  /** Every way the two runs differ (machine, seed, options, suite version…). */
  differences: string[];
  /** Same seed on a deterministic backend: samples are paired by request id and cost is exact. */
  paired: boolean;
  checks: RegressionCheck[];
  regressed: boolean;
}

export interface CurrentRun {
  suite: { name: string; version: string };
  mode: Mode;
  backend: string;
  options: Baseline['options'];
  machine: Baseline['machine'];
  records: readonly RequestRecord[];
}

const DETERMINISTIC = new Set(['mock', 'mock-server']);

function differencesOf(
  baseline: Baseline,
  current: CurrentRun,
): { blocking: string[]; notes: string[] } {
  const blocking: string[] = [];
  const notes: string[] = [];
  const differ = (list: string[], what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      list.push(`${what}: baseline ${JSON.stringify(a)}, now ${JSON.stringify(b)}`);
  };
  differ(blocking, 'suite', baseline.suite.name, current.suite.name);
  differ(blocking, 'suite version', baseline.suite.version, current.suite.version);
  differ(blocking, 'mode', baseline.mode, current.mode);
  differ(blocking, 'backend', baseline.backend, current.backend);
  differ(notes, 'seed', baseline.options.seed, current.options.seed);
  differ(notes, 'latency model', baseline.options.latency, current.options.latency);
  differ(notes, 'time scale', baseline.options.timeScale ?? 1, current.options.timeScale ?? 1);
  // Injected faults change what the system does, not how well: a run with them is another experiment.
  differ(blocking, 'faults', baseline.options.faults ?? 'none', current.options.faults ?? 'none');
  differ(
    notes,
    'machine',
    `${baseline.machine.cpuModel} ×${baseline.machine.cpus}`,
    `${current.machine.cpuModel} ×${current.machine.cpus}`,
  );
  differ(notes, 'node', baseline.machine.node, current.machine.node);
  return { blocking, notes };
}

const relative = (before: number, after: number) =>
  before === 0 ? (after === 0 ? 0 : Number.POSITIVE_INFINITY) : after / before - 1;

/**
 * The regression gate for one mode: current samples against the committed baseline, per path.
 * Only like is compared with like (suite, its version, mode, backend); other differences are
 * listed. On the deterministic mock with the baseline's seed, samples pair up by request id:
 * cost and success are exact (any rise in cost, any newly failing request, counts) and latency
 * is judged by a paired sign-flip test on log ratios. Elsewhere, unpaired tests (Mann-Whitney,
 * two proportions, bootstrap intervals) are used. A regression must be significant *and* beyond
 * its practical threshold.
 */
export function checkRegression(
  baseline: Baseline,
  current: CurrentRun,
  sla: Readonly<Record<PathName, PathSlaTargets>>,
  thresholds: RegressionThresholds,
  seed = 1,
): RegressionResult {
  const { blocking, notes } = differencesOf(baseline, current);
  const paired =
    DETERMINISTIC.has(current.backend) &&
    baseline.options.seed === current.options.seed &&
    baseline.options.latency === current.options.latency &&
    (baseline.options.faults ?? 'none') === (current.options.faults ?? 'none');
  const result: RegressionResult = {
    baselineRunId: baseline.runId,
    comparable: blocking.length === 0,
    differences: [...blocking, ...notes],
    paired,
    checks: [],
    regressed: false,
  };
  if (!result.comparable) return result;
  // Modelled delays scale with these, so latencies measured under different ones say nothing
  // about the system; cost and success still compare.
  const latencyComparable =
    baseline.options.latency === current.options.latency &&
    (baseline.options.timeScale ?? 1) === (current.options.timeScale ?? 1);
  // With no modelled latency, what is left is the machine's own jitter: nothing to gate on.
  const latencyModelled = !(
    DETERMINISTIC.has(current.backend) && current.options.latency === 'zero'
  );
  if (!latencyComparable)
    result.differences.push('latency not compared: the latency model or time scale differs');
  else if (!latencyModelled)
    result.differences.push('latency not compared: the zero latency model measures only overhead');
  for (let [path, baseSamples] of Object.entries(baseline.paths) as Array<
    [PathName, BaselineSample[]]
  >) {
    let now = current.records
      .filter((r) => r.expectedPath === path && r.mode === current.mode)
      .map(
        (r): BaselineSample => ({
          id: r.id,
          latencyMs: r.latencyMs,
          costUsd: r.costUsd,
          success: r.success,
        }),
      );
    if (now.length === 0 || baseSamples.length === 0) continue;
    const pairs = paired ? pairUp(baseSamples, now, (s) => s.id) : [];
    const usePairs = paired && pairs.length >= Math.min(baseSamples.length, now.length) * 0.8;
    if (!usePairs) {
      const shared = sharedScenarios(baseSamples, now);
      if (shared.base.length === 0) {
        result.differences.push(`${path}: no scenario in common with the baseline, not compared`);
        continue;
      }
      if (shared.base.length < baseSamples.length || shared.now.length < now.length)
        result.differences.push(
          `${path}: compared on the ${shared.scenarios} scenarios both runs have (the mix differs)`,
        );
      baseSamples = shared.base;
      now = shared.now;
    }
    if (latencyComparable && latencyModelled)
      result.checks.push(
        latencyCheck(
          path,
          baseSamples,
          now,
          usePairs ? pairs : undefined,
          sla[path].latency.stat,
          thresholds,
          seed,
        ),
      );
    result.checks.push(
      costCheck(path, baseSamples, now, usePairs ? pairs : undefined, thresholds, seed),
      successCheck(path, baseSamples, now, usePairs ? pairs : undefined, thresholds),
    );
  }
  result.regressed = result.checks.some((c) => c.regressed);
  return result;
}

/**
 * Unpaired samples restricted to the scenarios both runs have: a different mix (fewer requests,
 * other weights) would otherwise show up as a change in cost or latency.
 */
function sharedScenarios(base: BaselineSample[], now: BaselineSample[]) {
  const inBase = new Set(base.map((s) => scenarioIdOf(s.id)));
  const inNow = new Set(now.map((s) => scenarioIdOf(s.id)));
  const both = new Set([...inBase].filter((id) => inNow.has(id)));
  return {
    scenarios: both.size,
    base: base.filter((s) => both.has(scenarioIdOf(s.id))),
    now: now.filter((s) => both.has(scenarioIdOf(s.id))),
  };
}

type Pairs = Array<readonly [BaselineSample, BaselineSample]>;
const counts = (a: unknown[], b: unknown[], pairs?: Pairs) => ({
  baseline: a.length,
  current: b.length,
  paired: pairs?.length ?? 0,
});

function latencyCheck(
  path: PathName,
  base: BaselineSample[],
  now: BaselineSample[],
  pairs: Pairs | undefined,
  stat: string,
  t: RegressionThresholds,
  seed: number,
): RegressionCheck {
  const statistic = statisticNamed(stat);
  if (!statistic) throw new RangeError(`regression: no latency statistic named ${stat}`);
  const a = base.map((s) => s.latencyMs);
  const b = now.map((s) => s.latencyMs);
  const before = statistic(a);
  const after = statistic(b);
  const change = relative(before, after);
  const common = {
    path,
    metric: 'latency' as const,
    stat,
    baseline: before,
    current: after,
    relativeChange: change,
    threshold: t.latencyRelative,
    samples: counts(a, b, pairs),
  };
  if (pairs) {
    const logRatios = pairs.map(([x, y]) =>
      Math.log(Math.max(y.latencyMs, 1e-3) / Math.max(x.latencyMs, 1e-3)),
    );
    const { pValue } = signFlipTest(logRatios, { seed, alternative: 'greater' });
    // A slower system slows the typical request; the machine's hiccups (a GC pause, a busy
    // core) slow a few, which can move a p95 of a dozen samples on their own.
    const typicalChange = Math.exp(median(logRatios)) - 1;
    return {
      ...common,
      test: 'paired sign-flip',
      pValue,
      typicalChange,
      regressed:
        pValue < t.alpha && change > t.latencyRelative && typicalChange > t.latencyRelative / 2,
    };
  }
  const { pValue } = mannWhitneyU(a, b, { alternative: 'less' });
  const interval = bootstrapDiffCi(a, b, statistic, { seed });
  return {
    ...common,
    test: 'Mann-Whitney',
    pValue,
    interval: { low: interval.low, high: interval.high, confidence: interval.confidence },
    regressed: pValue < t.alpha && interval.low > 0 && change > t.latencyRelative,
  };
}

function costCheck(
  path: PathName,
  base: BaselineSample[],
  now: BaselineSample[],
  pairs: Pairs | undefined,
  t: RegressionThresholds,
  seed: number,
): RegressionCheck {
  const a = base.map((s) => s.costUsd);
  const b = now.map((s) => s.costUsd);
  const common = { path, metric: 'cost' as const, stat: 'mean', samples: counts(a, b, pairs) };
  if (pairs) {
    // Deterministic: the same requests cost the same unless the system changed.
    const before = mean(pairs.map(([x]) => x.costUsd));
    const after = mean(pairs.map(([, y]) => y.costUsd));
    const change = relative(before, after);
    return {
      ...common,
      baseline: before,
      current: after,
      relativeChange: change,
      test: 'exact (deterministic mock)',
      threshold: 0,
      regressed: after > before * (1 + 1e-9) + 1e-12,
    };
  }
  const before = mean(a);
  const after = mean(b);
  const change = relative(before, after);
  const interval = bootstrapDiffCi(a, b, mean, { seed });
  return {
    ...common,
    baseline: before,
    current: after,
    relativeChange: change,
    test: 'bootstrap',
    interval: { low: interval.low, high: interval.high, confidence: interval.confidence },
    threshold: t.costRelative,
    regressed: interval.low > 0 && change > t.costRelative,
  };
}

function successCheck(
  path: PathName,
  base: BaselineSample[],
  now: BaselineSample[],
  pairs: Pairs | undefined,
  t: RegressionThresholds,
): RegressionCheck {
  const okA = base.filter((s) => s.success).length;
  const okB = now.filter((s) => s.success).length;
  const before = okA / base.length;
  const after = okB / now.length;
  const common = {
    path,
    metric: 'success' as const,
    stat: 'rate',
    baseline: before,
    current: after,
    relativeChange: relative(before, after),
    samples: counts(base, now, pairs),
  };
  if (pairs) {
    const newlyFailing = pairs.filter(([x, y]) => x.success && !y.success).length;
    return {
      ...common,
      test: 'exact (deterministic mock)',
      threshold: 0,
      regressed: newlyFailing > 0,
    };
  }
  // 'greater': the baseline's rate (a) is above tonight's (b), i.e. success dropped.
  const test = twoProportionTest(okA, base.length, okB, now.length, { alternative: 'greater' });
  return {
    ...common,
    test: 'two-proportion',
    pValue: test.pValue,
    threshold: t.successDrop,
    regressed: test.pValue < t.alpha && before - after > t.successDrop,
  };
}
