import { z } from 'zod';
import type { LoadStep } from '../load/load-result.js';
import { LATENCY_STATS } from '../scenario/index.js';
import { EnvironmentSchema, ToolSchema } from './run-metadata.js';

/** The format of `load.json`. Bump on any breaking change. */
export const LOAD_REPORT_SCHEMA_VERSION = 1;

const count = z.int().nonnegative();
const rate = z.number().nonnegative();

const Percentiles = z.strictObject({
  p50: z.number(),
  p90: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
  mean: z.number(),
});

const PathFigures = z.object({
  ok: count,
  latencyMs: Percentiles,
  costUsd: z.number().nonnegative(),
  correctedLatencyMs: Percentiles.optional(),
});

/**
 * A `LoadStep` (harness/load/load-result.ts). Not strict: k6 summaries and later versions may
 * carry more, which a reader keeps out rather than refusing the file.
 */
export const LoadStepSchema = z.object({
  engine: z.enum(['autocannon', 'k6']),
  loop: z.enum(['open', 'closed']),
  targetRps: z.number().positive().optional(),
  connections: count,
  durationS: z.number().nonnegative(),
  warmupS: z.number().nonnegative().optional(),
  sent: count,
  ok: count,
  non2xx: count,
  errors: count,
  non2xxByStatus: z.record(z.string(), count).optional(),
  errorsByReason: z.record(z.string(), count).optional(),
  dropped: count.optional(),
  throughputRps: rate,
  goodputRps: rate,
  latencyMs: Percentiles,
  correctedLatencyMs: Percentiles.optional(),
  sendLagMs: Percentiles.optional(),
  ttftMs: Percentiles.optional(),
  byPath: z
    .object({
      simple: PathFigures.optional(),
      complex: PathFigures.optional(),
      full: PathFigures.optional(),
    })
    .optional(),
  thresholds: z
    .array(z.strictObject({ metric: z.string(), expression: z.string(), ok: z.boolean() }))
    .optional(),
});

// The schema and the type must describe the same thing: this fails to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const stepSchemaMatchesType: Same<z.output<typeof LoadStepSchema>, LoadStep> = true;
void stepSchemaMatchesType;

const SweepSchema = z.strictObject({
  rules: z.strictObject({
    minThroughputRatio: z.number(),
    maxErrorRate: z.number(),
    latency: z.string(),
  }),
  steps: z.array(
    z.strictObject({ targetRps: z.number(), saturated: z.boolean(), reasons: z.array(z.string()) }),
  ),
  best: z.strictObject({ stepIndex: count, targetRps: z.number(), goodputRps: rate }).optional(),
  brokeAt: z
    .strictObject({ stepIndex: count, targetRps: z.number(), reasons: z.array(z.string()) })
    .optional(),
});

const SoakSampleSchema = z.strictObject({
  atS: z.number(),
  rssBytes: z.number().nonnegative(),
  heapUsedBytes: z.number().nonnegative(),
  eventLoopP99Ms: z.number().nonnegative(),
  processStartS: z.number().optional(),
});

const SoakSchema = z.strictObject({
  intervalS: z.number().positive(),
  warmupS: z.number().nonnegative(),
  samples: z.array(SoakSampleSchema),
  steadyRssBytes: z.number().optional(),
  rssGrowthPct: z.number().optional(),
  heapGrowthPct: z.number().optional(),
  firstWindowS: z.tuple([z.number(), z.number()]).optional(),
  lastWindowS: z.tuple([z.number(), z.number()]).optional(),
  maxEventLoopP99Ms: z.number().optional(),
  failedScrapes: count,
  notes: z.array(z.string()),
});

const LatencySla = z.strictObject({ stat: z.enum(LATENCY_STATS), maxMs: z.number().positive() });

/** What a load run measured: its steps, and the sweep's or soak's verdict when it was one. */
export const LoadResultsSchema = z
  .strictObject({
    kind: z.enum(['step', 'sweep', 'soak']),
    target: z.strictObject({
      /** `child`: a `bench serve` started for the run; `url`: a server already running. */
      kind: z.enum(['child', 'url']),
      /** The API base (no credentials). */
      url: z.string(),
      backend: z.string().optional(),
      latency: z.enum(['realistic', 'zero']).optional(),
      seed: z.int().optional(),
      workers: z.int().positive().optional(),
      config: z.string().optional(),
      /** false: the server ran with its response cache off. */
      cache: z.boolean().optional(),
    }),
    stream: z.boolean(),
    /** The latency SLA per path that goodput and saturation were judged by. */
    sla: z.strictObject({ simple: LatencySla, complex: LatencySla, full: LatencySla }),
    steps: z.array(LoadStepSchema),
    sweep: SweepSchema.optional(),
    soak: SoakSchema.optional(),
    interrupted: z.boolean(),
    notes: z.array(z.string()),
  })
  .meta({ title: 'hybrid-bench load results' });

export type LoadResults = z.output<typeof LoadResultsSchema>;

/** `load.json`: one `bench load` run. */
export const LoadReportSchema = z
  .strictObject({
    schemaVersion: z.literal(LOAD_REPORT_SCHEMA_VERSION),
    runId: z.string(),
    createdAt: z.iso.datetime(),
    tool: ToolSchema,
    suite: z.strictObject({
      name: z.string(),
      version: z.string(),
      file: z.string(),
      requests: z.int().positive(),
    }),
    environment: EnvironmentSchema,
    wallTimeMs: z.number().nonnegative(),
    load: LoadResultsSchema,
  })
  .meta({ title: 'hybrid-bench load run' });

export type LoadReport = z.output<typeof LoadReportSchema>;
