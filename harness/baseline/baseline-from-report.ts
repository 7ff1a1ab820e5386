import { cpus, totalmem } from 'node:os';
import type { Mode } from '../../src/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import type { Report } from '../report/index.js';
import { BASELINE_FORMAT, BASELINE_SCHEMA_VERSION, type Baseline } from './baseline-schema.js';

/** Samples kept per path: enough for the gate's tests, small enough to commit. */
export const MAX_SAMPLES_PER_PATH = 5_000;

/** The machine a baseline was measured on, so a comparison can say when machines differ. */
export function machineFingerprint(): Baseline['machine'] {
  const cpu = cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  };
}

/** Per-path samples of one mode's records, in the baseline's shape. */
export function samplesByPath(records: readonly RequestRecord[], mode: Mode): Baseline['paths'] {
  const paths: Baseline['paths'] = {};
  for (const record of records) {
    if (record.mode !== mode) continue;
    const samples = paths[record.expectedPath] ?? [];
    paths[record.expectedPath] = samples;
    if (samples.length >= MAX_SAMPLES_PER_PATH) continue;
    samples.push({
      id: record.id,
      latencyMs: Math.round(record.latencyMs * 100) / 100,
      costUsd: record.costUsd,
      success: record.success,
    });
  }
  return paths;
}

export interface BaselineMeta {
  suite: Baseline['suite'];
  mode: Mode;
  backend: string;
  options: Baseline['options'];
  createdAt: string;
  runId: string;
  toolVersion: string;
}

export function baselineFromRecords(
  records: readonly RequestRecord[],
  meta: BaselineMeta,
): Baseline {
  return {
    format: BASELINE_FORMAT,
    schemaVersion: BASELINE_SCHEMA_VERSION,
    ...meta,
    machine: machineFingerprint(),
    paths: samplesByPath(records, meta.mode),
  };
}

/** A baseline for one mode of a finished run. */
export function baselineFromReport(report: Report, mode: Mode): Baseline {
  return baselineFromRecords(report.records, {
    suite: { name: report.suite.name, version: report.suite.version, file: report.suite.file },
    mode,
    backend: report.options.backend,
    options: {
      seed: report.options.seed,
      latency: report.options.latency,
      ...(report.options.timeScale === undefined ? {} : { timeScale: report.options.timeScale }),
      ...(report.options.faults === undefined ? {} : { faults: report.options.faults }),
      repetitions: report.options.repetitions,
    },
    createdAt: report.createdAt,
    runId: report.runId,
    toolVersion: report.tool.version,
  });
}
