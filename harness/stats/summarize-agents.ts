import { HANDOFF_KINDS, type HandoffKind, type Mode } from '../../src/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { mean, p95 } from './statistics.js';

/** One agent of the full path in one mode: its turns and the model calls it made. */
export interface AgentFigures {
  agent: string;
  /** Turns taken, over the conversations that recorded turns. */
  turns: number;
  /** Shares of its turns that answered, handed the conversation on, failed (0 without turns). */
  answeredRate: number;
  handedOffRate: number;
  failedRate: number;
  /** Turn latency; absent without turns. */
  latencyMs?: { mean: number; p95: number };
  /** Dollars spent per turn on average; absent without turns. */
  costPerTurnUsd?: number;
  /** Model calls the agent made, over every conversation. */
  modelCalls: number;
}

/** The depth of the full path in one mode: its agents, and what each conversation took. */
export interface AgentsSummary {
  mode: Mode;
  /** Requests labelled `full`. */
  conversations: number;
  /** Of them, those that recorded agent turns (reports written before turns lack them). */
  withTurns: number;
  /** In the order they usually take the conversation (mean place in the chain). */
  agents: AgentFigures[];
  modelCallsPerConversation: { mean: number; p95: number; max: number };
  handoffsPerConversation: { mean: number; max: number };
  /** Handoffs by who decided them: the agent, or the path's guard (loop, limit, failure, budget). */
  handoffsByKind: Record<HandoffKind, number>;
}

interface AgentTally {
  order: number;
  places: number[];
  turns: number;
  answered: number;
  handedOff: number;
  failed: number;
  latencies: number[];
  costUsd: number;
  modelCalls: number;
}

/**
 * Per mode, over the requests labelled `full`: each agent's turns (outcome shares, latency mean
 * and p95, cost per turn, model calls) and per conversation the model calls, the handoffs and
 * the handoffs the guard decided. Modes without full-path requests are left out. Pure.
 */
export function summarizeAgents(records: readonly RequestRecord[]): AgentsSummary[] {
  const summaries: AgentsSummary[] = [];
  for (const mode of ['agno-only', 'hybrid'] as const) {
    const group = records.filter((r) => r.mode === mode && r.expectedPath === 'full');
    if (group.length > 0) summaries.push(summarizeMode(mode, group));
  }
  return summaries;
}

function summarizeMode(mode: Mode, records: readonly RequestRecord[]): AgentsSummary {
  const tallies = new Map<string, AgentTally>();
  const tally = (agent: string): AgentTally => {
    let t = tallies.get(agent);
    if (!t) {
      t = {
        order: tallies.size,
        places: [],
        turns: 0,
        answered: 0,
        handedOff: 0,
        failed: 0,
        latencies: [],
        costUsd: 0,
        modelCalls: 0,
      };
      tallies.set(agent, t);
    }
    return t;
  };
  const handoffsByKind = Object.fromEntries(HANDOFF_KINDS.map((k) => [k, 0])) as Record<
    HandoffKind,
    number
  >;
  for (const r of records) {
    if (r.agentTurns) {
      r.agentTurns.forEach((turn, place) => {
        const t = tally(turn.agent);
        t.places.push(place);
        t.turns++;
        if (turn.outcome === 'answered') t.answered++;
        else if (turn.outcome === 'handed_off') t.handedOff++;
        else t.failed++;
        t.latencies.push(turn.latencyMs);
        t.costUsd += turn.costUsd;
      });
    } else {
      r.agents.forEach((agent, place) => {
        tally(agent).places.push(place);
      });
    }
    for (const call of r.calls) tally(call.agent).modelCalls++;
    for (const h of r.handoffs) handoffsByKind[h.kind ?? 'agent']++;
  }
  const place = (t: AgentTally) => (t.places.length === 0 ? Infinity : mean(t.places));
  const agents = [...tallies.entries()]
    .sort(([, a], [, b]) => place(a) - place(b) || a.order - b.order)
    .map(([agent, t]): AgentFigures => {
      const rate = (n: number) => (t.turns === 0 ? 0 : n / t.turns);
      return {
        agent,
        turns: t.turns,
        answeredRate: rate(t.answered),
        handedOffRate: rate(t.handedOff),
        failedRate: rate(t.failed),
        ...(t.turns === 0
          ? {}
          : {
              latencyMs: { mean: mean(t.latencies), p95: p95(t.latencies) },
              costPerTurnUsd: t.costUsd / t.turns,
            }),
        modelCalls: t.modelCalls,
      };
    });
  const calls = records.map((r) => r.calls.length);
  const handoffs = records.map((r) => r.handoffs.length);
  // A loop rather than Math.max(...values): a large run would pass too many arguments.
  const max = (values: readonly number[]) => values.reduce((m, v) => Math.max(m, v), 0);
  return {
    mode,
    conversations: records.length,
    withTurns: records.filter((r) => r.agentTurns !== undefined).length,
    agents,
    modelCallsPerConversation: { mean: mean(calls), p95: p95(calls), max: max(calls) },
    handoffsPerConversation: { mean: mean(handoffs), max: max(handoffs) },
    handoffsByKind,
  };
}
