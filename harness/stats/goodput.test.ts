import { describe, expect, it } from 'vitest';
import { goodput } from './goodput.js';

describe('goodput', () => {
  it('counts every request and the ones within SLA over the first-start-to-last-end span', () => {
    // Hand-made timeline: 5 requests from t=1,000 ms to t=5,000 ms (4 s), 3 within SLA,
    // with an idle gap between 2,500 and 3,000 ms that still counts.
    const result = goodput([
      { startedAtMs: 1_000, endedAtMs: 1_800, metSla: true },
      { startedAtMs: 1_200, endedAtMs: 2_500, metSla: false },
      { startedAtMs: 3_000, endedAtMs: 3_400, metSla: true },
      { startedAtMs: 3_100, endedAtMs: 5_000, metSla: false },
      { startedAtMs: 4_000, endedAtMs: 4_200, metSla: true },
    ]);
    expect(result).toEqual({
      requestsPerSecond: 1.25,
      goodRequestsPerSecond: 0.75,
      durationSeconds: 4,
    });
  });

  it('does not depend on the order of the records', () => {
    const result = goodput([
      { startedAtMs: 500, endedAtMs: 2_500, metSla: false },
      { startedAtMs: 0, endedAtMs: 100, metSla: true },
    ]);
    expect(result).toEqual({
      requestsPerSecond: 0.8,
      goodRequestsPerSecond: 0.4,
      durationSeconds: 2.5,
    });
  });

  it('throws a RangeError for no requests, a zero span or a request ending before it starts', () => {
    expect(() => goodput([])).toThrow(/no requests/);
    expect(() => goodput([{ startedAtMs: 5, endedAtMs: 5, metSla: true }])).toThrow(/span no time/);
    expect(() => goodput([{ startedAtMs: 5, endedAtMs: 4, metSla: true }])).toThrow(
      /requests\[0\]/,
    );
  });
});
