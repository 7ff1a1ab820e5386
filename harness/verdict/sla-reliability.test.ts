import { describe, expect, it } from 'vitest';
import { fakeRecord } from '../../test/support/records.js';
import { resolveSla } from './sla.js';
import { metSla, summarizeGoodput, summarizePassK } from './sla-reliability.js';

const targets = resolveSla();
const trial = (scenario: string, repetition: number, over = {}) =>
  fakeRecord({ id: `${scenario}#${repetition}`, scenarioId: scenario, repetition, ...over });

describe('metSla', () => {
  it('needs success and both ceilings of the path', () => {
    expect(metSla(trial('a', 0), targets)).toBe(true);
    expect(metSla(trial('a', 0, { success: false }), targets)).toBe(false);
    expect(metSla(trial('a', 0, { latencyMs: 3_000 }), targets)).toBe(false); // simple: < 3 s
    expect(metSla(trial('a', 0, { costUsd: 0.007 }), targets)).toBe(false); // simple: < $0.007
    expect(metSla(trial('a', 0, { expectedPath: 'full', latencyMs: 30_000 }), targets)).toBe(true);
  });
});

describe('summarizePassK', () => {
  it('matches τ-bench on hand-computed tasks, plain and under SLA', () => {
    // Task a: 4 trials, 3 succeed (one of them slow). Task b: 4 trials, all succeed.
    const records = [
      trial('a', 0),
      trial('a', 1),
      trial('a', 2, { latencyMs: 5_000 }),
      trial('a', 3, { success: false }),
      ...[0, 1, 2, 3].map((i) => trial('b', i)),
    ];
    const [summary] = summarizePassK(records, targets);
    expect(summary).toMatchObject({ mode: 'hybrid', path: 'simple', trials: { min: 4, max: 4 } });
    const at = (k: number) => summary?.points.find((p) => p.k === k);
    // pass^1 = (3/4 + 1) / 2; pass^2 = (C(3,2)/C(4,2) + 1) / 2 = (0.5 + 1) / 2
    expect(at(1)?.value).toBeCloseTo(0.875, 12);
    expect(at(2)?.value).toBeCloseTo(0.75, 12);
    expect(at(4)?.value).toBeCloseTo(0.5, 12);
    // Under SLA task a has 2 good trials of 4: pass^2 = (C(2,2)/C(4,2) + 1) / 2 = (1/6 + 1) / 2
    expect(at(2)?.underSla).toBeCloseTo(7 / 12, 12);
    expect(at(3)?.underSla).toBeCloseTo(0.5, 12);
  });

  it('stops at the most trials any scenario had, counting only scenarios with enough', () => {
    const records = [trial('a', 0), trial('a', 1), trial('b', 0, { success: false })];
    const [summary] = summarizePassK(records, targets);
    expect(summary?.trials).toEqual({ min: 1, max: 2 });
    expect(summary?.points).toEqual([
      { k: 1, value: 0.5, underSla: 0.5, scenarios: 2 },
      { k: 2, value: 1, underSla: 1, scenarios: 1 },
    ]);
  });
});

describe('summarizeGoodput', () => {
  it('divides the requests that met their SLA by the span from first start to last end', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 9, 0, s)).toISOString();
    const records = [
      trial('a', 0, { startedAt: at(0), latencyMs: 1_000 }),
      trial('b', 0, { startedAt: at(1), latencyMs: 1_000, success: false }),
      trial('c', 0, { startedAt: at(2), latencyMs: 2_000 }),
      trial('d', 0, { startedAt: at(0), latencyMs: 500, mode: 'agno-only' }),
    ];
    const [agno, hybrid] = summarizeGoodput(records, targets);
    expect(hybrid).toEqual({
      mode: 'hybrid',
      requests: 3,
      metSla: 2,
      requestsPerSecond: 0.75,
      goodRequestsPerSecond: 0.5,
      durationSeconds: 4,
    });
    expect(agno).toMatchObject({ mode: 'agno-only', requests: 1, goodRequestsPerSecond: 2 });
  });
});
