import type { Mode } from '../../src/index.js';
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
  status: 'pass' | 'fail' | 'interrupted';
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

/** The run's verdict: interrupted beats everything; otherwise any failed gating check fails it. */
export function decideVerdict(
  checks: readonly SlaCheck[],
  gatingModes: Mode[],
  interrupted: boolean,
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
  return failed.length > 0
    ? {
        status: 'fail',
        exitCode: EXIT_CODES.slaFailed,
        reasons: failed.map(describeCheck),
        gatingModes,
      }
    : { status: 'pass', exitCode: EXIT_CODES.ok, reasons: [], gatingModes };
}

/** The system under test is the hybrid when it ran; agno-only gates only when it ran alone. */
export function gatingModesFor(modes: readonly Mode[]): Mode[] {
  return modes.includes('hybrid') ? ['hybrid'] : [...modes];
}
