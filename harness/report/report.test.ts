import { lstat, mkdtemp, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeRecord } from '../../test/support/records.js';
import type { Suite } from '../scenario/index.js';
import { buildReport } from './build-report.js';
import { REPORT_JSON_SCHEMA_PATH, reportJsonSchema } from './json-schema.js';
import { renderReport } from './render-report.js';
import { ReportSchema } from './report-schema.js';
import { writeReport } from './write-report.js';

const suite: Suite = {
  file: 'scenarios/s.yaml',
  name: 's',
  version: '1',
  sla: {},
  repetitions: 1,
  requests: [],
};
const report = (
  records = [
    fakeRecord(),
    fakeRecord({
      mode: 'agno-only',
      servedBy: 'prototype',
      routedPath: undefined,
      routeReason: undefined,
    }),
  ],
) =>
  buildReport({
    runId: '20261125-090000-s-s42',
    createdAt: new Date('2026-11-25T09:00:00Z'),
    toolVersion: '0.1.0',
    suite: { ...suite, requests: [{ id: 'faq' } as Suite['requests'][number]] },
    options: {
      modes: ['agno-only', 'hybrid'],
      backend: 'mock',
      latency: 'realistic',
      sharedState: 'memory',
      seed: 42,
      concurrency: 4,
      repetitions: 1,
    },
    records,
    wallTimeMs: 2_000,
    interrupted: false,
    counts: { planned: records.length, sent: records.length, droppedByInterruption: 0 },
  });

describe('report', () => {
  it('is valid against its own published schema', () => {
    expect(() => ReportSchema.parse(report())).not.toThrow();
  });

  it('keeps the committed JSON Schema in step with the code', async () => {
    const committed = await readFile(
      new URL(`../../${REPORT_JSON_SCHEMA_PATH}`, import.meta.url),
      'utf8',
    );
    expect(committed, 'run `npx tsx harness/report/write-json-schema.ts`').toBe(reportJsonSchema());
  });

  it('renders HTML that escapes model text and makes no network requests', () => {
    const html =
      renderReport(
        report([fakeRecord({ text: '<script>alert("x")</script> & <img src=x onerror=y>' })]),
      )['index.html'] ?? '';
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;',
    );
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).toContain('data-verdict="pass"');
  });

  it('writes the run folder and points latest at it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'reports-'));
    const first = await writeReport(root, 'run-1', { 'report.json': '{}' });
    await writeReport(root, 'run-2', { 'report.json': '{"b":1}' });
    expect(await readFile(join(first, 'report.json'), 'utf8')).toBe('{}');
    expect((await lstat(join(root, 'latest'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(root, 'latest'))).toBe('run-2');
    expect(await readFile(join(root, 'latest', 'report.json'), 'utf8')).toBe('{"b":1}');
  });
});

describe('summary.md and junit.xml', () => {
  const slow = [
    fakeRecord({ latencyMs: 5_000 }), // hybrid simple over its 3 s p95 ceiling: the verdict fails
    fakeRecord({
      mode: 'agno-only',
      servedBy: 'prototype',
      routedPath: undefined,
      latencyMs: 9_000,
    }),
  ];

  it('puts the verdict, the SLA table, the gate and the PNG links in the Markdown', () => {
    const files = renderReport(report(slow), {}, ['cost-per-1k.png']);
    const md = files['summary.md'] ?? '';
    expect(md).toMatch(/^## ❌ hybrid-bench · s — FAIL \(exit 3\)/);
    expect(md).toContain('| simple | hybrid | p95 5.00 s (< 3.00 s) |');
    expect(md).toContain('| simple | agno-only (comparison) |');
    expect(md).toContain('![cost-per-1k.png](cost-per-1k.png)');
  });

  it('makes each SLA check a JUnit case: gating failures fail, the comparison mode only skips', () => {
    const xml = renderReport(report(slow))['junit.xml'] ?? '';
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml).toContain('tests="6" failures="1" errors="0" skipped="1"');
    expect(xml).toMatch(
      /<testcase classname="sla.hybrid" name="simple latency p95 &lt; 3000" time="0">\s*<failure message="hybrid simple: latency p95 = 5000 \(ms\), target &lt; 3000/,
    );
    expect(xml).toMatch(
      /classname="sla.agno-only" name="simple latency p95 &lt; 3000"[\s\S]*?<skipped/,
    );
  });

  it('turns regression checks into cases and keeps the XML well-formed whatever the text', () => {
    const base = report();
    const withGate = {
      ...base,
      runId: 'run <1> & "quoted"\u0007',
      regression: [
        {
          mode: 'hybrid' as const,
          baselineFile: 'baselines/s/hybrid-mock.json',
          result: {
            baselineRunId: 'b',
            comparable: true,
            differences: [],
            paired: true,
            regressed: true,
            checks: [
              {
                path: 'simple' as const,
                metric: 'cost' as const,
                stat: 'mean',
                baseline: 1,
                current: 1.02,
                relativeChange: 0.02,
                test: 'exact (deterministic mock)' as const,
                threshold: 0,
                samples: { baseline: 1, current: 1, paired: 1 },
                regressed: true,
              },
            ],
          },
        },
      ],
    };
    const xml = renderReport(withGate)['junit.xml'] ?? '';
    expect(xml).toContain(
      '<testsuites name="hybrid-bench run &lt;1&gt; &amp; &quot;quoted&quot;">',
    );
    expect(xml).toMatch(
      /<testcase classname="regression.hybrid" name="simple cost mean" time="0">\s*<failure message="regressed: 2.00 %/,
    );
  });
});
