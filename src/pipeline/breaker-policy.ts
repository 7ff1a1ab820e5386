import { type FailureCode, isTransientFailure } from '../providers/provider.js';
import type { BreakerRecord, OutcomeCounts } from '../state/state-store.js';

export interface BreakerPolicy {
  minRequests: number;
  failureRate: number;
  openMs: number;
  halfOpenProbes: number;
  successesToClose: number;
}

type State = Omit<BreakerRecord, 'version'>;
const CLOSED: State = { state: 'closed' };

/** Failures that say the backend is unwell: the transient ones. A bad request or a caller's abort says nothing about it. */
export function countsAgainstBreaker(code: FailureCode): boolean {
  return isTransientFailure(code);
}

export type Admission =
  | { allow: true; probe: boolean; next?: State }
  | { allow: false; retryAfterMs: number };

/**
 * Whether a call may go through. Closed: yes. Open: no, until `openMs` has passed, then the
 * breaker turns half-open and lets this call through as a probe. Half-open: up to
 * `halfOpenProbes` probes at once. `next` is the state to store, when it changes. Pure.
 */
export function admit(record: State | undefined, nowMs: number, policy: BreakerPolicy): Admission {
  const current = record ?? CLOSED;
  switch (current.state) {
    case 'closed':
      return { allow: true, probe: false };
    case 'open': {
      const reopenAtMs = (current.openedAtMs ?? nowMs) + policy.openMs;
      if (nowMs < reopenAtMs) return { allow: false, retryAfterMs: reopenAtMs - nowMs };
      return {
        allow: true,
        probe: true,
        next: {
          state: 'half-open',
          openedAtMs: current.openedAtMs ?? nowMs,
          probesInFlight: 1,
          probeSuccesses: 0,
        },
      };
    }
    case 'half-open': {
      const inFlight = current.probesInFlight ?? 0;
      if (inFlight >= policy.halfOpenProbes) return { allow: false, retryAfterMs: policy.openMs };
      return { allow: true, probe: true, next: { ...current, probesInFlight: inFlight + 1 } };
    }
  }
}

/**
 * The state after a call's outcome. Closed: opens when the window holds at least `minRequests`
 * calls and the failure rate reaches `failureRate`. Half-open: a failed probe reopens it; enough
 * successful probes close it. Returns `undefined` when nothing changes. Pure.
 */
export function afterOutcome(
  record: State | undefined,
  outcome: { ok: boolean; probe: boolean; counts: OutcomeCounts },
  nowMs: number,
  policy: BreakerPolicy,
): State | undefined {
  const current = record ?? CLOSED;
  if (current.state === 'closed') {
    if (outcome.ok) return undefined;
    const total = outcome.counts.successes + outcome.counts.failures;
    const rate = total === 0 ? 0 : outcome.counts.failures / total;
    return total >= policy.minRequests && rate >= policy.failureRate
      ? { state: 'open', openedAtMs: nowMs }
      : undefined;
  }
  if (!outcome.probe) return undefined;
  if (!outcome.ok) return { state: 'open', openedAtMs: nowMs };
  if (current.state !== 'half-open') return undefined;
  const successes = (current.probeSuccesses ?? 0) + 1;
  if (successes >= policy.successesToClose) return CLOSED;
  return {
    ...current,
    probeSuccesses: successes,
    probesInFlight: Math.max(0, (current.probesInFlight ?? 1) - 1),
  };
}
