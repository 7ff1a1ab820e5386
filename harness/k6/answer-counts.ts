import { BENCH_METRICS } from './bench-metrics.js';
import type { SummaryMetrics } from './summary-metrics.js';

export interface AnswerCounts {
  ok: number;
  non2xx: number;
  errors: number;
}

/**
 * Requests answered with 2xx, answered otherwise, and not answered. A generated script counts
 * only 2xx as expected (so `http_req_failed` is exactly the rest) and counts unanswered
 * requests in `transport_errors`; for other scripts the split is k6's default (200–399 expected)
 * and unanswered requests cannot be told apart, which `warn` says.
 */
export function answerCounts(
  metrics: SummaryMetrics,
  sent: number,
  warn: (message: string) => void,
): AnswerCounts {
  const ours = metrics.get(BENCH_METRICS.answered, 'rate') !== undefined;
  const transport = metrics.get(BENCH_METRICS.transportErrors, 'counter');
  const errors = transport === undefined ? 0 : metrics.value(transport, 'count');
  const failed = metrics.get('http_req_failed', 'rate');
  if (failed === undefined) {
    warn(
      'no http_req_failed metric (k6 before v0.31): every request is counted as answered with 2xx; failures are unknown',
    );
    return { ok: sent - errors, non2xx: 0, errors };
  }
  const failedCount = metrics.trues('http_req_failed', failed, warn);
  if (!ours && failedCount > 0) {
    warn(
      `${failedCount} failed requests: this summary does not tell non-2xx answers from requests without an answer, so all are counted as non-2xx`,
    );
  }
  return {
    ok: metrics.value(failed, 'passes') + metrics.value(failed, 'fails') - failedCount,
    non2xx: Math.max(0, failedCount - errors),
    errors,
  };
}
