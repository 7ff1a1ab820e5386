import type { FaultProfile } from '../../mocks/faults/index.js';
import type { FileIssue } from '../../src/config/yaml/index.js';
import type { PathName } from '../../src/index.js';
import type { OPEN_EXECUTORS } from './load-schema.js';
import type { COST_STATS, LATENCY_STATS, MESSAGE_ROLES, OUTCOMES } from './schema.js';

export type LatencyStat = (typeof LATENCY_STATS)[number];
export type CostStat = (typeof COST_STATS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type MessageRole = (typeof MESSAGE_ROLES)[number];
export type OpenExecutor = (typeof OPEN_EXECUTORS)[number];

/** Where `expect.path` came from: written in the file, or what the default router picks. */
export type PathSource = 'label' | 'router';

export interface ScenarioMessage {
  role: MessageRole;
  content: string;
}

export interface PathSla {
  latency?: { stat: LatencyStat; maxMs: number };
  cost?: { stat: CostStat; maxUsd: number };
  success?: { minRate: number };
}

/** Only the paths a suite mentions; the SLA defaults fill the rest. */
export type SlaOverrides = Partial<Record<PathName, PathSla>>;

export interface Expectation {
  path: PathName;
  /** `router` for recorded traffic without a label: routing accuracy against it says little. */
  pathSource: PathSource;
  /** Absent: no outcome assertion (recorded traffic); `escalated: true|false` resolves to this. */
  outcome?: Outcome;
  /** Case-insensitive substrings of the final answer. */
  contains: string[];
  notContains: string[];
  regex?: string;
  toolsCalled: string[];
  handoffs?: string[];
  maxLatencyMs?: number;
  maxCostUsd?: number;
  /** A JSON Schema (checked at load) the final answer, parsed as JSON, must satisfy. */
  jsonSchema?: Record<string, unknown>;
}

export interface ScenarioRequest {
  id: string;
  description?: string;
  tags: string[];
  /** Share of the traffic mix, relative to the other requests' weights. */
  weight: number;
  userId?: string;
  messages: ScenarioMessage[];
  metadata: { path?: PathName };
  expect: Expectation;
  /** 1-based line of the request in its file, for messages that point back at it. */
  line: number;
  /** When the request arrived in recorded traffic, in ms from the recording's start. */
  atMs?: number;
}

export interface LoadStage {
  /** Arrival rate reached at the end of the stage, per `timeUnitMs`. */
  target: number;
  durationMs: number;
}

/** How a load run drives the suite (k6's closed and open models), durations in ms. */
export type LoadProfile =
  | { model: 'closed'; concurrency: number; requests: number }
  | {
      model: 'open';
      executor: 'constant-arrival-rate';
      /** Requests started per `timeUnitMs`. */
      rate: number;
      timeUnitMs: number;
      durationMs: number;
    }
  | {
      model: 'open';
      executor: 'ramping-arrival-rate';
      startRate: number;
      timeUnitMs: number;
      stages: LoadStage[];
    };

export interface Suite {
  file: string;
  name: string;
  description?: string;
  /** Baselines compare only runs of the same suite version. */
  version: string;
  sla: SlaOverrides;
  repetitions: number;
  requests: ScenarioRequest[];
  load?: LoadProfile;
  /** A profile name or file for `resolveFaultProfile`, or a profile written in the suite. */
  faults?: string | FaultProfile;
}

/** One problem in a suite file; line and column are 1-based. */
export type SuiteIssue = FileIssue;

export type SuiteLoadResult =
  | { state: 'ok'; suite: Suite }
  | { state: 'invalid'; issues: SuiteIssue[] };
