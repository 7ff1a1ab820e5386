import { z } from 'zod';

const nonNegative = z.number().min(0);
// Infinity is how a profile says "generation takes no time" (see zeroLatencyProfile).
const speed = z.union([z.number().positive(), z.literal(Number.POSITIVE_INFINITY)]);

/** Shape of one `LatencyProfile`, checked when a custom table is passed in. */
export const latencyProfileSchema = z.object({
  ttftMedianMs: nonNegative,
  ttftP90Ms: nonNegative,
  ttftFloorMs: nonNegative,
  tokensPerSecondMedian: speed,
  tokensPerSecondP10: speed,
  promptMsPer1kTokens: nonNegative,
  tailProbability: z.number().min(0).max(1),
  tailMultiplier: z.number().min(1),
});

/** A custom latency table: profiles keyed by model name. */
export const latencyTableSchema = z.record(z.string().min(1), latencyProfileSchema);
