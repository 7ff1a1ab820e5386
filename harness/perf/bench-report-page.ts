/**
 * Benchmark (not a test): a report of many requests, built, rendered and opened in Chromium.
 * Prints figures.
 *
 *   npx tsx harness/perf/bench-report-page.ts [--records 100000]
 *
 * A real run of the default suite on the zero-latency mock gives the records; they are repeated
 * (new ids, latency and cost jittered) up to `--records`, half per mode. Then: time to build the
 * report (summaries, bootstrap intervals), to render every file, the sizes, and the time
 * Chromium takes from navigation to every chart drawn.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../test/support/chromium.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { buildReport, renderReportFolder, writeRunFiles } from '../report/index.js';
import { runBenchmark } from '../run-benchmark.js';

const { values } = parseArgs({ options: { records: { type: 'string', default: '100000' } } });
const total = Number(values.records);
const dir = await mkdtemp(join(tmpdir(), 'bench-report-page-'));

const { report: seed } = await runBenchmark({
  suitePath: 'scenarios/customer-support.yaml',
  modes: ['agno-only', 'hybrid'],
  backend: 'mock',
  seed: 1,
  latency: 'zero',
  outDir: join(dir, 'seed'),
});

// Pairs stay pairs: both modes of a scenario repetition get the same new id.
const records: RequestRecord[] = [];
let jitter = 1;
for (let round = 0; records.length < total; round++) {
  for (const r of seed.records) {
    if (records.length >= total) break;
    jitter = (jitter * 48271) % 2147483647;
    const factor = 0.5 + (jitter / 2147483647) * 1.5;
    records.push({
      ...r,
      id: `${r.scenarioId}#${round}`,
      repetition: round,
      latencyMs: r.latencyMs * factor + 200 * factor,
      costUsd: r.costUsd * factor,
    });
  }
}

let t = performance.now();
const report = buildReport({
  runId: `page-${total}`,
  createdAt: new Date(),
  toolVersion: 'bench',
  suite: {
    file: seed.suite.file,
    name: seed.suite.name,
    version: seed.suite.version,
    sla: {},
    repetitions: 1,
    requests: [],
  },
  options: seed.options,
  records,
  wallTimeMs: 60_000,
  interrupted: false,
  counts: { planned: records.length, sent: records.length, droppedByInterruption: 0 },
});
const buildMs = performance.now() - t;

t = performance.now();
const files = await renderReportFolder(report);
const renderMs = performance.now() - t;
const folder = await writeRunFiles(join(dir, 'page'), files);
const size = (name: string) => Buffer.byteLength(files[name] ?? '') / 1e6;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
t = performance.now();
await page.goto(pathToFileURL(join(folder, 'index.html')).href, { waitUntil: 'load' });
await page.waitForFunction(() => {
  // Runs in the page; typed by hand, since the project's TypeScript has no DOM library.
  type Node = { getAttribute(name: string): string | null };
  const doc = (
    globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<Node> } }
  ).document;
  const canvases = Array.from(doc.querySelectorAll('canvas[data-chart]'));
  return canvases.length > 0 && canvases.every((c) => c.getAttribute('data-drawn') === 'yes');
});
const openMs = performance.now() - t;
const charts = await page.locator('canvas[data-chart]').count();
await browser.close();

const lines = [
  `report of ${records.length} request records (${charts} charts):`,
  `  build (summaries, intervals, pass^k)    ${(buildMs / 1000).toFixed(2)} s`,
  `  render all files (HTML, MD, JUnit, PNG) ${(renderMs / 1000).toFixed(2)} s`,
  `  index.html ${size('index.html').toFixed(2)} MB · report.json ${size('report.json').toFixed(1)} MB`,
  `  Chromium: navigation to every chart drawn ${(openMs / 1000).toFixed(2)} s`,
];
process.stdout.write(`${lines.join('\n')}\n`);
await rm(dir, { recursive: true, force: true });
