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
