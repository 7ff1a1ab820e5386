import type { Mode } from '../../src/index.js';
import type { RegressionCheck, RegressionResult } from './regression.js';
import type { SlaCheck } from './sla.js';

/** Exit codes are API. */
export const EXIT_CODES = {
  ok: 0,
  unexpected: 1,
  invalidInput: 2,
  slaFailed: 3,
  regression: 4,
  interrupted: 130,
} as const;

export interface Verdict {
  /** `regressed`: every SLA held but the run is significantly worse than its baseline. */
  status: 'pass' | 'fail' | 'regressed' | 'interrupted';
  exitCode: number;
  /** One line per failed gating check, readable on its own. */
  reasons: string[];
  gatingModes: Mode[];
}

function describeCheck(c: SlaCheck): string {
  const show = (v: number) =>
    c.unit === 'ms'
      ? `${Math.round(v)} ms`
      : c.unit === 'usd'
        ? `$${v.toFixed(5)}`
        : `${(v * 100).toFixed(1)}%`;
  return `${c.mode} ${c.path}: ${c.metric} ${c.stat} ${show(c.value)} (needs ${c.comparison} ${show(c.limit)})`;
}

function describeRegression(mode: string, c: RegressionCheck): string {
  const pct = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
  const p = c.pValue === undefined ? '' : `, p=${c.pValue.toPrecision(2)}`;
  return `${mode} ${c.path}: ${c.metric} ${c.stat} ${pct(c.relativeChange)} against the baseline (${c.test}${p})`;
}

/**
 * The run's verdict. Interrupted beats everything; then a failed gating SLA check (exit 3); then
 * a regression against a comparable baseline (exit 4).
 */
export function decideVerdict(
  checks: readonly SlaCheck[],
  gatingModes: Mode[],
  interrupted: boolean,
  regressions: ReadonlyArray<{ mode: Mode; result: RegressionResult }> = [],
): Verdict {
  const failed = checks.filter((c) => c.gating && !c.pass);
  if (interrupted) {
    return {
      status: 'interrupted',
      exitCode: EXIT_CODES.interrupted,
      reasons: ['The run was interrupted'],
      gatingModes,
    };
  }
  if (failed.length > 0) {
    return {
      status: 'fail',
      exitCode: EXIT_CODES.slaFailed,
      reasons: failed.map(describeCheck),
      gatingModes,
    };
  }
  const regressed = regressions.flatMap(({ mode, result }) =>
    result.comparable
      ? result.checks.filter((c) => c.regressed).map((c) => describeRegression(mode, c))
      : [],
  );
  return regressed.length > 0
    ? { status: 'regressed', exitCode: EXIT_CODES.regression, reasons: regressed, gatingModes }
    : { status: 'pass', exitCode: EXIT_CODES.ok, reasons: [], gatingModes };
}

/** The system under test is the hybrid when it ran; agno-only gates only when it ran alone. */
export function gatingModesFor(modes: readonly Mode[]): Mode[] {
  return modes.includes('hybrid') ? ['hybrid'] : [...modes];
}
