import type { Agent } from '../agents/agent.js';
import type { AgentTeam } from '../agents/team.js';
import type { BridgeConfig } from '../config/index.js';
import type { PriceTable } from '../cost/price-table.js';
import type { PathResult } from '../paths/path-result.js';
import type { PathName } from '../routing/path.js';
import type { RouteDecision } from '../routing/router.js';
import type { BridgeResult, Mode, PricedCall } from './bridge-types.js';

/** Throws at start-up when a model the bridge may call has no price (never a silent $0). */
export function checkPrices(
  prices: PriceTable,
  prototype: Agent,
  team: AgentTeam,
  config: BridgeConfig,
): void {
  const models = new Set([
    prototype.model,
    config.paths.simple.model,
    config.paths.complex.model,
    ...[...team.agents.values()].map((a) => a.model),
  ]);
  for (const model of models) prices.priceOf(model);
}

interface ResultMeta {
  mode: Mode;
  requestId: string;
  servedBy: PathName | 'prototype';
  route?: RouteDecision;
  startedMs: number;
  endedMs: number;
}

/** Prices every call and folds a path's trail into the record the harness and server read. */
export function toBridgeResult(
  prices: PriceTable,
  escalatingTools: ReadonlySet<string>,
  escalationAgent?: string,
) {
  return (result: PathResult, meta: ResultMeta): BridgeResult => {
    let costUsd = 0;
    let inputTokens = 0;
    let outputTokens = 0;
    const calls: PricedCall[] = result.calls.map(({ startedMs, ...call }) => {
      const pricedModel =
        call.answeredBy && prices.has(call.answeredBy) ? call.answeredBy : call.model;
      const callCostUsd = prices.costOf(pricedModel, call.usage).totalUsd;
      costUsd += callCostUsd;
      inputTokens += call.usage.inputTokens;
      outputTokens += call.usage.outputTokens;
      return { ...call, offsetMs: startedMs - meta.startedMs, costUsd: callCostUsd };
    });
    const escalated =
      (escalationAgent !== undefined && result.agents.includes(escalationAgent)) ||
      result.toolRuns.some((run) => run.ok && escalatingTools.has(run.name));
    const final = result.state === 'ok' ? result.finalCall : undefined;
    const ttftMs =
      final?.ttftMs === undefined ? undefined : final.startedMs - meta.startedMs + final.ttftMs;
    return {
      mode: meta.mode,
      requestId: meta.requestId,
      ...(meta.route ? { route: meta.route } : {}),
      servedBy: meta.servedBy,
      state: result.state,
      text: result.state === 'ok' ? result.text : '',
      ...(result.state === 'error' ? { error: result.error } : {}),
      latencyMs: meta.endedMs - meta.startedMs,
      ...(ttftMs === undefined ? {} : { ttftMs }),
      costUsd,
      inputTokens,
      outputTokens,
      calls,
      toolRuns: result.toolRuns,
      handoffs: result.handoffs,
      agents: result.agents,
      escalated,
    };
  };
}
