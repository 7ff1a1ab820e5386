/** When a change counts as a regression: statistically significant *and* large enough to matter. */
export interface RegressionThresholds {
  /** Significance level of each one-sided test. */
  alpha: number;
  /** Smallest relative rise of the latency statistic (p95 by default) that matters: 0.10 = +10 %. */
  latencyRelative: number;
  /** Smallest relative rise of mean cost that matters on a noisy backend (live, other seeds). */
  costRelative: number;
  /** Smallest drop of the success rate that matters, in points (0.02 = 2 points). */
  successDrop: number;
}

/**
 * Defaults chosen with `bench calibrate` on the default suite (see the README's figures): on the
 * deterministic mock, cost and success are exact, so any rise in cost or newly failing request
 * counts; latency needs a significant shift of at least 10 % in its SLA statistic.
 */
export const DEFAULT_REGRESSION_THRESHOLDS: RegressionThresholds = {
  alpha: 0.01,
  latencyRelative: 0.1,
  costRelative: 0.05,
  successDrop: 0.02,
};
