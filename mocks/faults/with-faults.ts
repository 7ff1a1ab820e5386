import { type Clock, realClock } from '../../src/clock.js';
import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import type { FetchHandler } from '../handler.js';
import { AttemptCounter } from '../random/attempt-counter.js';
import { createSeededRandom } from '../random/seeded-random.js';
import { applyFault } from './apply-fault.js';
import { chooseFault } from './choose-fault.js';
import { FAULT_DEFAULTS } from './defaults.js';
import type { FaultProfile } from './fault-profile.js';
import { parseFaultProfile } from './load-fault-profile.js';
import { readFaultCall, withBody } from './read-call.js';

/** A fetch-style handler, as every provider mock is written. */

/** Options of {@link withFaults}. */
export interface WithFaultsOptions {
  profile: FaultProfile;
  /** All fault decisions derive from this. */
  seed: number;
  /** Stalls, drips and flapping windows run on it; default `realClock`. */
  clock?: Clock;
  /** Request keys whose attempts are remembered; default 10 000. */
  maxTrackedRequests?: number;
}

/**
 * Wraps a provider mock so that some calls fail the way real providers fail. Which call fails,
 * and how, is a pure function of (seed, request key, model, attempt): the request key is the
 * `x-client-request-id` header (or a hash of the body), and the attempt counts earlier calls
 * with the same key and model, so a retry draws anew and a run replays exactly. The dialect of
 * the error bodies follows the URL path: `/chat/completions` OpenAI, `/messages` Anthropic,
 * `/agents/{id}/runs` Agno AgentOS.
 *
 * @example
 * const handler = withFaults(createOpenAIChatMock({ seed: 1 }), {
 *   profile: getFaultProfile('mixed-20'),
 *   seed: 1,
 * });
 * const server = await startHttpMockServer({ handler });
 */
export function withFaults(handler: FetchHandler, options: WithFaultsOptions): FetchHandler {
  const { seed } = options;
  if (!Number.isFinite(seed)) {
    throw new MockSetupError(
      MockSetupErrorCodes.invalidOptions,
      'withFaults: seed must be a finite number',
    );
  }
  // Checked here too, so a profile built in code gets the same messages as a file.
  const profile = parseFaultProfile(options.profile, `"${options.profile.name}"`);
  // Nothing can fail: the handler itself, with no body read and no cost per call.
  if (profile.rules.every((rule) => rule.probability <= 0)) return handler;
  const clock = options.clock ?? realClock;
  const startedMs = clock.now();
  const attempts = new AttemptCounter(
    options.maxTrackedRequests ?? FAULT_DEFAULTS.maxTrackedRequests,
  );

  return async (request) => {
    const call = await readFaultCall(request);
    const attempt = attempts.next(`${call.requestKey}\u0000${call.model}`);
    const random = createSeededRandom([seed, call.requestKey, call.model, attempt, 'fault']);
    const rule = chooseFault(profile.rules, call, random.float(), clock.now() - startedMs);
    const forward = () => handler(withBody(request, call.body));
    if (rule === undefined) return forward();
    return applyFault(rule, {
      call,
      random,
      clock,
      // Read only by the faults that wait: on the loopback server, reading it creates it.
      get signal() {
        return request.signal;
      },
      forward,
    });
  };
}
