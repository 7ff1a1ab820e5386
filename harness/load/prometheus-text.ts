/**
 * The samples of a Prometheus text exposition, keyed as written: `name` or `name{labels}`.
 * Comments, blank lines and timestamps are skipped; `+Inf`, `-Inf` and `NaN` parse as numbers.
 * @example parsePrometheusText('# HELP x\nx 1\ny{a="b"} 2').get('y{a="b"}') // 2
 */
export function parsePrometheusText(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0];
    if (!name) continue;
    let end = name.length;
    if (line[end] === '{') {
      // Scan to the closing brace, stepping over quoted label values (they may hold `}`).
      let quoted = false;
      for (end++; end < line.length; end++) {
        const c = line[end];
        if (quoted && c === '\\') end++;
        else if (c === '"') quoted = !quoted;
        else if (c === '}' && !quoted) break;
      }
      end++;
    }
    const value = line.slice(end).trim().split(/\s+/)[0];
    if (value === undefined || value === '') continue;
    const number =
      value === '+Inf'
        ? Infinity
        : value === '-Inf'
          ? -Infinity
          : value === 'NaN'
            ? NaN
            : Number(value);
    if (Number.isNaN(number) && value !== 'NaN') continue;
    samples.set(line.slice(0, end), number);
  }
  return samples;
}

/** What a soak watches in the server process. */
export interface ProcessFigures {
  rssBytes: number;
  heapUsedBytes: number;
  /** p99 of the event-loop delay since the previous scrape (prom-client resets it on each). */
  eventLoopP99Ms: number;
  /** Which process answered (its start time): tells the workers of a pool apart. */
  processStartS?: number;
}

/** The prom-client default metrics a soak reads, as `bench serve` exposes them. */
export const PROCESS_METRICS = {
  rss: 'process_resident_memory_bytes',
  heapUsed: 'nodejs_heap_size_used_bytes',
  eventLoopP99: 'nodejs_eventloop_lag_p99_seconds',
  start: 'process_start_time_seconds',
} as const;

/**
 * RSS, heap used and event-loop delay p99 from a `/metrics` page.
 * @throws Error naming the metrics that are missing (process metrics switched off).
 */
export function processFiguresOf(text: string): ProcessFigures {
  const samples = parsePrometheusText(text);
  const missing = [PROCESS_METRICS.rss, PROCESS_METRICS.heapUsed, PROCESS_METRICS.eventLoopP99]
    .filter((name) => !Number.isFinite(samples.get(name)))
    .join(', ');
  if (missing)
    throw new Error(
      `/metrics has no ${missing}: the server must expose prom-client's process metrics`,
    );
  const start = samples.get(PROCESS_METRICS.start);
  return {
    rssBytes: samples.get(PROCESS_METRICS.rss) as number,
    heapUsedBytes: samples.get(PROCESS_METRICS.heapUsed) as number,
    eventLoopP99Ms: Math.round((samples.get(PROCESS_METRICS.eventLoopP99) as number) * 1e6) / 1e3,
    ...(start === undefined ? {} : { processStartS: start }),
  };
}
