import type {
  HandoffRecord,
  ModelCallRecord,
  RunFailure,
  ToolRunRecord,
  TurnSummary,
} from '../agents/run-records.js';
import type { AttemptRecord } from '../pipeline/request-scope.js';
import type { ChatMessage } from '../providers/provider.js';
import type { PathName } from '../routing/path.js';
import type { RouteDecision } from '../routing/router.js';

export const MODES = ['agno-only', 'hybrid'] as const;
/** `agno-only`: the prototype called directly. `hybrid`: the same prototype through the bridge. */
export type Mode = (typeof MODES)[number];

export interface BridgeRequest {
  /** The conversation so far; the last message is the customer's. */
  messages: readonly ChatMessage[];
  userId?: string;
  /** `path` forces a path in hybrid mode (ignored by agno-only, which has no routing). */
  metadata?: { path?: PathName };
}

export interface BridgeRunOptions {
  mode: Mode;
  /** Correlates every model call and side effect of this request. */
  requestId: string;
  signal?: AbortSignal;
  /**
   * Hybrid mode, streamed calls: the answer's text as it arrives, per backend attempt (see
   * `RequestScope.onAnswerText`). Calls with tools (the complex and full paths' loops) do not
   * stream here; their answer is in the result.
   */
  onAnswerText?: (delta: string, attempt: object) => void;
}

export interface PricedCall extends Omit<ModelCallRecord, 'startedMs'> {
  /** Milliseconds from the start of the request to the start of this call. */
  offsetMs: number;
  costUsd: number;
}

/** What the production layer did for a request, and what it cost. */
export interface ReliabilityAccount {
  /** Backend calls made (cache hits not included). */
  attempts: number;
  retries: number;
  fallbacks: number;
  /** Hedged twins sent because an attempt was slow to start. */
  hedges: number;
  failedAttempts: number;
  cachedCalls: number;
  /** Calls whose work was not used: failed attempts, and every call of a tier that failed. */
  extraCalls: number;
  extraCostUsd: number;
  /** Time spent on failed attempts, on backoff waits and on tiers that failed. */
  extraLatencyMs: number;
  /** What the answer itself cost (the rest is `extraCostUsd`). */
  successCostUsd: number;
  /** The request succeeded only because of a retry, a fallback or a degradation. */
  rescued: boolean;
}

/** What served a request: a path, the prototype alone (agno-only), the canned reply, or `none` (refused). */
export type ServedBy = PathName | 'prototype' | 'canned' | 'none';

export interface BridgeResult {
  mode: Mode;
  requestId: string;
  /** The routing decision (hybrid only). */
  route?: RouteDecision;
  servedBy: ServedBy;
  /** Paths that failed before `servedBy` answered (graceful degradation), in order. */
  degradedFrom: PathName[];
  state: 'ok' | 'error';
  /** The final answer; empty when the request failed. */
  text: string;
  error?: RunFailure;
  /** A request refused before any work: rate limit or daily budget (with when to retry). */
  rejected?: { reason: 'rate_limited' | 'budget_exceeded'; scope: string; retryAfterMs?: number };
  /** The A/B arm this request ran in (`control` when it is in no experiment). */
  experimentArm?: string;
  latencyMs: number;
  /** Time to the first token of the final answer (streaming only). */
  ttftMs?: number;
  /** Everything the request cost: its answer and its reliability work. */
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  /** The logical model calls of the tier that answered (after retries and fallbacks). */
  calls: PricedCall[];
  /** Every backend attempt, on every tier, failed ones included. */
  attempts: AttemptRecord[];
  reliability: ReliabilityAccount;
  toolRuns: ToolRunRecord[];
  handoffs: HandoffRecord[];
  agents: string[];
  /** Each agent's turn on the tier that answered (or failed last), in order. */
  turns: AgentTurn[];
  /** True when the request reached the escalation agent or a tool that escalates. */
  escalated: boolean;
}

/** One agent's turn as a result reports it: offsets from the request's start. */
export interface AgentTurn extends TurnSummary {
  offsetMs: number;
}
