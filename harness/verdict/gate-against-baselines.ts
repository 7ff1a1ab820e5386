import { access } from 'node:fs/promises';
import type { Mode } from '../../src/index.js';
import { baselinePath, machineFingerprint, readBaseline } from '../baseline/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import type { Suite } from '../scenario/index.js';
import { checkRegression, type RegressionResult } from './regression.js';
import {
  DEFAULT_REGRESSION_THRESHOLDS,
  type RegressionThresholds,
} from './regression-thresholds.js';
import { resolveSla } from './sla.js';

export interface GateOptions {
  /** Root of the committed baselines (`baselines/<suite>/<mode>-<backend>.json`). */
  baselinesDir: string;
  /** One baseline file to use instead of looking one up (then it must exist). */
  baselineFile?: string;
  thresholds?: RegressionThresholds;
}

export interface GateInput {
  suite: Suite;
  modes: readonly Mode[];
  backend: string;
  options: {
    seed: number;
    latency: string;
    timeScale?: number;
    faults?: string;
    repetitions: number;
  };
  records: readonly RequestRecord[];
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * Checks each gating mode of a run against its committed baseline, when there is one. A bad
 * baseline file is an error (exit 2), never skipped in silence and never rewritten.
 */
export async function gateAgainstBaselines(
  input: GateInput,
  gate: GateOptions,
): Promise<Array<{ mode: Mode; baselineFile: string; result: RegressionResult }>> {
  const results: Array<{ mode: Mode; baselineFile: string; result: RegressionResult }> = [];
  for (const mode of input.modes) {
    const file =
      gate.baselineFile ?? baselinePath(gate.baselinesDir, input.suite.name, mode, input.backend);
    if (gate.baselineFile === undefined && !(await exists(file))) continue;
    const baseline = await readBaseline(file);
    const result = checkRegression(
      baseline,
      {
        suite: { name: input.suite.name, version: input.suite.version },
        mode,
        backend: input.backend,
        options: input.options,
        machine: machineFingerprint(),
        records: input.records,
      },
      resolveSla(input.suite.sla),
      gate.thresholds ?? DEFAULT_REGRESSION_THRESHOLDS,
    );
    results.push({ mode, baselineFile: file, result });
  }
  return results;
}
