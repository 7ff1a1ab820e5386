/**
 * How long one model takes to answer, as distributions to sample from. Time to first token is
 * log-normal from its median and p90; output speed is log-normal from its median and p10 (the
 * slow tail is the one that hurts); a rare tail multiplies the time to first token.
 */
export interface LatencyProfile {
  /** Median time to first token for a short prompt. */
  ttftMedianMs: number;
  /** 90th percentile time to first token for a short prompt. */
  ttftP90Ms: number;
  /** No sample goes below this (about the fastest response ever measured). */
  ttftFloorMs: number;
  /** Median output speed, tokens per second. `Infinity` means generation takes no time. */
  tokensPerSecondMedian: number;
  /** 10th percentile output speed (the slow side), tokens per second. */
  tokensPerSecondP10: number;
  /** Extra time to first token per 1,000 prompt tokens. */
  promptMsPer1kTokens: number;
  /** Chance that a call lands in the slow tail. */
  tailProbability: number;
  /** Factor applied to time to first token in the slow tail. */
  tailMultiplier: number;
}

/** What one call will wait, already scaled by `timeScale` and rounded to whole milliseconds. */
export interface LatencyPlan {
  /** Wait before the first token (and, for streams, before the response headers). */
  ttftMs: number;
  /** Wait spread over the tokens after the first. */
  generationMs: number;
  /** `ttftMs + generationMs`. */
  totalMs: number;
}

/** The `latency` option: a named preset or a table of profiles keyed by model name. */
export type LatencyOption = 'realistic' | 'zero' | Readonly<Record<string, LatencyProfile>>;
