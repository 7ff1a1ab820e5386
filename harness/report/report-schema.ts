import { z } from 'zod';
import { HANDOFF_KINDS, PATH_NAMES } from '../../src/index.js';
import { COST_STATS, LATENCY_STATS } from '../scenario/index.js';
import { LoadResultsSchema } from './load-report-schema.js';
import { EnvironmentSchema, ToolSchema } from './run-metadata.js';

/** The format of `report.json`. Bump `schemaVersion` on any breaking change. */
export const REPORT_SCHEMA_VERSION = 1;

const Path = z.enum(PATH_NAMES);
const Mode = z.enum(['agno-only', 'hybrid']);
const PerPath = <T extends z.ZodType>(value: T) =>
  z.strictObject({ simple: value, complex: value, full: value });

const Distribution = z.strictObject({
  count: z.int().nonnegative(),
  min: z.number(),
  mean: z.number(),
  p50: z.number(),
  p90: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
  total: z.number(),
});

/** One agent's turn (reports written before agent turns were recorded lack them). */
const AgentTurn = z.strictObject({
  agent: z.string(),
  offsetMs: z.number(),
  latencyMs: z.number().nonnegative(),
  outcome: z.enum(['answered', 'handed_off', 'failed']),
  calls: z.int().nonnegative(),
  toolRuns: z.int().nonnegative(),
  costUsd: z.number().nonnegative(),
  errorCode: z.string().optional(),
  budget: z.enum(['time', 'cost']).optional(),
});

const CallRecord = z.strictObject({
  agent: z.string(),
  model: z.string(),
  answeredBy: z.string().optional(),
  state: z.enum(['ok', 'error']),
  inputTokens: z.int().nonnegative(),
  outputTokens: z.int().nonnegative(),
  offsetMs: z.number(),
  latencyMs: z.number().nonnegative(),
  ttftMs: z.number().nonnegative().optional(),
  costUsd: z.number().nonnegative(),
  finishReason: z.string().optional(),
  errorCode: z.string().optional(),
  cached: z.boolean().optional(),
});

const AttemptSummary = z.strictObject({
  tier: Path,
  model: z.string(),
  kind: z.enum(['first', 'retry', 'fallback', 'hedge']),
  state: z.enum(['ok', 'error']),
  code: z.string().optional(),
  latencyMs: z.number().nonnegative(),
  costUsd: z.number().nonnegative(),
  cached: z.boolean(),
});

const ReliabilityAccount = z.strictObject({
  attempts: z.int().nonnegative(),
  retries: z.int().nonnegative(),
  fallbacks: z.int().nonnegative(),
  hedges: z.int().nonnegative(),
  failedAttempts: z.int().nonnegative(),
  cachedCalls: z.int().nonnegative(),
  extraCalls: z.int().nonnegative(),
  extraCostUsd: z.number().nonnegative(),
  extraLatencyMs: z.number().nonnegative(),
  successCostUsd: z.number(),
  rescued: z.boolean(),
});

export const RequestRecordSchema = z.strictObject({
  id: z.string(),
  scenarioId: z.string(),
  repetition: z.int().nonnegative(),
  mode: Mode,
  expectedPath: Path,
  pathSource: z.enum(['label', 'router']),
  routedPath: Path.optional(),
  routeReason: z.enum(['override', 'rule', 'default']).optional(),
  routeRule: z.string().optional(),
  servedBy: z.union([Path, z.literal('prototype'), z.literal('canned'), z.literal('none')]),
  degradedFrom: z.array(Path),
  experimentArm: z.string().optional(),
  rejected: z.strictObject({ reason: z.string(), scope: z.string() }).optional(),
  state: z.enum(['ok', 'error']),
  success: z.boolean(),
  outcome: z.enum(['resolved', 'escalated', 'failed']),
  assertions: z.array(
    z.strictObject({ name: z.string(), pass: z.boolean(), detail: z.string().optional() }),
  ),
  startedAt: z.iso.datetime(),
  latencyMs: z.number().nonnegative(),
  ttftMs: z.number().nonnegative().optional(),
  costUsd: z.number().nonnegative(),
  inputTokens: z.int().nonnegative(),
  outputTokens: z.int().nonnegative(),
  calls: z.array(CallRecord),
  attempts: z.array(AttemptSummary),
  reliability: ReliabilityAccount,
  toolsCalled: z.array(z.string()),
  agents: z.array(z.string()),
  handoffs: z.array(
    z.strictObject({
      from: z.string(),
      to: z.string(),
      reason: z.string(),
      kind: z.enum(HANDOFF_KINDS).optional(),
    }),
  ),
  agentTurns: z.array(AgentTurn).optional(),
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
  text: z.string(),
});

