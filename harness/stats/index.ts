import { mean, median, p90, p95, p99, quantile } from './statistics.js';

export type { Alternative } from './alternative.js';
export type { BootstrapOptions, Interval, Statistic } from './bootstrap.js';
export { bootstrapCi, bootstrapDiffCi, bootstrapPairedDiffCi } from './bootstrap.js';
export type { PathComparison } from './compare.js';
export { compareModes } from './compare.js';
export type { Distribution } from './distribution.js';
export { describe } from './distribution.js';
export { cliffsDelta, hodgesLehmannShift, relativeChange } from './effect-size.js';
export type { Goodput } from './goodput.js';
export { goodput } from './goodput.js';
export type { MannWhitneyResult } from './mann-whitney.js';
export { mannWhitneyU } from './mann-whitney.js';
export { normalCdf, normalQuantile, normalSf, zForConfidence } from './normal.js';
export type { PassHatK } from './pass-k.js';
export { passHatK } from './pass-k.js';
export type { PermutationOptions } from './permutation.js';
export { permutationTest } from './permutation.js';
export type { TwoProportionResult } from './proportions.js';
export { twoProportionTest, wilsonInterval } from './proportions.js';
export type { Reconciliation } from './reconcile.js';
export { reconcile } from './reconcile.js';
export type { ReliabilitySummary } from './reliability.js';
export { summarizeReliability } from './reliability.js';
export { routingAccuracy } from './routing-accuracy.js';
export type { GroupSummary } from './summarize.js';
export { groupByModeAndPath, groupKey, summarize } from './summarize.js';
export type { AgentFigures, AgentsSummary } from './summarize-agents.js';
export { summarizeAgents } from './summarize-agents.js';

/** Statistics to hand the bootstrap: `bootstrapCi(latenciesMs, statistics.p95, { seed })`. */
export const statistics = { mean, median, p90, p95, p99, quantile } as const;
