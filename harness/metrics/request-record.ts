import type {
  AgentTurn,
  BridgeResult,
  HandoffKind,
  Mode,
  PathName,
  ReliabilityAccount,
  ServedBy,
} from '../../src/index.js';

export interface AssertionResult {
  /** e.g. `contains "3-5 business days"`, `outcome escalated`, `path complex`. */
  name: string;
  pass: boolean;
  /** What was seen instead, when the assertion failed. */
  detail?: string;
}

export interface CallRecord {
  agent: string;
  model: string;
  answeredBy?: string;
  state: 'ok' | 'error';
  inputTokens: number;
  outputTokens: number;
  offsetMs: number;
  latencyMs: number;
  ttftMs?: number;
  costUsd: number;
  finishReason?: string;
  errorCode?: string;
  cached?: boolean;
}

/** One backend attempt (retries, fallbacks and failed tiers included). */
export interface AttemptSummary {
  tier: PathName;
  model: string;
  kind: 'first' | 'retry' | 'fallback' | 'hedge';
  state: 'ok' | 'error';
  code?: string;
  latencyMs: number;
  costUsd: number;
  cached: boolean;
}

/** One request in one mode: what was asked, what happened, and whether it met expectations. */
export interface RequestRecord {
  /** `<scenario id>#<repetition>`: the same in both modes, which pairs them. */
  id: string;
  scenarioId: string;
  repetition: number;
  mode: Mode;
  /** The path label the suite gives; summaries group by it, so both modes are compared like for like. */
  expectedPath: PathName;
  /** Where the label came from: the suite, or (recorded traffic without one) the router itself. */
  pathSource: 'label' | 'router';
  /** Where the router sent it (hybrid only). */
  routedPath?: PathName;
  /** Why the router chose it: a rule, the default, or an explicit override in the request. */
  routeReason?: 'override' | 'rule' | 'default';
  routeRule?: string;
  servedBy: ServedBy;
  /** Paths that failed before `servedBy` answered. */
  degradedFrom: PathName[];
  /** The A/B arm the request ran in (hybrid on a deployment with experiments). */
  experimentArm?: string;
  /** Refused before any work (rate limit, daily budget). */
  rejected?: { reason: string; scope: string };
  state: 'ok' | 'error';
  /** Completed and every assertion passed. */
  success: boolean;
  outcome: 'resolved' | 'escalated' | 'failed';
  assertions: AssertionResult[];
  startedAt: string;
  latencyMs: number;
  ttftMs?: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  calls: CallRecord[];
  attempts: AttemptSummary[];
  reliability: ReliabilityAccount;
  toolsCalled: string[];
  agents: string[];
  handoffs: Array<{ from: string; to: string; reason: string; kind?: HandoffKind }>;
  /** Each agent's turn, in order; absent in reports written before turns were recorded. */
  agentTurns?: AgentTurn[];
  error?: { code: string; message: string };
  text: string;
}

export function toCallRecords(result: BridgeResult): CallRecord[] {
  return result.calls.map((c) => ({
    agent: c.agent,
    model: c.model,
    ...(c.answeredBy === undefined ? {} : { answeredBy: c.answeredBy }),
    state: c.state,
    inputTokens: c.usage.inputTokens,
    outputTokens: c.usage.outputTokens,
    offsetMs: c.offsetMs,
    latencyMs: c.latencyMs,
    ...(c.ttftMs === undefined ? {} : { ttftMs: c.ttftMs }),
    costUsd: c.costUsd,
    ...(c.finishReason === undefined ? {} : { finishReason: c.finishReason }),
    ...(c.error === undefined ? {} : { errorCode: c.error.code }),
    ...(c.cached ? { cached: true } : {}),
  }));
}

export function toAttemptSummaries(result: BridgeResult): AttemptSummary[] {
  return result.attempts.map((a) => ({
    tier: a.tier,
    model: a.model,
    kind: a.kind,
    state: a.state,
    ...(a.code === undefined ? {} : { code: a.code }),
    latencyMs: a.latencyMs,
    costUsd: a.costUsd,
    cached: a.cached,
  }));
}