const GroupSummary = z.strictObject({
  mode: Mode,
  path: Path,
  count: z.int().positive(),
  succeeded: z.int().nonnegative(),
  errored: z.int().nonnegative(),
  successRate: z.number().min(0).max(1),
  escalated: z.int().nonnegative(),
  latencyMs: Distribution,
  ttftMs: Distribution.optional(),
  costUsd: Distribution,
  inputTokensMean: z.number(),
  outputTokensMean: z.number(),
  modelCallsMean: z.number(),
  modelCallLatencyMs: Distribution.optional(),
  reliability: z.strictObject({
    rescued: z.int().nonnegative(),
    degraded: z.int().nonnegative(),
    canned: z.int().nonnegative(),
    rejected: z.int().nonnegative(),
    retries: z.int().nonnegative(),
    fallbacks: z.int().nonnegative(),
    hedges: z.int().nonnegative(),
    failedAttempts: z.int().nonnegative(),
    cachedCalls: z.int().nonnegative(),
    extraCalls: z.int().nonnegative(),
    extraCostUsd: z.number().nonnegative(),
    extraCostPer1kUsd: z.number().nonnegative(),
    extraLatencyMsMean: z.number().nonnegative(),
  }),
});

const Rate = z.number().min(0).max(1);
const Count = z.int().nonnegative();

/** The full path's depth in one mode: its agents' turns and what each conversation took. */
const AgentsSummary = z.strictObject({
  mode: Mode,
  conversations: z.int().positive(),
  /** Conversations that recorded agent turns (the per-agent turn figures come from these). */
  withTurns: Count,
  agents: z.array(
    z.strictObject({
      agent: z.string(),
      turns: Count,
      answeredRate: Rate,
      handedOffRate: Rate,
      failedRate: Rate,
      latencyMs: z.strictObject({ mean: z.number(), p95: z.number() }).optional(),
      costPerTurnUsd: z.number().nonnegative().optional(),
      modelCalls: Count,
    }),
  ),
  modelCallsPerConversation: z.strictObject({
    mean: z.number().nonnegative(),
    p95: z.number().nonnegative(),
    max: Count,
  }),
  handoffsPerConversation: z.strictObject({ mean: z.number().nonnegative(), max: Count }),
  /** Who decided the handoffs: the agents, or the guard (loop, limit, failure, budget). */
  handoffsByKind: z.strictObject({
    agent: Count,
    loop: Count,
    limit: Count,
    failure: Count,
    budget: Count,
  }),
});

const PassK = z.strictObject({
  mode: Mode,
  path: Path,
  trials: z.strictObject({ min: z.int().positive(), max: z.int().positive() }),
  points: z.array(
    z.strictObject({
      k: z.int().positive(),
      value: z.number().min(0).max(1),
      underSla: z.number().min(0).max(1),
      scenarios: z.int().positive(),
    }),
  ),
});

const Goodput = z.strictObject({
  mode: Mode,
  requests: z.int().positive(),
  metSla: z.int().nonnegative(),
  requestsPerSecond: z.number().nonnegative(),
  goodRequestsPerSecond: z.number().nonnegative(),
  durationSeconds: z.number().positive(),
});

const SlaTargets = z.strictObject({
  latency: z.strictObject({ stat: z.enum(LATENCY_STATS), maxMs: z.number() }),
  cost: z.strictObject({ stat: z.enum(COST_STATS), maxUsd: z.number() }),
  success: z.strictObject({ minRate: z.number() }),
});

const SlaCheck = z.strictObject({
  mode: Mode,
  path: Path,
  metric: z.enum(['latency', 'cost', 'success']),
  stat: z.string(),
  value: z.number(),
  limit: z.number(),
  comparison: z.enum(['<', '>=']),
  unit: z.enum(['ms', 'usd', 'ratio']),
  pass: z.boolean(),
  gating: z.boolean(),
  requests: z.int().nonnegative(),
  interval: z
    .strictObject({ low: z.number(), high: z.number(), confidence: z.number() })
    .optional(),
});

const Side = z.strictObject({
  costPer1kUsd: z.number(),
  latencyP95Ms: z.number(),
  successRate: z.number(),
});

const Interval = z.strictObject({
  estimate: z.number(),
  low: z.number(),
  high: z.number(),
  confidence: z.number(),
});
const ViewSide = z.strictObject({ costPer1kUsd: z.number(), latencyP95Ms: z.number() });
const ComparedView = z.strictObject({
  pairs: z.int().nonnegative(),
  agnoOnly: ViewSide,
  hybrid: ViewSide,
  savingsPer1kUsd: Interval,
  latencyP95DeltaMs: Interval,
  latencyShiftMs: z.number(),
  latencyShiftPValue: z.number(),
});

