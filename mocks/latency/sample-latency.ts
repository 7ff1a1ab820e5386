import type { Random } from '../random/seeded-random.js';
import type { LatencyPlan, LatencyProfile } from './latency-profile.js';

/** z-score of the 90th percentile of the standard normal. */
const Z90 = 1.2815515655446004;
/** Output speed is kept within this factor of its median, so a freak draw stays plausible. */
const TPS_CLAMP_FACTOR = 5;

/** What the sampler needs to know about one call. */
export interface LatencyDemand {
  promptTokens: number;
  completionTokens: number;
  /** Multiplies every delay; 0.1 runs ten times faster. */
  timeScale: number;
}

/** Log-normal sigma that puts `quantile` at the 90th (or, for p10, 10th) percentile. */
function sigmaFor(median: number, quantile: number): number {
  if (!(median > 0) || !(quantile > 0) || !Number.isFinite(median)) return 0;
  return Math.abs(Math.log(quantile / median)) / Z90;
}

/**
 * Samples the waits of one call. It always draws the same three numbers in the same order, so a
 * call's plan depends only on its random stream, its profile and its token counts.
 *
 * @example
 * const plan = sampleLatency(defaultLatencyProfiles['gpt-4o-mini'], random, {
 *   promptTokens: 800, completionTokens: 120, timeScale: 1,
 * }); // { ttftMs, generationMs, totalMs } in whole milliseconds, the same for the same stream
 */
export function sampleLatency(
  profile: LatencyProfile,
  random: Random,
  demand: LatencyDemand,
): LatencyPlan {
  const ttftZ = random.normal();
  const tailDraw = random.float();
  const speedZ = random.normal();

  let ttftMs = 0;
  if (profile.ttftMedianMs > 0) {
    ttftMs =
      profile.ttftMedianMs * Math.exp(sigmaFor(profile.ttftMedianMs, profile.ttftP90Ms) * ttftZ);
  }
  if (tailDraw < profile.tailProbability) ttftMs *= profile.tailMultiplier;
  ttftMs = Math.max(profile.ttftFloorMs, ttftMs);
  ttftMs += (profile.promptMsPer1kTokens * demand.promptTokens) / 1000;

  let generationMs = 0;
  const median = profile.tokensPerSecondMedian;
  if (Number.isFinite(median) && median > 0) {
    const sampled = median * Math.exp(sigmaFor(median, profile.tokensPerSecondP10) * speedZ);
    const tokensPerSecond = Math.min(
      median * TPS_CLAMP_FACTOR,
      Math.max(median / TPS_CLAMP_FACTOR, sampled),
    );
    // The first token arrives at ttft; only the ones after it cost generation time.
    generationMs = (Math.max(0, demand.completionTokens - 1) * 1000) / tokensPerSecond;
  }

  const scaledTtftMs = Math.round(ttftMs * demand.timeScale);
  const scaledGenerationMs = Math.round(generationMs * demand.timeScale);
  return {
    ttftMs: scaledTtftMs,
    generationMs: scaledGenerationMs,
    totalMs: scaledTtftMs + scaledGenerationMs,
  };
}
