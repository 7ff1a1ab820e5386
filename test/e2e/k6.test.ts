import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { benchHandleSummary, benchSummaryExport } from '../../harness/k6/testing.js';
import type { LoadStep } from '../../harness/load/load-result.js';
import { bench } from '../support/bench.js';

const SUITE = fileURLToPath(new URL('../../scenarios/customer-support.yaml', import.meta.url));

describe('bench k6', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-e2e-k6-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generate writes script.ts and a TestRun for the suite', async () => {
    const out = join(dir, 'k6');
    const result = await bench([
      'k6',
      'generate',
      '--suite',
      SUITE,
      '--out',
      out,
      '--runners',
      '2',
      '--rate',
      '6',
      '--duration',
      '30s',
      '--base-url',
      'http://bridge:8080/v1/',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `wrote ${join(out, 'script.ts')}: 35 requests, constant-arrival-rate 6/1s for 30s, 10 thresholds`,
    );
    const script = await readFile(join(out, 'script.ts'), 'utf8');
    expect(script).toContain('(__ENV.HB_BASE_URL || "http://bridge:8080/v1")');
    const [configMap, testRun] = parseAllDocuments(
      await readFile(join(out, 'testrun.yaml'), 'utf8'),
    ).map((d) => d.toJS() as { data?: Record<string, string>; spec?: { parallelism: number } });
    expect(configMap?.data?.['script.ts']).toBe(script);
    expect(testRun?.spec?.parallelism).toBe(2);
  }, 60_000);

  it('generate refuses bad flags and missing suites with exit 2', async () => {
    const badRate = await bench(['k6', 'generate', '--suite', SUITE, '--out', dir, '--rate', '0']);
    expect(badRate.code).toBe(2);
    expect(badRate.stderr).toContain('--rate must be a whole number ≥ 1; got "0".');
    const missing = await bench([
      'k6',
      'generate',
      '--suite',
      join(dir, 'none.yaml'),
      '--out',
      dir,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('scenario suite not found');
  }, 60_000);

  it('ingest prints a table of each summary, or the load steps as JSON', async () => {
    const data = join(dir, 'summary.json');
    const exported = join(dir, 'export.json');
    await writeFile(data, JSON.stringify(benchHandleSummary()));
    await writeFile(exported, JSON.stringify(benchSummaryExport()));
    const table = await bench(['k6', 'ingest', data, exported]);
    expect(table.code).toBe(0);
    expect(table.stderr).toBe('');
    expect(table.stdout).toContain(`${data} (handle-summary)`);
    expect(table.stdout).toContain(`${exported} (summary-export)`);
    expect(table.stdout).toContain('open loop, offered 10.00/s, 40 VUs, 60.0 s');
    expect(table.stdout).toContain('600 sent: 590 ok, 6 non-2xx, 4 without an answer');
    expect(table.stdout).toMatch(/FAIL +http_req_duration\{path:full\} +p\(95\)<45000/);
    const json = await bench(['k6', 'ingest', exported, '--json']);
    expect(json.code).toBe(0);
    const steps = JSON.parse(json.stdout) as LoadStep[];
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ engine: 'k6', sent: 600, ok: 590, goodputRps: 560 / 60 });
    expect(Object.keys(steps[0]?.byPath ?? {})).toEqual(['simple', 'complex', 'full']);
  }, 60_000);

  it('ingest --out writes the steps as a load report, judged by the suite', async () => {
    const exported = join(dir, 'export-for-report.json');
    await writeFile(exported, JSON.stringify(benchSummaryExport()));
    const out = join(dir, 'reports');
    const result = await bench(['k6', 'ingest', exported, '--out', out, '--suite', SUITE]);
    expect(result.code, result.stderr).toBe(0);
    const page = /report: (.+index\.html)/.exec(result.stderr)?.[1] as string;
    const report = JSON.parse(
      await readFile(page.replace(/index\.html$/, 'load.json'), 'utf8'),
    ) as {
      suite: { name: string };
      load: { steps: LoadStep[]; sla: Record<string, unknown> };
    };
    expect(report.suite.name).toBe('customer-support');
    expect(report.load.steps[0]).toMatchObject({ engine: 'k6', sent: 600 });
    expect(Object.keys(report.load.sla)).toEqual(['simple', 'complex', 'full']);
    const html = await readFile(page, 'utf8');
    expect(html).toContain('Load step with k6 against k6 summaries:');
    expect(html).toMatch(/<td[^>]*>600<\/td>/);
  }, 60_000);

  it('ingest names the file, the field and what was expected, exit 2', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({
        state: {},
        metrics: { http_reqs: { type: 'counter', values: { count: 'many' } } },
      }),
    );
    const result = await bench(['k6', 'ingest', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${bad}: metrics.http_reqs.values.count: expected a number, got the string "many"\n`,
    );
  }, 60_000);
});
