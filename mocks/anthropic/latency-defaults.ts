import { zeroLatencyProfile } from '../latency/defaults.js';
import type { LatencyOption, LatencyProfile } from '../latency/latency-profile.js';
import { resolveLatencyTable } from '../latency/resolve-latency-table.js';

/*
 * Calibration source: thefastest.ai history, /work/shared/data/latency/thefastest_ai/
 * ttft_tps_history_2024.csv (fixie-ai/thefastest.ai, MIT): the 95 runs per model named
 * `anthropic/…`, 2024-04-19 to 2024-05-03, regions cdg/sea/iad, 20 output tokens, short prompts.
 * Percentiles are ours, by linear interpolation over all runs of the named model (the same method
 * as mocks/latency/defaults.ts). Neither 4.5 model existed then, so each borrows the measured
 * Claude 3 model of its tier.
 *
 * Slow tail: haiku's runs above 2.5 x median are 7.4 % of the file, which its wide log-normal body
 * (p90/p50 = 2.3) already yields (about 8 %); sonnet has none. We keep the shared 1 % at 4 x.
 * Prompt cost is an assumption, as for the OpenAI models: 20 ms per 1k prompt tokens for the
 * small model, 40 for the large one.
 */
const tail = { tailProbability: 0.01, tailMultiplier: 4 } as const;

/** Default latency per Claude model; see the calibration notes at the top of this file. */
export const anthropicLatencyProfiles: Readonly<Record<string, LatencyProfile>> = {
  /** Proxy anthropic/claude-3-haiku-20240307: TTFT p50 0.359 s, p90 0.828 s, min 0.256 s; TPS p50 124.5, p10 46.5. */
  'claude-haiku-4-5': {
    ttftMedianMs: 359,
    ttftP90Ms: 828,
    ttftFloorMs: 250,
    tokensPerSecondMedian: 124.5,
    tokensPerSecondP10: 46.5,
    promptMsPer1kTokens: 20,
    ...tail,
  },
  /** Proxy anthropic/claude-3-sonnet-20240229: TTFT p50 0.684 s, p90 1.196 s, min 0.434 s; TPS p50 82.6, p10 41.1. */
  'claude-sonnet-4-5': {
    ttftMedianMs: 684,
    ttftP90Ms: 1196,
    ttftFloorMs: 430,
    tokensPerSecondMedian: 82.6,
    tokensPerSecondP10: 41.1,
    promptMsPer1kTokens: 40,
    ...tail,
  },
};

/**
 * The `latency` option for the Anthropic mock: `'realistic'` (default) and `'zero'` cover the
 * Claude models above; a custom table is checked as for the OpenAI mock and names its own models.
 */
export function resolveAnthropicLatencyTable(
  option: LatencyOption | undefined,
): ReadonlyMap<string, LatencyProfile> {
  if (option === undefined || option === 'realistic') {
    return new Map(Object.entries(anthropicLatencyProfiles));
  }
  if (option === 'zero') {
    return new Map(
      Object.keys(anthropicLatencyProfiles).map((model) => [model, zeroLatencyProfile]),
    );
  }
  return resolveLatencyTable(option);
}
