import { describe, expect, it } from 'vitest';
import { fakeRecord } from '../../test/support/records.js';
import { summarize } from '../stats/index.js';
import { checkSla, resolveSla, SLA_DEFAULTS } from './sla.js';
import { decideVerdict, gatingModesFor } from './verdict.js';

const many = (n: number, over: Parameters<typeof fakeRecord>[0]) =>
  Array.from({ length: n }, () => fakeRecord(over));

describe('SLA checks', () => {
  it('uses the product defaults and lets a suite override part of a path', () => {
    const sla = resolveSla({ simple: { latency: { stat: 'p99', maxMs: 2_000 } } });
    expect(sla.simple.latency).toEqual({ stat: 'p99', maxMs: 2_000 });
    expect(sla.simple.cost).toEqual(SLA_DEFAULTS.simple.cost);
    expect(sla.full).toEqual(SLA_DEFAULTS.full);
  });

  it('fails latency on the chosen statistic, strictly below the target', () => {
    const records = [...many(19, { latencyMs: 1_000 }), fakeRecord({ latencyMs: 3_000 })];
    const sla = resolveSla();
    const [latency] = checkSla(summarize(records), sla, ['hybrid']);
    expect(latency).toMatchObject({ metric: 'latency', stat: 'p95', limit: 3000, pass: true });
    const slower = [...many(18, { latencyMs: 1_000 }), ...many(2, { latencyMs: 3_000 })];
    expect(checkSla(summarize(slower), sla, ['hybrid'])[0]).toMatchObject({
      value: 3000,
      pass: false,
    });
  });

  it('checks mean cost and the success floor', () => {
    const records = [
      ...many(9, { costUsd: 0.008 }),
      fakeRecord({ costUsd: 0.001, success: false }),
    ];
    const checks = checkSla(summarize(records), resolveSla(), ['hybrid']);
    expect(checks.find((c) => c.metric === 'cost')).toMatchObject({ pass: false });
    expect(checks.find((c) => c.metric === 'success')).toMatchObject({
      value: 0.9,
      limit: 0.95,
      pass: false,
    });
  });
});

describe('verdict', () => {
  it('is decided by the hybrid when both modes ran; agno-only is shown, not gating', () => {
    expect(gatingModesFor(['agno-only', 'hybrid'])).toEqual(['hybrid']);
    expect(gatingModesFor(['agno-only'])).toEqual(['agno-only']);
    const records = [
      ...many(5, { mode: 'agno-only', costUsd: 0.05 }),
      ...many(5, { mode: 'hybrid' }),
    ];
    const checks = checkSla(summarize(records), resolveSla(), ['hybrid']);
    expect(checks.filter((c) => !c.pass).every((c) => !c.gating)).toBe(true);
    expect(decideVerdict(checks, ['hybrid'], false)).toMatchObject({ status: 'pass', exitCode: 0 });
  });

  it('fails with exit 3 and a readable reason per failed check', () => {
    const checks = checkSla(summarize(many(5, { costUsd: 0.05 })), resolveSla(), ['hybrid']);
    expect(decideVerdict(checks, ['hybrid'], false)).toEqual({
      status: 'fail',
      exitCode: 3,
      reasons: ['hybrid simple: cost mean $0.05000 (needs < $0.00700)'],
      gatingModes: ['hybrid'],
    });
  });

  it('reports an interrupted run as such (exit 130)', () => {
    expect(decideVerdict([], ['hybrid'], true)).toMatchObject({
      status: 'interrupted',
      exitCode: 130,
    });
  });
});