const Comparison = z.strictObject({
  path: Path,
  requests: z.int().nonnegative(),
  agnoOnly: Side,
  hybrid: Side,
  savingsPer1kUsd: z.number(),
  savingsPct: z.number(),
  latencyP95DeltaMs: z.number(),
  successRateDelta: z.number(),
  allRequests: ComparedView,
  succeededOnly: ComparedView.optional(),
  success: z.strictObject({
    agnoOnly: Interval,
    hybrid: Interval,
    difference: Interval,
    pValue: z.number(),
  }),
  claimsUse: z.strictObject({ view: z.literal('allRequests'), note: z.string() }),
});

const Routing = z.strictObject({
  total: z.int().nonnegative(),
  correct: z.int().nonnegative(),
  accuracy: z.number().min(0).max(1),
  confusion: PerPath(PerPath(z.int().nonnegative())),
  misses: z.array(
    z.strictObject({
      id: z.string(),
      expected: Path,
      routed: Path,
      rule: z.string().optional(),
    }),
  ),
});

const RegressionCheck = z.strictObject({
  path: Path,
  metric: z.enum(['latency', 'cost', 'success']),
  stat: z.string(),
  baseline: z.number(),
  current: z.number(),
  relativeChange: z.number(),
  test: z.enum([
    'paired sign-flip',
    'Mann-Whitney',
    'two-proportion',
    'exact (deterministic mock)',
    'bootstrap',
  ]),
  pValue: z.number().optional(),
  typicalChange: z.number().optional(),
  interval: z
    .strictObject({ low: z.number(), high: z.number(), confidence: z.number() })
    .optional(),
  threshold: z.number(),
  samples: z.strictObject({ baseline: z.int(), current: z.int(), paired: z.int() }),
  regressed: z.boolean(),
});

const Regression = z.strictObject({
  mode: Mode,
  baselineFile: z.string(),
  result: z.strictObject({
    baselineRunId: z.string(),
    comparable: z.boolean(),
    differences: z.array(z.string()),
    paired: z.boolean(),
    checks: z.array(RegressionCheck),
    regressed: z.boolean(),
  }),
});

export const ReportSchema = z
  .strictObject({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    runId: z.string(),
    createdAt: z.iso.datetime(),
    tool: ToolSchema,
    suite: z.strictObject({
      name: z.string(),
      version: z.string(),
      file: z.string(),
      scenarios: z.int().positive(),
    }),
    options: z.strictObject({
      modes: z.array(Mode).min(1),
      backend: z.string(),
      /** The mock's latency model (live backends: \`realistic\`, their own). */
      latency: z.enum(['realistic', 'zero']),
      /** Live backends: the protocol spoken (`openai`, `anthropic`, `agno-agentos`). */
      provider: z.string().optional(),
      /** Live backends: where requests went (a URL only: never credentials or a key). */
      baseUrl: z.string().optional(),
      faults: z.string().optional(),
      deployment: z.string().optional(),
      deploymentRevision: z.string().optional(),
      sharedState: z.enum(['memory', 'redis']),
      timeScale: z.number().positive().optional(),
      seed: z.int(),
      concurrency: z.int().positive(),
      /** What drove the requests: closed (concurrency) or an open arrival rate. */
      load: z.string().optional(),
      requests: z.int().positive().optional(),
      repetitions: z.int().positive(),
    }),
    environment: EnvironmentSchema,
    wallTimeMs: z.number().nonnegative(),
    interrupted: z.boolean(),
    reconciliation: z.strictObject({
      planned: z.int().nonnegative(),
      sent: z.int().nonnegative(),
      answered: z.int().nonnegative(),
      typedErrors: z.int().nonnegative(),
      errorsByCode: z.record(z.string(), z.int().nonnegative()),
      droppedByInterruption: z.int().nonnegative(),
      lost: z.int(),
    }),
    sla: z.strictObject({ targets: PerPath(SlaTargets), checks: z.array(SlaCheck) }),
    summaries: z.array(GroupSummary),
    comparison: z.array(Comparison),
    /** τ-bench pass^k per mode and path over the scenarios' repetitions, plain and under SLA. */
    passK: z.array(PassK),
    /** Requests per second per mode, and those that met their path's SLA. */
    goodput: z.array(Goodput),
    routing: Routing.optional(),
    /** The full path per mode: each agent's turns and each conversation's calls and handoffs. */
    agents: z.array(AgentsSummary).optional(),
    /** The regression gate: each gating mode against its committed baseline, when one exists. */
    regression: z.array(Regression).optional(),
    verdict: z.strictObject({
      status: z.enum(['pass', 'fail', 'regressed', 'interrupted']),
      exitCode: z.int(),
      reasons: z.array(z.string()),
      gatingModes: z.array(Mode),
    }),
    records: z.array(RequestRecordSchema),
    /** Load results (`bench load`: steps, sweep, soak), when the run has them. */
    load: LoadResultsSchema.optional(),
  })
  .meta({
    title: 'hybrid-bench report',
    description:
      'One benchmark run: options, per-request records, summaries, SLA checks and verdict.',
  });

export type Report = z.output<typeof ReportSchema>;
