import { z } from 'zod';
import { PATH_NAMES } from '../../src/index.js';

export const BASELINE_FORMAT = 'hybrid-bench-baseline';
/** Bump on any breaking change: an older or newer file is refused, never guessed at. */
export const BASELINE_SCHEMA_VERSION = 1;

const Sample = z.strictObject({
  /** `<scenario id>#<repetition>`: pairs a baseline sample with tonight's. */
  id: z.string(),
  latencyMs: z.number().nonnegative(),
  costUsd: z.number().nonnegative(),
  success: z.boolean(),
});

export const BaselineSchema = z.strictObject({
  format: z.literal(BASELINE_FORMAT),
  schemaVersion: z.literal(BASELINE_SCHEMA_VERSION),
  suite: z.strictObject({ name: z.string(), version: z.string(), file: z.string() }),
  mode: z.enum(['agno-only', 'hybrid']),
  backend: z.string(),
  /** What produced the samples; comparisons say when these differ. */
  options: z.strictObject({
    seed: z.int(),
    latency: z.string(),
    timeScale: z.number().positive().optional(),
    faults: z.string().optional(),
    repetitions: z.int().positive(),
  }),
  machine: z.strictObject({
    node: z.string(),
    platform: z.string(),
    arch: z.string(),
    cpus: z.int().positive(),
    cpuModel: z.string(),
    memoryGb: z.number().positive(),
  }),
  createdAt: z.iso.datetime(),
  runId: z.string(),
  toolVersion: z.string(),
  paths: z.partialRecord(z.enum(PATH_NAMES), z.array(Sample)),
});

export type Baseline = z.output<typeof BaselineSchema>;
export type BaselineSample = z.output<typeof Sample>;
