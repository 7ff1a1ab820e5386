export interface Goodput {
  /** Every request, over the wall-clock span of the run. */
  requestsPerSecond: number;
  /** Only requests that met their SLA, over the same span. */
  goodRequestsPerSecond: number;
  /** From the first start to the last end. */
  durationSeconds: number;
}

/**
 * Throughput and goodput (requests per second that met their SLA) over the span from the
 * first request's start to the last one's end, so idle gaps count against both. Throws a
 * `RangeError` for no requests, a request that ends before it starts, or a zero-length span
 * (rates would be infinite).
 * @example goodput(records.map((r) => ({ startedAtMs: r.startedAtMs, endedAtMs: r.endedAtMs, metSla: r.metSla })))
 */
export function goodput(
  requests: ReadonlyArray<{ startedAtMs: number; endedAtMs: number; metSla: boolean }>,
): Goodput {
  if (requests.length === 0) throw new RangeError('goodput: no requests');
  let first = Infinity;
  let last = -Infinity;
  let good = 0;
  for (const [i, r] of requests.entries()) {
    if (!Number.isFinite(r.startedAtMs) || !Number.isFinite(r.endedAtMs)) {
      throw new RangeError(`goodput: requests[${i}] has a non-finite time`);
    }
    if (r.endedAtMs < r.startedAtMs) {
      throw new RangeError(`goodput: requests[${i}] ends before it starts`);
    }
    first = Math.min(first, r.startedAtMs);
    last = Math.max(last, r.endedAtMs);
    if (r.metSla) good++;
  }
  const durationSeconds = (last - first) / 1000;
  if (durationSeconds === 0) throw new RangeError('goodput: the requests span no time');
  return {
    requestsPerSecond: requests.length / durationSeconds,
    goodRequestsPerSecond: good / durationSeconds,
    durationSeconds,
  };
}
