import type { RequestRecord } from '../metrics/request-record.js';

/** Every request accounted for: sent = answered + typed errors (+ dropped by an interruption). */
export interface Reconciliation {
  planned: number;
  sent: number;
  answered: number;
  typedErrors: number;
  errorsByCode: Record<string, number>;
  droppedByInterruption: number;
  /** Requests that vanished without a record. Anything but 0 is a bug. */
  lost: number;
}

export function reconcile(
  records: readonly RequestRecord[],
  counts: { planned: number; sent: number; droppedByInterruption: number },
): Reconciliation {
  const errorsByCode: Record<string, number> = {};
  for (const r of records) {
    if (r.state === 'error') {
      const code = r.error?.code ?? 'unknown';
      errorsByCode[code] = (errorsByCode[code] ?? 0) + 1;
    }
  }
  const answered = records.filter((r) => r.state === 'ok').length;
  const typedErrors = records.length - answered;
  return {
    planned: counts.planned,
    sent: counts.sent,
    answered,
    typedErrors,
    errorsByCode,
    droppedByInterruption: counts.droppedByInterruption,
    lost: counts.sent - answered - typedErrors - counts.droppedByInterruption,
  };
}
