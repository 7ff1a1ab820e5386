import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHistory, type HistoryEntry, readHistory, TREND_RUNS } from './history.js';

const entry = (i: number, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  runId: `run-${i}`,
  createdAt: new Date(Date.UTC(2026, 10, 25, 9, i)).toISOString(),
  suite: 'customer-support',
  suiteVersion: '1',
  backend: 'mock',
  seed: 42,
  verdict: 'pass',
  mode: 'hybrid',
  paths: { simple: { latencyP95Ms: 2000 + i, costPer1kUsd: 0.09, successRate: 1 } },
  ...over,
});

describe('run history', () => {
  it('appends one line per run and reads back the suite and backend asked for, oldest first', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'history-')), 'reports', 'history.jsonl');
    await appendHistory(file, entry(1));
    await appendHistory(file, entry(2, { backend: 'live' }));
    await appendHistory(file, entry(3, { suite: 'other' }));
    await appendHistory(file, entry(4));
    const read = await readHistory(file, { suite: 'customer-support', backend: 'mock' });
    expect(read.map((e) => e.runId)).toEqual(['run-1', 'run-4']);
    expect((await readFile(file, 'utf8')).split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('skips lines that do not parse, keeps the last runs, and treats a missing file as empty', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'history-')), 'history.jsonl');
    expect(await readHistory(file, { suite: 'customer-support', backend: 'mock' })).toEqual([]);
    for (let i = 0; i < TREND_RUNS + 5; i++) await appendHistory(file, entry(i));
    await appendFile(file, '{"runId": "torn li\n{"not":"an entry"}\n');
    const read = await readHistory(file, { suite: 'customer-support', backend: 'mock' });
    expect(read).toHaveLength(TREND_RUNS);
    expect(read.at(-1)?.runId).toBe(`run-${TREND_RUNS + 4}`);
  });
});
