import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LoadReport, LoadReportSchema } from '../../harness/report/index.js';
import { bench } from '../support/bench.js';

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'bench-load-'));
});

/** Runs `bench load … --json` and returns the parsed report (stdout holds nothing else). */
async function loadJson(args: string[]): Promise<{ report: LoadReport; stderr: string }> {
  const result = await bench(['load', '--latency', 'zero', '--json', '--out', out, ...args]);
  expect(result.code, result.stderr).toBe(0);
  return { report: LoadReportSchema.parse(JSON.parse(result.stdout)), stderr: result.stderr };
}

describe('bench load', () => {
  it('drives bench serve in an open loop and accounts for every request', async () => {
    const { report, stderr } = await loadJson([
      '--rate',
      '20',
      '--duration',
      '2s',
      '--warmup',
      '1s',
      '--no-cache',
    ]);
    const [step] = report.load.steps;
    expect(step).toMatchObject({ engine: 'autocannon', loop: 'open', targetRps: 20, durationS: 2 });
    if (!step) throw new Error('no step');
    expect(step.sent).toBe(step.ok + step.non2xx + step.errors);
    expect(step.sent + (step.dropped ?? 0)).toBe(40);
    expect(step.ok).toBeGreaterThan(35);
    expect(step.throughputRps).toBeGreaterThan(15);
    expect(step.correctedLatencyMs?.p95).toBeGreaterThanOrEqual(step.latencyMs.p50);
    // The suite labels every path, and each answer says which one served it.
    expect(Object.keys(step.byPath ?? {}).sort()).toEqual(['complex', 'full', 'simple']);
    expect(step.byPath?.full?.costUsd).toBeGreaterThan(0);
    expect(report.load.target).toMatchObject({
      kind: 'child',
      backend: 'mock-server',
      latency: 'zero',
      cache: false,
    });
    // With the cache off every answer came from the mock: none of the paths was free.
    expect(step.byPath?.simple?.costUsd).toBeGreaterThan(0);
    expect(stderr).toMatch(/server: http:\/\/127\.0\.0\.1:\d+\/v1 \(bench serve, pid \d+\)/);
    const dir = join(out, report.runId);
    const written = LoadReportSchema.parse(
      JSON.parse(await readFile(join(dir, 'load.json'), 'utf8')),
    );
    expect(written.runId).toBe(report.runId);
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain('<h2>Load results</h2>');
  }, 30_000);

  it('closed loop with streaming answers: time to first content', async () => {
    const { report } = await loadJson([
      '--connections',
      '2',
      '--duration',
      '2s',
      '--warmup',
      '0s',
      '--stream',
    ]);
    const [step] = report.load.steps;
    expect(step).toMatchObject({ loop: 'closed', connections: 2, errors: 0, non2xx: 0 });
    expect(step?.correctedLatencyMs).toBeUndefined();
    expect(step?.ttftMs?.p50).toBeGreaterThan(0);
    expect(step?.ttftMs?.p50).toBeLessThanOrEqual(step?.latencyMs.p50 ?? 0);
  }, 30_000);

  it('soak: samples the server process from its /metrics', async () => {
    const { report } = await loadJson(['--soak', '3s', '--rate', '10', '--warmup', '1s']);
    const soak = report.load.soak;
    expect(soak?.failedScrapes).toBe(0);
    expect(soak?.samples.length).toBeGreaterThanOrEqual(3);
    expect(soak?.samples.every((s) => s.rssBytes > 10_000_000 && s.heapUsedBytes > 0)).toBe(true);
    expect(soak?.steadyRssBytes).toBeGreaterThan(0);
    expect(soak?.rssGrowthPct).toEqual(expect.any(Number));
  }, 30_000);

  it.each([
    [['--rate', '0'], /--rate must be a number > 0; got "0"/],
    [['--rate', '10', '--connections', '2'], /--rate .* and --connections .* exclude each other/],
    [['--suite', 'scenarios/nope.yaml'], /scenario suite not found: scenarios\/nope\.yaml/],
    [['--duration', '30'], /--duration must be a duration longer than 0, e\.g\. 30s/],
    [['--from', '10'], /--from, --step and --to set the rates of a sweep; add --sweep/],
    [['--target', 'http://127.0.0.1:9/v1', '--latency', 'zero'], /--latency configure the server/],
    [
      ['--no-cache', '--config', 'config/agent-deployment.yaml'],
      /--no-cache applies without --config/,
    ],
  ])('refuses %j with exit 2 and says why', async (args, message) => {
    const result = await bench(['load', ...args], { HB_API_KEY: 'sk-test-0123456789abcdef' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
