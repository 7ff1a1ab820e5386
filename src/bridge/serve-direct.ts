import { runSingleAgent } from '../paths/single-agent.js';
import type { RequestScope } from '../pipeline/request-scope.js';
import type { BridgeRequest, BridgeResult, BridgeRunOptions } from './bridge-types.js';
import type { BridgeDeps } from './create-bridge.js';

/**
 * agno-only: the prototype alone, on its own model, its calls only metered — no routing,
 * deadline, cache, retries, fallbacks or budgets. The caller's signal is the only limit.
 */
export async function serveDirect(
  deps: BridgeDeps,
  request: BridgeRequest,
  options: BridgeRunOptions,
): Promise<BridgeResult> {
  const { clock } = deps;
  const startedMs = clock.now();
  // A signal of its own when the caller has none: the SDK adds an abort listener per call and
  // never removes it, so one shared never-aborting signal would collect them for ever.
  const signal = options.signal ?? new AbortController().signal;
  const scope: RequestScope = {
    requestId: options.requestId,
    ...(request.userId === undefined ? {} : { userId: request.userId }),
    tier: 'complex',
    signal,
    deadlineAtMs: Number.POSITIVE_INFINITY,
    capUsd: Number.POSITIVE_INFINITY,
    spentUsd: 0,
    attempts: [],
    backoffMs: 0,
    clock,
    telemetry: deps.telemetry,
    random: deps.random,
  };
  const result = await runSingleAgent(
    deps.prototype,
    request.messages,
    {
      call: (req, opts) => deps.directDispatch(req, { ...opts, scope }),
      clock,
      signal,
      requestId: options.requestId,
      stream: deps.config.stream,
      telemetry: deps.telemetry,
      spentUsd: () => scope.spentUsd,
      ...(request.userId === undefined ? {} : { userId: request.userId }),
    },
    deps.config.prototype,
  );
  const built = deps.buildResult({
    mode: 'agno-only',
    requestId: options.requestId,
    startedMs,
    endedMs: clock.now(),
    servedBy: 'prototype',
    result,
    failedTiers: [],
    attempts: scope.attempts,
    backoffMs: 0,
  });
  return built;
}
