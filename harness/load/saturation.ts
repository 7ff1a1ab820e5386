import { PATH_NAMES, type PathName } from '../../src/index.js';
import type { PathSlaTargets } from '../verdict/index.js';
import type { LoadStep } from './load-result.js';

/** When an open-loop step counts as saturated: any one rule broken is enough. */
export const SATURATION_RULES = {
  /** Answers per second inside the window below this share of the offered rate. */
  minThroughputRatio: 0.9,
  /** Requests that failed, got a non-2xx answer or never left, above this share. */
  maxErrorRate: 0.01,
} as const;

export interface SaturationCheck {
  saturated: boolean;
  /** Each broken rule, in words with its figures. */
  reasons: string[];
  /** throughput ÷ offered rate. */
  achievedRatio: number;
  errorRate: number;
}

const ms = (value: number) =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;

/**
 * Whether an open-loop step saturated the server: (1) throughput under 90 % of the offered rate,
 * (2) more than 1 % of requests failed, were answered non-2xx or never left, or (3) a path served
 * in the step broke its latency SLA, judged on the corrected latency with the SLA's own statistic
 * (p95 by default). Every served path is held to its own SLA, the strictest one included, so a
 * slow `full` path does not hide behind a fast `simple` one.
 */
export function checkSaturation(
  step: LoadStep,
  sla: Readonly<Record<PathName, PathSlaTargets>>,
  rules: { minThroughputRatio: number; maxErrorRate: number } = SATURATION_RULES,
): SaturationCheck {
  const reasons: string[] = [];
  const offered = step.targetRps ?? 0;
  const achievedRatio = offered > 0 ? step.throughputRps / offered : 1;
  if (offered > 0 && achievedRatio < rules.minThroughputRatio) {
    reasons.push(
      `throughput ${step.throughputRps.toFixed(1)}/s is ${(achievedRatio * 100).toFixed(0)} % of the offered ${offered}/s (< ${rules.minThroughputRatio * 100} %)`,
    );
  }
  const dropped = step.dropped ?? 0;
  const attempted = step.sent + dropped;
  const failed = step.non2xx + step.errors + dropped;
  const errorRate = attempted > 0 ? failed / attempted : 0;
  if (attempted === 0 || step.ok === 0) reasons.push('no 2xx answer in the step');
  else if (errorRate > rules.maxErrorRate) {
    reasons.push(
      `${(errorRate * 100).toFixed(1)} % of requests failed (${step.non2xx} non-2xx, ${step.errors} errors, ${dropped} never sent; limit ${rules.maxErrorRate * 100} %)`,
    );
  }
  for (const path of PATH_NAMES) {
    const figures = step.byPath?.[path];
    if (!figures) continue;
    const { stat, maxMs } = sla[path].latency;
    const latency = figures.correctedLatencyMs ?? figures.latencyMs;
    if (latency[stat] >= maxMs) {
      reasons.push(
        `${path}: ${figures.correctedLatencyMs ? 'corrected ' : ''}${stat} latency ${ms(latency[stat])} breaks the SLA (< ${ms(maxMs)})`,
      );
    }
  }
  return { saturated: reasons.length > 0, reasons, achievedRatio, errorRate };
}
