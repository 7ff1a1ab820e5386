import type { FileIssue } from '../../src/config/yaml/index.js';
import type { PathName } from '../../src/index.js';
import type { COST_STATS, LATENCY_STATS, MESSAGE_ROLES, OUTCOMES } from './schema.js';

export type LatencyStat = (typeof LATENCY_STATS)[number];
export type CostStat = (typeof COST_STATS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type MessageRole = (typeof MESSAGE_ROLES)[number];

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
  outcome: Outcome;
  /** Case-insensitive substrings of the final answer. */
  contains: string[];
  notContains: string[];
  regex?: string;
  toolsCalled: string[];
  handoffs?: string[];
  maxLatencyMs?: number;
  maxCostUsd?: number;
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
}

export interface Suite {
  file: string;
  name: string;
  description?: string;
  sla: SlaOverrides;
  repetitions: number;
  requests: ScenarioRequest[];
}

/** One problem in a suite file; line and column are 1-based. */
export type SuiteIssue = FileIssue;

export type SuiteLoadResult =
  | { state: 'ok'; suite: Suite }
  | { state: 'invalid'; issues: SuiteIssue[] };
