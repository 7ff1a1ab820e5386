import { type Mode, PATH_NAMES, type PathName } from '../../src/index.js';
import type { CostStat, LatencyStat, SlaOverrides } from '../scenario/index.js';
import type { GroupSummary } from '../stats/index.js';

export interface PathSlaTargets {
  latency: { stat: LatencyStat; maxMs: number };
  cost: { stat: CostStat; maxUsd: number };
  success: { minRate: number };
}

/** The product's SLAs per path; a suite may override any part. */
export const SLA_DEFAULTS: Readonly<Record<PathName, PathSlaTargets>> = {
  simple: {
    latency: { stat: 'p95', maxMs: 3_000 },
    cost: { stat: 'mean', maxUsd: 0.007 },
    success: { minRate: 0.95 },
  },
  complex: {
    latency: { stat: 'p95', maxMs: 15_000 },
    cost: { stat: 'mean', maxUsd: 0.025 },
    success: { minRate: 0.95 },
  },
  full: {
    latency: { stat: 'p95', maxMs: 45_000 },
    cost: { stat: 'mean', maxUsd: 0.065 },
    success: { minRate: 0.9 },
  },
};

export function resolveSla(overrides: SlaOverrides = {}): Record<PathName, PathSlaTargets> {
  return Object.fromEntries(
    PATH_NAMES.map((path) => [path, { ...SLA_DEFAULTS[path], ...overrides[path] }]),
  ) as Record<PathName, PathSlaTargets>;
}

export interface SlaCheck {
  mode: Mode;
  path: PathName;
  metric: 'latency' | 'cost' | 'success';
  /** The statistic compared, e.g. `p95`, `mean`, `rate`. */
  stat: string;
  value: number;
  limit: number;
  /** `<` for ceilings (latency, cost), `≥` for the success floor. */
  comparison: '<' | '>=';
  unit: 'ms' | 'usd' | 'ratio';
  pass: boolean;
  /** Whether this check decides the run's verdict (the system under test), or is shown for comparison. */
  gating: boolean;
  requests: number;
  /** 95 % interval around `value` (bootstrap; Wilson for the success rate), when computed. */
  interval?: CheckInterval;
}

export interface CheckInterval {
  low: number;
  high: number;
  confidence: number;
}

/** Checks every summary against its path's SLA; checks of `gatingModes` decide the verdict. */
export function checkSla(
  summaries: readonly GroupSummary[],
  sla: Record<PathName, PathSlaTargets>,
  gatingModes: readonly Mode[],
): SlaCheck[] {
  return summaries.flatMap((s) => {
    const targets = sla[s.path];
    const base = {
      mode: s.mode,
      path: s.path,
      gating: gatingModes.includes(s.mode),
      requests: s.count,
    };
    const latency = s.latencyMs[targets.latency.stat];
    const cost = s.costUsd[targets.cost.stat];
    return [
      {
        ...base,
        metric: 'latency',
        stat: targets.latency.stat,
        value: latency,
        limit: targets.latency.maxMs,
        comparison: '<',
        unit: 'ms',
        pass: latency < targets.latency.maxMs,
      },
      {
        ...base,
        metric: 'cost',
        stat: targets.cost.stat,
        value: cost,
        limit: targets.cost.maxUsd,
        comparison: '<',
        unit: 'usd',
        pass: cost < targets.cost.maxUsd,
      },
      {
        ...base,
        metric: 'success',
        stat: 'rate',
        value: s.successRate,
        limit: targets.success.minRate,
        comparison: '>=',
        unit: 'ratio',
        pass: s.successRate >= targets.success.minRate,
      },
    ] satisfies SlaCheck[];
  });
}
