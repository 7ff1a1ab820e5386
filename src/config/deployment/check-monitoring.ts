import type { DraftIssue } from '../yaml/index.js';
import { recordAt, recordsOf } from '../yaml/index.js';

const SHARE_METRICS = new Set(['error_rate', 'success_rate']);

/** Alerts on shares take a threshold from 0 to 1: `5` for 5 % would never fire. */
export function checkMonitoring(spec: Record<string, unknown>): DraftIssue[] {
  const alerts = recordsOf(recordAt(spec, 'monitoring').alerts);
  return alerts.flatMap(([alert, index]): DraftIssue[] => {
    const { metric, threshold } = alert;
    if (typeof metric !== 'string' || !SHARE_METRICS.has(metric)) return [];
    if (typeof threshold !== 'number' || threshold <= 1) return [];
    return [
      {
        path: ['spec', 'monitoring', 'alerts', index, 'threshold'],
        anchor: 'value',
        message: `${metric} is a share from 0 to 1, so ${threshold} can never be crossed`,
        fix:
          threshold <= 100
            ? `write ${threshold / 100} for ${threshold} %`
            : 'use a value from 0 to 1',
      },
    ];
  });
}
