import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PriceTable } from '../src/index.js';
import { type Report, ReportSchema } from './report/index.js';
import { runBenchmark } from './run-benchmark.js';

let report: Report;

beforeAll(async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'bench-run-'));
  ({ report } = await runBenchmark({
    suitePath: 'scenarios/customer-support.yaml',
    modes: ['agno-only', 'hybrid'],
    backend: 'mock',
    seed: 3,
    concurrency: 4,
    outDir,
    latency: 'zero',
  }));
});

const records = (mode: string, path?: string) =>
  report.records.filter((r) => r.mode === mode && (path === undefined || r.expectedPath === path));

describe('the default suite on the embedded mock', () => {
  it('runs every scenario in both modes and writes a schema-valid report', () => {
    expect(report.suite.scenarios).toBeGreaterThanOrEqual(30);
    expect(records('agno-only')).toHaveLength(report.suite.scenarios);
    expect(records('hybrid')).toHaveLength(report.suite.scenarios);
    expect(() => ReportSchema.parse(report)).not.toThrow();
  });

  it('covers all three paths with at least eight labelled scenarios each', () => {
    for (const path of ['simple', 'complex', 'full'])
      expect(records('hybrid', path).length).toBeGreaterThanOrEqual(8);
  });

  it('routes the labelled scenarios with at least 90 % accuracy using the default rules', () => {
    expect(report.routing?.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('runs agno-only on the prototype’s single model and hybrid simple on the cheap one', () => {
    expect(records('agno-only').flatMap((r) => r.calls.map((c) => c.model))).toSatisfy(
      (models: string[]) => models.every((m) => m === 'gpt-4o'),
    );
    expect(
      records('hybrid', 'simple').every(
        (r) => r.calls.length === 1 && r.calls[0]?.model === 'gpt-4o-mini',
      ),
    ).toBe(true);
  });

  it('uses tools on the complex path and hands off between agents on the full path', () => {
    const order = records('hybrid').find((r) => r.scenarioId === 'order-in-transit');
    expect(order?.toolsCalled).toEqual(['lookup_order', 'track_shipment']);
    expect(order?.calls.length).toBe(3);
    const escalation = records('hybrid').find((r) => r.scenarioId === 'escalate-tech-angry');
    expect(escalation?.agents).toEqual(['customer-service', 'technical-support', 'escalation']);
    expect(escalation?.outcome).toBe('escalated');
  });

  it('prices every call from its tokens', () => {
    const prices = new PriceTable();
    for (const r of report.records) {
      let total = 0;
      for (const call of r.calls) {
        const expected = prices.costOf(call.answeredBy ?? call.model, {
          inputTokens: call.inputTokens,
          outputTokens: call.outputTokens,
        });
        expect(call.costUsd).toBeCloseTo(expected.totalUsd, 15);
        total += call.costUsd;
      }
      expect(r.costUsd).toBeCloseTo(total, 15);
    }
  });

  it('checks each path and mode against its SLA with the figures behind it', () => {
    expect(report.sla.checks).toHaveLength(6 * 3);
    expect(report.sla.checks.filter((c) => c.gating).every((c) => c.mode === 'hybrid')).toBe(true);
    expect(
      report.summaries.every((s) => s.latencyMs.count === s.count && s.costUsd.count === s.count),
    ).toBe(true);
  });
});
