import type { AgentTurnRecord, HandoffKind } from '../agents/run-records.js';
import type { FailureCode } from '../providers/provider.js';

/**
 * What the runtime tells the outside world. The pipeline and bridge call these hooks; an
 * implementation turns them into Prometheus metrics, OpenTelemetry spans and logs. All hooks
 * must be cheap and must never throw: they sit on the per-request path.
 */
export interface Telemetry {
  /** Runs `fn` inside a span (`request`, `path`, `model_call`, `tool_call`), ending it when `fn` settles. */
  span<T>(
    name: SpanName,
    attributes: Readonly<Record<string, string | number | boolean>>,
    fn: () => Promise<T>,
  ): Promise<T>;
  requestEnded(event: RequestEndedEvent): void;
  modelCallEnded(event: ModelCallEndedEvent): void;
  retried(event: { model: string; attempt: number; reason: FailureCode; delayMs: number }): void;
  fellBack(event: { kind: 'model' | 'path'; from: string; to: string; reason: string }): void;
  breakerChanged(event: { key: string; from: string; to: string }): void;
  cacheLookup(event: { hit: boolean; model: string }): void;
  rejected(event: { reason: 'rate_limited' | 'budget_exceeded'; scope: string }): void;
  /** An agent's turn on a path ended (answered, handed the conversation on, or failed). */
  agentTurnEnded(event: AgentTurnRecord): void;
  /** The full path handed a conversation to another agent; `kind` says who decided. */
  handedOff(event: { from: string; to: string; kind: HandoffKind }): void;
}

export type SpanName = 'request' | 'path' | 'agent_turn' | 'handoff' | 'model_call' | 'tool_call';

export interface RequestEndedEvent {
  mode: string;
  /** The path (or tier) that served the request, or `canned`. */
  servedBy: string;
  /** `ok`, `degraded`, or the error code. */
  outcome: string;
  latencyMs: number;
  costUsd: number;
  reliabilityCostUsd: number;
  experimentArm?: string;
}

export interface ModelCallEndedEvent {
  provider: string;
  model: string;
  /** `ok` or the failure code. */
  outcome: string;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  cached: boolean;
}

/** Telemetry that records nothing: the default, and what tests that do not look at it use. */
export const noTelemetry: Telemetry = {
  span: (_name, _attributes, fn) => fn(),
  requestEnded: () => undefined,
  modelCallEnded: () => undefined,
  retried: () => undefined,
  fellBack: () => undefined,
  breakerChanged: () => undefined,
  cacheLookup: () => undefined,
  rejected: () => undefined,
  agentTurnEnded: () => undefined,
  handedOff: () => undefined,
};
