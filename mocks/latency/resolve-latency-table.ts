import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import { defaultLatencyProfiles, zeroLatencyProfile } from './defaults.js';
import type { LatencyOption, LatencyProfile } from './latency-profile.js';
import { latencyTableSchema } from './schema.js';

/**
 * Turns the `latency` option into a table keyed by model name. The table also decides which
 * models exist: `'zero'` keeps the default model names with no delays.
 */
export function resolveLatencyTable(
  option: LatencyOption | undefined,
): ReadonlyMap<string, LatencyProfile> {
  if (option === undefined || option === 'realistic') {
    return new Map(Object.entries(defaultLatencyProfiles));
  }
  if (option === 'zero') {
    return new Map(Object.keys(defaultLatencyProfiles).map((model) => [model, zeroLatencyProfile]));
  }
  const parsed = latencyTableSchema.safeParse(option);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `latency.${issue.path.join('.')}: ${issue.message}`,
    );
    throw new MockSetupError(MockSetupErrorCodes.invalidOptions, problems.join('; '));
  }
  return new Map(Object.entries(parsed.data));
}
