import { admitRequest, recordSpend } from '../pipeline/admission.js';
import { createDeadline } from '../pipeline/deadline.js';
import type { RequestScope } from '../pipeline/request-scope.js';
import type { BridgeRequest, BridgeResult, BridgeRunOptions, ServedBy } from './bridge-types.js';
import type { FailedTier, ResultInput } from './build-result.js';
import type { BridgeDeps } from './create-bridge.js';
import { tierChain } from './tier-chain.js';

/**
 * hybrid: admit → route → serve within the path's deadline through the pipeline, degrading to
 * the next tier when a path fails (never when the caller gave up), and charge the user's daily
 * budget with what the request cost.
 */
export async function serveHybrid(
  deps: BridgeDeps,
  request: BridgeRequest,
  options: BridgeRunOptions,
): Promise<BridgeResult> {
  const { clock, config, telemetry } = deps;
  const r = config.resilience;
  const startedMs = clock.now();
  const admission = await admitRequest(deps.store, r, request.userId, clock.wallNow());
  if (!admission.admitted) {
    telemetry.rejected({ reason: admission.reason, scope: admission.scope });
    const refused = deps.buildResult({
      mode: 'hybrid',
      requestId: options.requestId,
      startedMs,
      endedMs: clock.now(),
      servedBy: 'none',
      result: {
        state: 'error',
        error: {
          code: admission.reason,
          message: `Refused: ${admission.reason} (${admission.scope})`,
        },
        calls: [],
        toolRuns: [],
        handoffs: [],
        agents: [],
        turns: [],
      },
      failedTiers: [],
      attempts: [],
      backoffMs: 0,
    });
    return {
      ...refused,
      rejected: {
        reason: admission.reason,
        scope: admission.scope,
        ...(admission.retryAfterMs === undefined ? {} : { retryAfterMs: admission.retryAfterMs }),
      },
    };
  }

  const route = deps.route(request);
  const deadline = createDeadline(clock, r.timeouts[route.path].deadlineMs, options.signal);
  const scope: RequestScope = {
    requestId: options.requestId,
    ...(request.userId === undefined ? {} : { userId: request.userId }),
    tier: route.path,
    signal: deadline.signal,
    deadlineAtMs: deadline.atMs,
    capUsd: r.budgets.perRequestUsd[route.path],
    spentUsd: 0,
    attempts: [],
    backoffMs: 0,
    clock,
    telemetry,
    random: deps.random,
    ...(options.onAnswerText ? { onAnswerText: options.onAnswerText } : {}),
  };
  const context = {
    call: (
      req: Parameters<BridgeDeps['hybridDispatch']>[0],
      opts: Parameters<BridgeDeps['hybridDispatch']>[1] | object,
    ) => deps.hybridDispatch(req, { ...opts, scope }),
    clock,
    signal: deadline.signal,
    requestId: options.requestId,
    stream: config.stream,
    telemetry,
    spentUsd: () => scope.spentUsd,
    ...(request.userId === undefined ? {} : { userId: request.userId }),
  };

  const failedTiers: FailedTier[] = [];
  let served: Pick<ResultInput, 'servedBy' | 'result'> | undefined;
  try {
    for (const tier of tierChain(route.path, r.degradation.order, r.degradation.enabled)) {
      if (tier === 'canned') {
        served = {
          servedBy: 'canned',
          result: { state: 'ok', text: r.degradation.cannedReply, canned: true },
        };
        break;
      }
      if (failedTiers.length > 0) {
        telemetry.fellBack({
          kind: 'path',
          from: failedTiers.at(-1)?.tier ?? route.path,
          to: tier,
          reason: 'path failed',
        });
      }
      scope.tier = tier;
      const tierStartedMs = clock.now();
      const result = await telemetry.span('path', { path: tier }, () =>
        deps.paths[tier](request.messages, context),
      );
      if (result.state === 'ok') {
        served = { servedBy: tier, result };
        break;
      }
      failedTiers.push({ tier, result, elapsedMs: clock.now() - tierStartedMs });
      // The caller gave up: nobody is waiting for a degraded answer.
      if (options.signal?.aborted) break;
      // Out of time: only the canned reply (instant) is still worth trying.
      if (deadline.signal.aborted && !r.degradation.order.includes('canned')) break;
      if (deadline.signal.aborted && r.degradation.enabled) {
        served = {
          servedBy: 'canned',
          result: { state: 'ok', text: r.degradation.cannedReply, canned: true },
        };
        break;
      }
    }
  } finally {
    deadline.dispose();
  }
  const last = failedTiers.at(-1);
  const outcome: Pick<ResultInput, 'servedBy' | 'result'> = served ?? {
    servedBy: (last?.tier ?? route.path) satisfies ServedBy,
    result: last?.result ?? {
      state: 'error',
      error: { code: 'aborted', message: 'No tier ran' },
      calls: [],
      toolRuns: [],
      handoffs: [],
      agents: [],
      turns: [],
    },
  };
  const built = deps.buildResult({
    mode: 'hybrid',
    requestId: options.requestId,
    route,
    startedMs,
    endedMs: clock.now(),
    ...outcome,
    failedTiers: served ? failedTiers : failedTiers.slice(0, -1),
    attempts: scope.attempts,
    backoffMs: scope.backoffMs,
  });
  await recordSpend(deps.store, request.userId, built.costUsd, clock.wallNow());
  return built;
}
