import type {
  HandoffRecord,
  ModelCallRecord,
  RunFailure,
  ToolRunRecord,
} from '../agents/run-records.js';
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
}

export interface PricedCall extends Omit<ModelCallRecord, 'startedMs'> {
  /** Milliseconds from the start of the request to the start of this call. */
  offsetMs: number;
  costUsd: number;
}

export interface BridgeResult {
  mode: Mode;
  requestId: string;
  /** The routing decision (hybrid only). */
  route?: RouteDecision;
  /** What served the request: a path, or the prototype itself in agno-only mode. */
  servedBy: PathName | 'prototype';
  state: 'ok' | 'error';
  /** The final answer; empty when the request failed. */
  text: string;
  error?: RunFailure;
  latencyMs: number;
  /** Time to the first token of the final answer (streaming only). */
  ttftMs?: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  calls: PricedCall[];
  toolRuns: ToolRunRecord[];
  handoffs: HandoffRecord[];
  agents: string[];
  /** True when the request reached the escalation agent or a tool that escalates. */
  escalated: boolean;
}
