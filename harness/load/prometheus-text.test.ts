import { describe, expect, it } from 'vitest';
import { parsePrometheusText, processFiguresOf } from './prometheus-text.js';

/** Lines as `bench serve`'s /metrics writes them (prom-client default metrics). */
const METRICS = `# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.
# TYPE process_start_time_seconds gauge
process_start_time_seconds 1795618854

# HELP process_resident_memory_bytes Resident memory size in bytes.
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes 309587968
# HELP nodejs_eventloop_lag_p99_seconds The 99th percentile of the recorded event loop delays.
# TYPE nodejs_eventloop_lag_p99_seconds gauge
nodejs_eventloop_lag_p99_seconds 0.012935167
nodejs_heap_size_used_bytes 97472064
nodejs_active_handles{type="Socket"} 1
hybrid_requests_total{path="simple",outcome="ok",note="a } in a value"} 12 1795618854000
weird_value +Inf
not_a_number NaN
`;

describe('parsePrometheusText', () => {
  it('reads plain and labelled samples, skipping comments and timestamps', () => {
    const samples = parsePrometheusText(METRICS);
    expect(samples.get('process_resident_memory_bytes')).toBe(309_587_968);
    expect(samples.get('nodejs_active_handles{type="Socket"}')).toBe(1);
    expect(
      samples.get('hybrid_requests_total{path="simple",outcome="ok",note="a } in a value"}'),
    ).toBe(12);
    expect(samples.get('weird_value')).toBe(Infinity);
    expect(Number.isNaN(samples.get('not_a_number'))).toBe(true);
    expect([...samples.keys()].some((k) => k.startsWith('#'))).toBe(false);
  });
});

describe('processFiguresOf', () => {
  it('picks RSS, heap used and the event-loop delay p99 (in ms)', () => {
    expect(processFiguresOf(METRICS)).toEqual({
      rssBytes: 309_587_968,
      heapUsedBytes: 97_472_064,
      eventLoopP99Ms: 12.935,
      processStartS: 1_795_618_854,
    });
  });

  it('names the metrics that are missing', () => {
    expect(() => processFiguresOf('process_resident_memory_bytes 1\n')).toThrow(
      /no nodejs_heap_size_used_bytes, nodejs_eventloop_lag_p99_seconds/,
    );
  });
});
