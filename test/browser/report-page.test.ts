import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  historyEntryOf,
  loadHtmlAssets,
  type Report,
  renderReport,
} from '../../harness/report/index.js';
import { runBenchmark } from '../../harness/run-benchmark.js';
import { chromiumPath } from '../support/chromium.js';

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

let browser: Browser;
let dir: string;
let report: Report;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-browser-'));
  ({ report } = await runBenchmark({
    suitePath: 'scenarios/customer-support.yaml',
    modes: ['agno-only', 'hybrid'],
    backend: 'mock',
    seed: 3,
    latency: 'zero',
    requests: 24,
    outDir: join(dir, 'runs'),
  }));
  // A model that answered with markup, and a scenario named with it: none of it may run.
  const [first] = report.records;
  if (first) {
    first.text = `Sure! ${HOSTILE}`;
    first.id = `evil-${HOSTILE}#0`;
  }
  // Two earlier runs make a trend.
  const current = historyEntryOf(report);
  const earlier = [1, 2].map((i) => ({
    ...current,
    runId: `earlier-${i}`,
    createdAt: `2026-11-2${i}T09:00:00.000Z`,
  }));
  const files = renderReport(report, await loadHtmlAssets(), [], [...earlier, current]);
  await writeFile(join(dir, 'index.html'), files['index.html'] ?? '');
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the HTML report in Chromium', () => {
  it('loads offline with no network request, no console error, every chart drawn, nothing injected', async () => {
    const context = await browser.newContext({
      offline: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(join(dir, 'index.html')).href;
    await page.goto(url, { waitUntil: 'load' });

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe(report.verdict.status);

    const charts = await page.$$eval('canvas[data-chart]', (canvases) =>
      canvases.map((node) => {
        // Runs in the page; typed by hand, since the project's TypeScript has no DOM library.
        const c = node as unknown as {
          width: number;
          height: number;
          dataset: Record<string, string | undefined>;
          getContext(kind: '2d'): {
            getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
          } | null;
        };
        const ctx = c.getContext('2d');
        const { data } = ctx?.getImageData(0, 0, c.width, c.height) ?? { data: [] };
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
        return { id: c.dataset.chart, drawn: c.dataset.drawn, painted };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(9);
    expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining(['trend-p95', 'trend-cost']));
    for (const chart of charts) {
      expect(chart.drawn, chart.id).toBe('yes');
      expect(chart.painted, chart.id).toBeGreaterThan(500);
    }

    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#requests img').count()).toBe(0);
    expect(await page.locator('#requests').textContent()).toContain('<script>window.__pwned');
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('shows the multi-agent path: agents per mode, and a handoff trace that opens', async () => {
    const traced = report.records.filter((r) => r.mode === 'hybrid' && r.expectedPath === 'full');
    expect(traced.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    expect(await page.locator('h2#multi-agent').textContent()).toBe('Multi-agent path');
    const agents = await page.locator('#agent-turns tbody td:nth-child(2)').allTextContents();
    expect(agents).toEqual(expect.arrayContaining(['customer-service', 'support-agent']));
    expect(await page.locator('#agent-conversations tbody tr').count()).toBe(2);
    const rows = page.locator('#handoff-traces tbody tr');
    expect(await rows.count()).toBe(traced.length);
    expect(await rows.first().isVisible()).toBe(false);
    await page.click('#handoff-traces summary');
    expect(await rows.first().isVisible()).toBe(true);
    expect(await rows.first().textContent()).toContain('customer-service →');
    await page.close();
  }, 30_000);

  it('filters the request table as one types', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    const visible = () => page.locator('#requests tbody tr:visible').count();
    const all = await visible();
    await page.fill('#filter', 'evil-');
    expect(await visible()).toBe(1);
    expect(all).toBeGreaterThan(1);
    await page.close();
  }, 30_000);
});
