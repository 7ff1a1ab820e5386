import type { ModelCaller } from '../agents/run-agent.js';
import type {
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
}

interface PathTrail {
  calls: ModelCallRecord[];
  toolRuns: ToolRunRecord[];
  handoffs: HandoffRecord[];
  /** Agents in the order they held the conversation. */
  agents: string[];
}

export type PathResult =
  | (PathTrail & { state: 'ok'; text: string; finalCall: ModelCallRecord })
  | (PathTrail & { state: 'error'; error: RunFailure });
