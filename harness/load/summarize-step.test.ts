import { describe, expect, it } from 'vitest';
import { resolveSla } from '../verdict/index.js';
import type { LoadRecord } from './load-record.js';
import { summarizeStep } from './summarize-step.js';

const sla = resolveSla({ simple: { latency: { stat: 'p95', maxMs: 100 } } });

/** A request on an open-loop slot at `slotMs`, leaving `lagMs` late, answered `latencyMs` later. */
function answered(
  seq: number,
  slotMs: number,
  latencyMs: number,
  over: Partial<LoadRecord> = {},
  lagMs = 0,
): LoadRecord {
  return {
    seq,
    requestId: `q${seq}`,
    labelledPath: 'simple',
    intendedAtMs: slotMs,
    sentAtMs: slotMs + lagMs,
    answeredAtMs: slotMs + lagMs + latencyMs,
    status: 200,
    servedPath: 'simple',
    costUsd: 0.001,
    outcome: 'ok',
    ...over,
  };
}

describe('summarizeStep', () => {
  it('counts the window’s requests, drains them, and leaves the warm-up out', () => {
    const records = [
      answered(0, 500, 10), // warm-up
      answered(1, 1000, 10),
      answered(2, 1100, 10, { outcome: 'non2xx', status: 503, servedPath: undefined }),
      {
        ...answered(3, 1200, 0),
        answeredAtMs: undefined,
        outcome: 'error' as const,
        error: 'no answer within 10 s',
      },
      answered(4, 1900, 300), // answered after the window: counted, but not in throughput
    ];
    const step = summarizeStep({
      records,
      loop: 'open',
      targetRps: 5,
      connections: 4,
      window: { startMs: 1000, endMs: 2000 },
      warmupMs: 1000,
      offered: 5,
      sla,
      stream: false,
    });
    expect(step).toMatchObject({ sent: 4, ok: 2, non2xx: 1, errors: 1, dropped: 1, warmupS: 1 });
    expect(step.sent).toBe(step.ok + step.non2xx + step.errors);
    expect(step.non2xxByStatus).toEqual({ '503': 1 });
    expect(step.errorsByReason).toEqual({ 'no answer within 10 s': 1 });
    // The warm-up request's answer (at 510) is before the window; #1's is in it; #4's after it.
    expect(step.throughputRps).toBe(1);
    expect(step.byPath?.simple).toMatchObject({ ok: 2, costUsd: 0.002 });
    expect(step.latencyMs.max).toBe(300);
  });

  it('judges goodput on the corrected latency against the path’s SLA', () => {
    const records = [
      answered(0, 0, 20), // 20 ms: within 100
      answered(1, 100, 20, {}, 90), // left 90 ms late: corrected 110, raw 20
      answered(2, 200, 20, { servedPath: 'full' }), // full's SLA is 45 s
    ];
    const step = summarizeStep({
      records,
      loop: 'open',
      targetRps: 10,
      connections: 1,
      window: { startMs: 0, endMs: 1000 },
      warmupMs: 0,
      offered: 10,
      sla,
      stream: false,
    });
    expect(step.throughputRps).toBe(3);
    expect(step.goodputRps).toBe(2);
    expect(step.correctedLatencyMs?.max).toBe(110);
    expect(step.latencyMs.max).toBe(20);
    expect(step.sendLagMs?.max).toBe(90);
    expect(step.dropped).toBe(7);
    expect(step.thresholds).toEqual([
      { metric: 'corrected_latency_ms{path:simple}', expression: 'p(95)<100', ok: false },
      { metric: 'corrected_latency_ms{path:full}', expression: 'p(95)<45000', ok: true },
    ]);
  });

  it('closed loop: windows by send time, no corrected latency, TTFT when streaming', () => {
    const records = [
      answered(0, 0, 50, { firstContentAtMs: 30 }),
      answered(1, 10, 50, { firstContentAtMs: 50 }),
    ];
    const step = summarizeStep({
      records,
      loop: 'closed',
      connections: 2,
      window: { startMs: 0, endMs: 1000 },
      warmupMs: 0,
      sla,
      stream: true,
    });
    expect(step.correctedLatencyMs).toBeUndefined();
    expect(step.sendLagMs).toBeUndefined();
    expect(step.dropped).toBeUndefined();
    expect(step.targetRps).toBeUndefined();
    expect(step.ttftMs?.p50).toBe(35);
    expect(step.thresholds?.[0]?.metric).toBe('latency_ms{path:simple}');
  });

  it('reports zeros, not NaN, for a step without answers', () => {
    const step = summarizeStep({
      records: [],
      loop: 'open',
      targetRps: 1,
      connections: 1,
      window: { startMs: 0, endMs: 1000 },
      warmupMs: 0,
      offered: 1,
      sla,
      stream: false,
    });
    expect(step).toMatchObject({ sent: 0, ok: 0, dropped: 1, throughputRps: 0, goodputRps: 0 });
    expect(step.latencyMs.p99).toBe(0);
    expect(step.byPath).toEqual({});
  });
});
