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

export interface HandoffRecord {
  from: string;
  to: string;
  reason: string;
  summary: string;
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
