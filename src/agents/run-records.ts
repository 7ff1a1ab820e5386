import type { FinishReason, ProviderFailure, Usage } from '../providers/provider.js';

/** One model call made while serving a request. */
export interface ModelCallRecord {
  agent: string;
  /** The model asked for. */
  model: string;
  /** The model that answered, as the backend named it. */
  answeredBy?: string;
  state: 'ok' | 'error';
  usage: Usage;
  usageEstimated: boolean;
  /** Clock reading when the call started (same scale as `Clock.now()`). */
  startedMs: number;
  latencyMs: number;
  ttftMs?: number;
  finishReason?: FinishReason;
  error?: ProviderFailure;
  /** Answered from the bridge's response cache. */
  cached?: boolean;
}

/** One tool execution. */
export interface ToolRunRecord {
  agent: string;
  name: string;
  ok: boolean;
  latencyMs: number;
  /** The tool's result (JSON-serialisable) or the error text given back to the model. */
  output: unknown;
}

/** Who decided a handoff: the agent itself, or the path's guard (loop, limit, failure, budget). */
export const HANDOFF_KINDS = ['agent', 'loop', 'limit', 'failure', 'budget'] as const;
export type HandoffKind = (typeof HANDOFF_KINDS)[number];

export interface HandoffRecord {
  from: string;
  to: string;
  reason: string;
  summary: string;
  /** Absent means `agent`: the agent asked for it. */
  kind?: HandoffKind;
}

/** How one agent's turn with the conversation ended. */
export type AgentTurnOutcome = 'answered' | 'handed_off' | 'failed';

/** What every report of an agent's turn says, wherever the turn is kept. */
export interface TurnSummary {
  agent: string;
  latencyMs: number;
  outcome: AgentTurnOutcome;
  /** Model calls and tool runs the agent made in this turn. */
  calls: number;
  toolRuns: number;
  costUsd: number;
  /** Why a failed turn failed (a {@link RunFailure} code). */
  errorCode?: string;
  /** Set when the agent's own time or cost budget ended the turn. */
  budget?: 'time' | 'cost';
}

/** One agent's turn on a path: when, how long, and which model calls and tool runs were its. */
export interface AgentTurnRecord {
  agent: string;
  /** Clock reading when the turn started (same scale as `Clock.now()`). */
  startedMs: number;
  latencyMs: number;
  outcome: AgentTurnOutcome;
  /** The turn's model calls are the path's `calls[firstCall .. firstCall + callCount)`. */
  firstCall: number;
  callCount: number;
  toolRunCount: number;
  /** What the request had spent when the turn ended minus when it started. */
  costUsd: number;
  /** Why a failed turn failed (a {@link RunFailure} code). */
  errorCode?: string;
  /** Set when the agent's own time or cost budget ended the turn. */
  budget?: 'time' | 'cost';
}

/** Why a run did not produce an answer. Codes are stable. */
export interface RunFailure {
  code:
    | 'model_error'
    | 'max_steps'
    | 'max_handoffs'
    | 'handoff_loop'
    | 'unknown_agent'
    | 'aborted'
    | 'timeout'
    | 'budget_exceeded'
    | 'rate_limited';
  message: string;
  /** The provider failure behind a `model_error`, `timeout` or `aborted`. */
  provider?: ProviderFailure;
}
