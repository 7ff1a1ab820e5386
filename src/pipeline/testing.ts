import { ManualClock } from '../clock.js';
import type { ModelRequest } from '../providers/provider.js';
import { noTelemetry, type Telemetry } from '../telemetry/telemetry.js';
import type { RequestScope } from './request-scope.js';

/** Test support: a request scope on a manual clock, with a recording telemetry. */
export function testScope(
  over: Partial<RequestScope> = {},
): RequestScope & { clock: ManualClock; events: string[] } {
  const clock = (over.clock as ManualClock | undefined) ?? new ManualClock();
  const events: string[] = [];
  const telemetry: Telemetry = {
    ...noTelemetry,
    retried: (e) =>
      events.push(`retry ${e.model} #${e.attempt} ${e.reason} ${Math.round(e.delayMs)}ms`),
    fellBack: (e) => events.push(`fallback ${e.kind} ${e.from}→${e.to}`),
    breakerChanged: (e) => events.push(`breaker ${e.key} ${e.from}→${e.to}`),
    cacheLookup: (e) => events.push(`cache ${e.hit ? 'hit' : 'miss'}`),
    rejected: (e) => events.push(`rejected ${e.reason} ${e.scope}`),
  };
  return {
    requestId: 'r1',
    tier: 'complex',
    signal: new AbortController().signal,
    deadlineAtMs: Number.POSITIVE_INFINITY,
    capUsd: Number.POSITIVE_INFINITY,
    spentUsd: 0,
    attempts: [],
    backoffMs: 0,
    telemetry,
    random: () => 0.5,
    ...over,
    clock,
    events,
  };
}

export const askModel = (model = 'gpt-4o', content = 'Hi'): ModelRequest => ({
  model,
  messages: [{ role: 'user', content }],
});
