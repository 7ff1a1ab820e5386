import { z } from 'zod';
import { DEPLOYMENT_DEFAULTS } from './defaults.js';

export const STICKY_KEYS = ['userId', 'requestId'] as const;

const ExperimentSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Off: its share of traffic goes to control, and no other arm moves. */
  enabled: z.boolean().default(true),
  /** Share of traffic in this arm, 0 to 100; all experiments together at most 100. */
  percentage: z.number().min(0).max(100),
  /** What keeps a caller in the same arm; requests without a user id fall back to the request id. */
  sticky: z.enum(STICKY_KEYS).default(DEPLOYMENT_DEFAULTS.experimentSticky),
  /** A partial `spec.runtime`, deep-merged over it for this arm (lists are replaced). */
  overrides: z.record(z.string(), z.unknown()).default({}),
});

/**
 * Chaos testing against the mock backends. The profile (a built-in name such as `mixed-20`, or
 * an inline profile) is validated by the harness, which owns the fault catalogue: the runtime
 * imports nothing from mocks/.
 */
const ChaosSchema = z.strictObject({
  enabled: z.boolean().default(false),
  profile: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
  /** Seed of the fault draws, for runs that repeat exactly. */
  seed: z.number().int().optional(),
});

export const TestingSchema = z.strictObject({
  experiments: z.array(ExperimentSchema).default([]),
  chaos: ChaosSchema.prefault({}),
});
