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
  it('reports cost per 1,000 requests and the hybrid’s savings', () => {
    const comparison = compareModes(
      summarize([
        fakeRecord({ mode: 'agno-only', costUsd: 0.004 }),
        fakeRecord({ mode: 'hybrid', costUsd: 0.001 }),
      ]),
    );
    expect(comparison).toHaveLength(1);
    expect(comparison[0]?.agnoOnly.costPer1kUsd).toBeCloseTo(4, 12);
    expect(comparison[0]?.savingsPer1kUsd).toBeCloseTo(3, 12);
    expect(comparison[0]?.savingsPct).toBeCloseTo(75, 10);
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
