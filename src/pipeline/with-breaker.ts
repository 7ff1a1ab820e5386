import type { StateStore } from '../state/state-store.js';
import { admit, afterOutcome, type BreakerPolicy, countsAgainstBreaker } from './breaker-policy.js';
import { localFailure, type Middleware, type RequestScope } from './request-scope.js';

export interface BreakerSettings extends BreakerPolicy {
  windowMs: number;
  bucketMs: number;
}

const CAS_TRIES = 3;

/**
 * A circuit breaker per provider and model, its state in the shared store so replicas agree.
 * Decisions are the pure {@link admit} and {@link afterOutcome}; writes are compare-and-set, so
 * concurrent replicas cannot lose a transition.
 */
export function withBreaker(
  store: StateStore,
  providerId: string,
  settings: BreakerSettings,
): Middleware {
  const window = { windowMs: settings.windowMs, bucketMs: settings.bucketMs };

  async function transition(
    scope: RequestScope,
    key: string,
    decide: (
      record: Awaited<ReturnType<StateStore['getBreaker']>>,
    ) => ReturnType<typeof afterOutcome>,
  ) {
    for (let i = 0; i < CAS_TRIES; i++) {
      const record = await store.getBreaker(key);
      const next = decide(record);
      if (!next) return;
      if (await store.compareAndSetBreaker(key, record?.version ?? 0, next)) {
        const from = record?.state ?? 'closed';
        if (from !== next.state) scope.telemetry.breakerChanged({ key, from, to: next.state });
        if (next.state === 'closed' && from !== 'closed') await store.resetOutcomes(key);
        return;
      }
    }
  }

  return (next) => async (request, options) => {
    const { scope } = options;
    const key = `${providerId}:${request.model}`;
    let probe = false;
    for (let i = 0; ; i++) {
      const record = await store.getBreaker(key);
      const admission = admit(record, scope.clock.wallNow(), settings);
      if (!admission.allow) {
        return localFailure(request, 'circuit_open', `Circuit open for ${key}`, {
          retryAfterMs: admission.retryAfterMs,
        });
      }
      probe = admission.probe;
      if (!admission.next) break;
      if (await store.compareAndSetBreaker(key, record?.version ?? 0, admission.next)) {
        const from = record?.state ?? 'closed';
        if (from !== admission.next.state)
          scope.telemetry.breakerChanged({ key, from, to: admission.next.state });
        break;
      }
      if (i >= CAS_TRIES)
        return localFailure(request, 'circuit_open', `Circuit for ${key} is changing state`);
    }
    const outcome = await next(request, options);
    if (outcome.state === 'error' && !countsAgainstBreaker(outcome.error.code)) {
      // Says nothing about the backend: give a probe's slot back and leave the window alone.
      if (probe) {
        await transition(scope, key, (r) =>
          r?.state === 'half-open'
            ? { ...r, probesInFlight: Math.max(0, (r.probesInFlight ?? 1) - 1) }
            : undefined,
        );
      }
      return outcome;
    }
    const ok = outcome.state === 'ok';
    const counts = await store.recordOutcome(key, ok, scope.clock.wallNow(), window);
    // A success of an ordinary call changes nothing: skip the read on the common path.
    if (ok && !probe) return outcome;
    await transition(scope, key, (r) =>
      afterOutcome(r, { ok, probe, counts }, scope.clock.wallNow(), settings),
    );
    return outcome;
  };
}
