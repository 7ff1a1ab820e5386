import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import type { FaultProfile } from './fault-profile.js';

const profiles = [
  { name: 'none', description: 'No faults: every call reaches the mock.', rules: [] },
  {
    name: 'mixed-20',
    description:
      '20 % of calls fail: 8 % rate-limited (429, Retry-After 1 s), 6 % server errors (500), ' +
      '6 % timeouts (no byte for 120 s, so the client deadline ends them). Weights 40/30/30.',
    rules: [
      { fault: 'rate_limit', probability: 0.08, params: { retryAfterMs: 1_000 } },
      { fault: 'server_error', probability: 0.06 },
      { fault: 'stall_before_first_byte', probability: 0.06, params: { stallMs: 120_000 } },
    ],
  },
  {
    name: 'rate-limited',
    description: 'A quota running out: 30 % of calls get 429 with Retry-After 2 s.',
    rules: [{ fault: 'rate_limit', probability: 0.3, params: { retryAfterMs: 2_000 } }],
  },
  {
    name: 'flaky-5xx',
    description: 'An unsteady backend: 5 % 500s and 5 % 503s.',
    rules: [
      { fault: 'server_error', probability: 0.05 },
      { fault: 'unavailable', probability: 0.05 },
    ],
  },
  {
    name: 'overloaded',
    description:
      'Capacity trouble: 15 % overloaded (Anthropic 529 overloaded_error; OpenAI-style 503 ' +
      '"The engine is currently overloaded").',
    rules: [{ fault: 'overloaded', probability: 0.15 }],
  },
  {
    name: 'flapping',
    description: 'Up 20 s, down (503) 10 s, repeating from the moment the mock starts.',
    rules: [{ fault: 'flapping', probability: 1, params: { upMs: 20_000, downMs: 10_000 } }],
  },
  {
    name: 'slow-stream',
    description: 'Every stream drips: 50 ms more before each event; non-streamed calls untouched.',
    rules: [{ fault: 'slow_drip', probability: 1, params: { chunkDelayMs: 50 } }],
  },
  {
    name: 'broken-streams',
    description:
      'Broken bodies: of streamed calls 10 % end early without their final events and 5 % ' +
      'stall mid-stream for 120 s; of all calls 5 % carry cut-off JSON (one event of a ' +
      'stream, or the whole body of a plain answer).',
    rules: [
      { fault: 'stream_cut', probability: 0.1 },
      { fault: 'stall_mid_stream', probability: 0.05, params: { stallMs: 120_000 } },
      { fault: 'malformed_json', probability: 0.05 },
    ],
  },
  {
    name: 'chaos',
    description: 'A bit of everything: about a quarter of calls hit one of every fault kind.',
    rules: [
      { fault: 'rate_limit', probability: 0.04 },
      { fault: 'server_error', probability: 0.03 },
      { fault: 'unavailable', probability: 0.02 },
      { fault: 'overloaded', probability: 0.02 },
      { fault: 'reset', probability: 0.02 },
      { fault: 'stall_before_first_byte', probability: 0.02, params: { stallMs: 60_000 } },
      { fault: 'stall_mid_stream', probability: 0.02, params: { stallMs: 60_000 } },
      { fault: 'stream_cut', probability: 0.02 },
      { fault: 'malformed_json', probability: 0.02 },
      { fault: 'wrong_content_type', probability: 0.01, params: { status: 502 } },
      { fault: 'context_length', probability: 0.01 },
      { fault: 'slow_drip', probability: 0.02, params: { chunkDelayMs: 100 } },
    ],
  },
] as const satisfies readonly FaultProfile[];

/** The name of a built-in profile. */
export type FaultProfileName = (typeof profiles)[number]['name'];

/** The built-in profiles by name. */
export const FAULT_PROFILES: Readonly<Record<FaultProfileName, FaultProfile>> = (() => {
  const byName = {} as Record<FaultProfileName, FaultProfile>;
  for (const profile of profiles) byName[profile.name] = profile;
  return byName;
})();

/**
 * A built-in profile by name; an unknown name is a {@link MockSetupError} listing the known ones.
 *
 * @example
 * withFaults(handler, { profile: getFaultProfile('mixed-20'), seed: 1 });
 */
export function getFaultProfile(name: string): FaultProfile {
  const profile = Object.hasOwn(FAULT_PROFILES, name)
    ? FAULT_PROFILES[name as FaultProfileName]
    : undefined;
  if (profile) return profile;
  throw new MockSetupError(
    MockSetupErrorCodes.invalidFaultProfile,
    `Unknown fault profile "${name}". Known profiles: ${Object.keys(FAULT_PROFILES).join(', ')}.`,
  );
}
