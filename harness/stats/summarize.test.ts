import { describe, expect, it } from 'vitest';
import { fakeRecord } from '../../test/support/records.js';
import { compareModes } from './compare.js';
import { routingAccuracy } from './routing-accuracy.js';
import { summarize } from './summarize.js';

describe('summarize', () => {
  it('groups by mode and labelled path, counting failures in latency', () => {
    const summaries = summarize([
      fakeRecord({ latencyMs: 100 }),
      fakeRecord({
        latencyMs: 300,
        state: 'error',
        success: false,
        outcome: 'failed',
        ttftMs: undefined,
      }),
      fakeRecord({
        mode: 'agno-only',
        servedBy: 'prototype',
        expectedPath: 'full',
        outcome: 'escalated',
      }),
    ]);
    expect(summaries.map((s) => `${s.mode}/${s.path}`)).toEqual([
      'agno-only/full',
      'hybrid/simple',
    ]);
    const hybrid = summaries[1];
    expect(hybrid).toMatchObject({ count: 2, succeeded: 1, errored: 1, successRate: 0.5 });
    expect(hybrid?.latencyMs.max).toBe(300);
    expect(hybrid?.ttftMs?.count).toBe(1);
    expect(summaries[0]?.escalated).toBe(1);
  });
});

describe('compareModes', () => {
  const pair = (id: string, agnoCost: number, hybridCost: number, hybridOk = true) => [
    fakeRecord({ id, mode: 'agno-only', costUsd: agnoCost, latencyMs: 2_000 }),
    fakeRecord({ id, mode: 'hybrid', costUsd: hybridCost, latencyMs: 1_000, success: hybridOk }),
  ];
  const records = [
    ...pair('a#0', 0.004, 0.001),
    ...pair('b#0', 0.004, 0.002),
    ...pair('c#0', 0.006, 0.001, false),
  ];

  it('pairs requests and reports savings per 1,000 requests with a paired interval', () => {
    const [c] = compareModes(records);
    expect(c?.requests).toBe(3);
    expect(c?.agnoOnly.costPer1kUsd).toBeCloseTo(14 / 3, 10);
    expect(c?.savingsPer1kUsd).toBeCloseTo((3 + 2 + 5) / 3, 10);
    expect(c?.allRequests.savingsPer1kUsd.low).toBeLessThanOrEqual(c?.savingsPer1kUsd ?? 0);
    expect(c?.allRequests.savingsPer1kUsd.high).toBeGreaterThanOrEqual(c?.savingsPer1kUsd ?? 0);
    expect(c?.latencyP95DeltaMs).toBe(-1_000);
  });

  it('adds the succeeded-only view when the modes fail differently, and says which view claims use', () => {
    const [c] = compareModes(records);
    expect(c?.succeededOnly?.pairs).toBe(2);
    expect(c?.succeededOnly?.savingsPer1kUsd.estimate).toBeCloseTo(2.5, 10);
    expect(c?.success.hybrid.estimate).toBeCloseTo(2 / 3, 10);
    expect(c?.claimsUse.view).toBe('allRequests');
    expect(c?.claimsUse.note).toMatch(/failed differently/);
  });
});

describe('routingAccuracy', () => {
  it('scores each scenario once and leaves out forced paths', () => {
    const report = routingAccuracy([
      fakeRecord({ scenarioId: 'a', expectedPath: 'complex', routedPath: 'simple' }),
      fakeRecord({ scenarioId: 'a', repetition: 1, expectedPath: 'complex', routedPath: 'simple' }),
      fakeRecord({ scenarioId: 'b', expectedPath: 'simple', routedPath: 'simple' }),
      fakeRecord({
        scenarioId: 'c',
        expectedPath: 'full',
        routedPath: 'full',
        routeReason: 'override',
      }),
      fakeRecord({ scenarioId: 'd', mode: 'agno-only', routedPath: undefined }),
    ]);
    expect(report).toMatchObject({ total: 2, correct: 1, accuracy: 0.5 });
    expect(report?.confusion.complex.simple).toBe(1);
    expect(report?.misses).toEqual([{ id: 'a', expected: 'complex', routed: 'simple' }]);
  });
});
