import { describe, expect, it } from 'vitest';
import {
  correctedLatencyOf,
  type LoadRecord,
  latencyOf,
  sendLagOf,
  ttftOf,
} from './load-record.js';

const record = (over: Partial<LoadRecord>): LoadRecord => ({
  seq: 0,
  requestId: 'q',
  intendedAtMs: 0,
  sentAtMs: 0,
  outcome: 'ok',
  ...over,
});

describe('coordinated omission correction', () => {
  it('counts the wait for a connection: from the slot, not from leaving', () => {
    // Slot at 100 ms; every connection was busy behind a slow answer until 600 ms.
    const late = record({ intendedAtMs: 100, sentAtMs: 600, answeredAtMs: 610 });
    expect(latencyOf(late)).toBe(10);
    expect(correctedLatencyOf(late)).toBe(510);
    expect(sendLagOf(late)).toBe(500);
  });

  it('never shortens a latency: a request that left early is timed from leaving', () => {
    const early = record({ intendedAtMs: 100, sentAtMs: 99, answeredAtMs: 120 });
    expect(correctedLatencyOf(early)).toBe(21);
    expect(sendLagOf(early)).toBe(0);
  });

  it('is the plain latency when the request left on its slot', () => {
    const onTime = record({ intendedAtMs: 50, sentAtMs: 50, answeredAtMs: 80 });
    expect(correctedLatencyOf(onTime)).toBe(latencyOf(onTime));
  });

  it('has no latency without an answer, and no TTFT without content', () => {
    const lost = record({ intendedAtMs: 0, sentAtMs: 0, outcome: 'error' });
    expect(latencyOf(lost)).toBeUndefined();
    expect(correctedLatencyOf(lost)).toBeUndefined();
    expect(ttftOf(lost)).toBeUndefined();
    expect(ttftOf(record({ sentAtMs: 10, firstContentAtMs: 35, answeredAtMs: 40 }))).toBe(25);
  });
});
