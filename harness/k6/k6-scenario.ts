import type { LoadProfile } from '../scenario/index.js';

/** Milliseconds as a k6 duration in its largest whole unit: 120000 → `2m`, 1500 → `1500ms`. */
export function k6Duration(ms: number): string {
  const whole = Math.round(ms);
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    if (whole > 0 && whole % size === 0) return `${whole / size}${unit}`;
  }
  return `${whole}ms`;
}

/** How long requests take, for sizing VUs: the mix's mean latency ceiling and the slowest one. */
export interface LatencyBudget {
  typicalMs: number;
  slowestMs: number;
  /** Wall time allowed per request, also the time in-flight requests get to finish at the end. */
  timeoutMs: number;
}

export interface K6ScenarioPlan {
  /** A k6 scenario object for `options.scenarios`. */
  scenario: Record<string, unknown>;
  /** Constant arrival rate only: requests per second offered by the whole test. */
  targetRps?: number;
  /** One line for people: `constant-arrival-rate 10/s for 2m`. */
  description: string;
}

/**
 * VUs an arrival-rate executor needs: rate × time in the system (Little's law). Preallocated for
 * the mix's mean ceiling, allowed up to the slowest path's, so k6 drops iterations (and says so)
 * only when the system is slower than its SLA everywhere.
 */
function vusFor(perSecond: number, budget: LatencyBudget) {
  const preAllocatedVUs = Math.max(1, Math.ceil((perSecond * budget.typicalMs) / 1000));
  const maxVUs = Math.max(preAllocatedVUs, Math.ceil((perSecond * budget.slowestMs) / 1000));
  return { preAllocatedVUs, maxVUs };
}

/** The suite's `load` (or the flags' rate and duration) as one k6 scenario. */
export function k6Scenario(load: LoadProfile, budget: LatencyBudget): K6ScenarioPlan {
  const gracefulStop = k6Duration(budget.timeoutMs);
  if (load.model === 'closed') {
    const rounds = Math.ceil(load.requests / load.concurrency);
    return {
      scenario: {
        executor: 'shared-iterations',
        vus: load.concurrency,
        iterations: load.requests,
        maxDuration: k6Duration(rounds * budget.slowestMs + 60_000),
        gracefulStop,
      },
      description: `shared-iterations: ${load.requests} requests over ${load.concurrency} VUs`,
    };
  }
  const timeUnit = k6Duration(load.timeUnitMs);
  const perSecond = (rate: number) => (rate * 1000) / load.timeUnitMs;
  if (load.executor === 'constant-arrival-rate') {
    const duration = k6Duration(load.durationMs);
    return {
      scenario: {
        executor: load.executor,
        rate: load.rate,
        timeUnit,
        duration,
        ...vusFor(perSecond(load.rate), budget),
        gracefulStop,
      },
      targetRps: perSecond(load.rate),
      description: `constant-arrival-rate ${load.rate}/${timeUnit} for ${duration}`,
    };
  }
  const peak = Math.max(load.startRate, ...load.stages.map((s) => s.target));
  const stages = load.stages.map((s) => ({ target: s.target, duration: k6Duration(s.durationMs) }));
  return {
    scenario: {
      executor: load.executor,
      startRate: load.startRate,
      timeUnit,
      stages,
      ...vusFor(perSecond(peak), budget),
      gracefulStop,
    },
    description: `ramping-arrival-rate from ${load.startRate}/${timeUnit} through ${stages.length} stages (peak ${peak}/${timeUnit})`,
  };
}
