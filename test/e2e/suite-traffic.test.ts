import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../harness/report/index.js';
import { bench } from '../support/bench.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-traffic-'));
});

/** Offsets of each record's start from the first, in ms, in order. */
function startOffsets(report: Report): number[] {
  const starts = report.records.map((r) => Date.parse(r.startedAt)).sort((a, b) => a - b);
  return starts.map((ms) => ms - (starts[0] ?? 0));
}

const hybridZero = ['--mode', 'hybrid', '--latency', 'zero', '--no-gate', '--json'];

describe('traffic shapes', () => {
  it("runs a suite's open load at its arrival rate, and its own fault profile", async () => {
    const file = join(dir, 'open.yaml');
    await writeFile(
      file,
      [
        'suite: { name: open-load }',
        'load: { open: { executor: constant-arrival-rate, rate: 20, timeUnit: 1s, duration: 1s } }',
        'faults: flaky-5xx',
        'requests:',
        '  - { id: ship, messages: How long does standard shipping take?, expect: { path: simple, outcome: resolved } }',
        '  - { id: pay, messages: Which payment methods do you accept?, expect: { path: simple, outcome: resolved } }',
        '',
      ].join('\n'),
    );
    const result = await bench(['run', '--suite', file, '--out', dir, ...hybridZero]);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.options).toMatchObject({
      load: 'open (suite load): constant-arrival-rate, 20 requests',
      faults: 'flaky-5xx',
    });
    expect(report.records).toHaveLength(20);
    const offsets = startOffsets(report);
    // 20 per second: the last starts near 950 ms, not all at once.
    expect(offsets.at(-1)).toBeGreaterThan(850);
    expect(offsets.at(-1)).toBeLessThan(2_000);
  }, 60_000);

  it('replays recorded arrival times, compressed by --speed', async () => {
    const file = join(dir, 'recorded.jsonl');
    const line = (atMs: number, content: string) =>
      JSON.stringify({ atMs, messages: [{ role: 'user', content }], expectedPath: 'simple' });
    await writeFile(
      file,
      `${[line(0, 'Hi, shipping time?'), line(1200, 'Do you ship to Canada?'), line(2400, 'Gift cards?')].join('\n')}\n`,
    );
    const result = await bench([
      'run',
      '--suite',
      file,
      '--out',
      dir,
      '--speed',
      '2',
      ...hybridZero,
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.records.map((r) => r.id).sort()).toEqual(['line-1#0', 'line-2#0', 'line-3#0']);
    const offsets = startOffsets(report);
    expect(offsets[1]).toBeGreaterThan(550); // 1200 ms recorded, twice as fast
    expect(offsets[2]).toBeGreaterThan(1150);
    expect(offsets[2]).toBeLessThan(2_000);
  }, 60_000);
});
