import type { PathName } from '../../src/index.js';
import type { PathSlaTargets } from '../verdict/index.js';
import type { LoadStep } from './load-result.js';
import { checkSaturation, SATURATION_RULES } from './saturation.js';

/** What a sweep found. `steps[i]` judges the i-th step run. */
export interface SweepResult {
  rules: { minThroughputRatio: number; maxErrorRate: number; latency: string };
  steps: Array<{ targetRps: number; saturated: boolean; reasons: string[] }>;
  /** The step with the highest goodput among those before saturation. */
  best?: { stepIndex: number; targetRps: number; goodputRps: number };
  /** The first saturated step; absent when every rate up to `--to` held. */
  brokeAt?: { stepIndex: number; targetRps: number; reasons: string[] };
}

/** `from`, `from + step`, … up to `to` (included when it falls on a step). */
export function sweepRates(from: number, step: number, to: number): number[] {
  if (!(from > 0 && step > 0 && to >= from))
    throw new RangeError(`sweep needs 0 < from ≤ to and step > 0; got ${from}, ${step}, ${to}`);
  const rates: number[] = [];
  // Counting steps rather than adding keeps 0.1-sized steps from drifting.
  for (let i = 0; from + i * step <= to + 1e-9; i++)
    rates.push(Math.round((from + i * step) * 1e6) / 1e6);
  return rates;
}

export interface SweepOptions {
  rates: readonly number[];
  sla: Readonly<Record<PathName, PathSlaTargets>>;
  /** Runs one open-loop step at `rate`; `previous` is the step before it, if any. */
  runStep: (rate: number, previous: LoadStep | undefined) => Promise<LoadStep>;
  onStep?: (step: LoadStep, verdict: SweepResult['steps'][number]) => void;
  signal?: AbortSignal;
}

/**
 * Raises the offered rate step by step until a step saturates (`checkSaturation`), then stops.
 * The best step is the one with the highest goodput before that; the steps run are returned
 * with the verdict.
 */
export async function runSweep(
  options: SweepOptions,
): Promise<{ steps: LoadStep[]; sweep: SweepResult }> {
  const steps: LoadStep[] = [];
  const sweep: SweepResult = {
    rules: {
      ...SATURATION_RULES,
      latency:
        "a path served in the step breaks its latency SLA (the SLA's statistic, p95 by default, on the corrected latency)",
    },
    steps: [],
  };
  for (const rate of options.rates) {
    if (options.signal?.aborted) break;
    const step = await options.runStep(rate, steps.at(-1));
    const check = checkSaturation(step, options.sla);
    const verdict = { targetRps: rate, saturated: check.saturated, reasons: check.reasons };
    steps.push(step);
    sweep.steps.push(verdict);
    options.onStep?.(step, verdict);
    if (check.saturated) {
      sweep.brokeAt = { stepIndex: steps.length - 1, targetRps: rate, reasons: check.reasons };
      break;
    }
    if (!sweep.best || step.goodputRps > sweep.best.goodputRps)
      sweep.best = { stepIndex: steps.length - 1, targetRps: rate, goodputRps: step.goodputRps };
  }
  return { steps, sweep };
}
