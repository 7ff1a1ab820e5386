import type { Agent } from '../agents/agent.js';
import type { AgentTeam } from '../agents/team.js';
import type { BridgeConfig } from '../config/schema.js';
import type { PriceTable } from '../cost/price-table.js';
import type { PathResult } from '../paths/path-result.js';
import type { AttemptRecord } from '../pipeline/request-scope.js';
import type { PathName } from '../routing/path.js';
import type { RouteDecision } from '../routing/router.js';
import type {
  BridgeResult,
  Mode,
  PricedCall,
  ReliabilityAccount,
  ServedBy,
} from './bridge-types.js';

/** Throws at start-up when a model the bridge may call has no price (never a silent $0). */
export function checkPrices(
  prices: PriceTable,
  prototype: Agent,
  team: AgentTeam,
  config: BridgeConfig,
): void {
  const fallbackModels = Object.entries(config.resilience.fallbacks.models).flat(2);
  const models = new Set([
    prototype.model,
    config.paths.simple.model,
    config.paths.complex.model,
    ...[...team.agents.values()].map((a) => a.model),
    ...fallbackModels,
  ]);
  for (const model of models) prices.priceOf(model);
}

/** A tier that was tried and failed, with how long it took. */
export interface FailedTier {
  tier: PathName;
  result: PathResult;
  elapsedMs: number;
}

export interface ResultInput {
  mode: Mode;
  requestId: string;
  route?: RouteDecision;
  experimentArm?: string;
  startedMs: number;
  endedMs: number;
  servedBy: ServedBy;
  /** The serving tier's trail; a canned reply has none. */
  result: PathResult | { state: 'ok'; text: string; canned: true };
  failedTiers: readonly FailedTier[];
  attempts: readonly AttemptRecord[];
  backoffMs: number;
}

function account(input: ResultInput, served: readonly AttemptRecord[]): ReliabilityAccount {
  const real = input.attempts.filter((a) => !a.cached);
  const failedTierNames = new Set(input.failedTiers.map((t) => t.tier));
  const wasted = real.filter((a) => a.state === 'error' || failedTierNames.has(a.tier));
  const extraCostUsd = wasted.reduce((sum, a) => sum + a.costUsd, 0);
  // A canned reply (or a refusal) has no serving tier: its failed attempts are all in failedTiers.
  const servingIsPath = input.servedBy !== 'canned' && input.servedBy !== 'none';
  const failedInServing = servingIsPath
    ? served.filter((a) => a.state === 'error' && !a.cached)
    : [];
  const totalCostUsd = input.attempts.reduce((sum, a) => sum + a.costUsd, 0);
  return {
    attempts: real.length,
    retries: real.filter((a) => a.kind === 'retry').length,
    fallbacks: real.filter((a) => a.kind === 'fallback').length,
    hedges: real.filter((a) => a.kind === 'hedge').length,
    failedAttempts: real.filter((a) => a.state === 'error').length,
    cachedCalls: input.attempts.length - real.length,
    extraCalls: wasted.length,
    extraCostUsd,
    extraLatencyMs:
      input.failedTiers.reduce((sum, t) => sum + t.elapsedMs, 0) +
      failedInServing.reduce((sum, a) => sum + a.latencyMs, 0) +
      input.backoffMs,
    successCostUsd: totalCostUsd - extraCostUsd,
    rescued:
      input.result.state === 'ok' &&
      input.servedBy !== 'canned' &&
      (wasted.length > 0 || input.failedTiers.length > 0),
  };
}

/** Folds a request's trail, attempts and tiers into the record the harness and server read. */
export function buildResult(
  prices: PriceTable,
  escalatingTools: ReadonlySet<string>,
  escalationAgent?: string,
) {
  return (input: ResultInput): BridgeResult => {
    const trail = 'canned' in input.result ? undefined : input.result;
    const calls: PricedCall[] = (trail?.calls ?? []).map(({ startedMs, ...call }) => {
      const pricedModel =
        call.answeredBy && prices.has(call.answeredBy) ? call.answeredBy : call.model;
      return {
        ...call,
        offsetMs: startedMs - input.startedMs,
        costUsd: prices.costOf(pricedModel, call.usage).totalUsd,
      };
    });
    const servedTier =
      input.servedBy === 'prototype' || input.servedBy === 'canned' || input.servedBy === 'none'
        ? undefined
        : input.servedBy;
    const served = input.attempts.filter((a) => servedTier === undefined || a.tier === servedTier);
    const toolRuns = [
      ...input.failedTiers.flatMap((t) => t.result.toolRuns),
      ...(trail?.toolRuns ?? []),
    ];
    const agents = trail?.agents ?? [];
    const escalated =
      (escalationAgent !== undefined && agents.includes(escalationAgent)) ||
      toolRuns.some((run) => run.ok && escalatingTools.has(run.name));
    const final = trail?.state === 'ok' ? trail.finalCall : undefined;
    const ttftMs =
      final?.ttftMs === undefined ? undefined : final.startedMs - input.startedMs + final.ttftMs;
    const lastFailure = input.failedTiers.at(-1)?.result;
    const error =
      trail?.state === 'error'
        ? trail.error
        : input.result.state === 'error' && lastFailure?.state === 'error'
          ? lastFailure.error
          : undefined;
    return {
      mode: input.mode,
      requestId: input.requestId,
      ...(input.route ? { route: input.route } : {}),
      ...(input.experimentArm ? { experimentArm: input.experimentArm } : {}),
      servedBy: input.servedBy,
      degradedFrom: input.failedTiers.map((t) => t.tier),
      state: input.result.state,
      text: input.result.state === 'ok' ? input.result.text : '',
      ...(error ? { error } : {}),
      latencyMs: input.endedMs - input.startedMs,
      ...(ttftMs === undefined ? {} : { ttftMs }),
      costUsd: input.attempts.reduce((sum, a) => sum + a.costUsd, 0),
      inputTokens: input.attempts.reduce((sum, a) => sum + a.usage.inputTokens, 0),
      outputTokens: input.attempts.reduce((sum, a) => sum + a.usage.outputTokens, 0),
      calls,
      attempts: [...input.attempts],
      reliability: account(input, served),
      toolRuns,
      handoffs: trail?.handoffs ?? [],
      agents,
      turns: (trail?.turns ?? []).map(
        ({ startedMs, firstCall, callCount, toolRunCount, ...turn }) => ({
          ...turn,
          offsetMs: startedMs - input.startedMs,
          calls: callCount,
          toolRuns: toolRunCount,
        }),
      ),
      escalated,
    };
  };
}
