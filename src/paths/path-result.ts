import type { ModelCaller } from '../agents/run-agent.js';
import type {
  AgentTurnRecord,
  HandoffRecord,
  ModelCallRecord,
  RunFailure,
  ToolRunRecord,
} from '../agents/run-records.js';
import type { Clock } from '../clock.js';
import type { Telemetry } from '../telemetry/telemetry.js';

/** What every path needs to serve one request. */
export interface PathContext {
  call: ModelCaller;
  clock: Clock;
  signal: AbortSignal;
  requestId: string;
  userId?: string;
  stream: boolean;
  /** Where tool-call spans go (model calls are traced by the pipeline). */
  telemetry?: Telemetry;
  /** What the request has spent so far, in US dollars (per-agent cost budgets read it). */
  spentUsd: () => number;
}

interface PathTrail {
  calls: ModelCallRecord[];
  toolRuns: ToolRunRecord[];
  handoffs: HandoffRecord[];
  /** Agents in the order they held the conversation. */
  agents: string[];
  /** One record per agent turn, in order (one turn on the single-agent paths). */
  turns: AgentTurnRecord[];
}

export type PathResult =
  | (PathTrail & { state: 'ok'; text: string; finalCall: ModelCallRecord })
  | (PathTrail & { state: 'error'; error: RunFailure });
