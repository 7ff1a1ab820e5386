import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeRecord } from '../../test/support/records.js';
import { readBaseline, writeBaseline } from './baseline-file.js';
import { baselineFromRecords } from './baseline-from-report.js';

const baseline = baselineFromRecords([fakeRecord()], {
  suite: { name: 'tiny', version: '1', file: 'tiny.yaml' },
  mode: 'hybrid',
  backend: 'mock',
  options: { seed: 1, latency: 'realistic', repetitions: 1 },
  createdAt: '2026-11-25T00:00:00.000Z',
  runId: 'r1',
  toolVersion: '0.0.0',
});

async function tempFile(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'hb-baseline-')), name);
}

describe('baseline files', () => {
  it('round-trips what it writes', async () => {
    const file = await tempFile('tiny/hybrid-mock.json');
    await writeBaseline(file, baseline);
    expect(await readBaseline(file)).toEqual(baseline);
  });

  it('refuses another schema version, naming the file and the fix, and leaves it alone', async () => {
    const file = await tempFile('old.json');
    const text = JSON.stringify({ ...baseline, schemaVersion: 0 });
    await writeFile(file, text);
    await expect(readBaseline(file)).rejects.toThrow(
      new RegExp(`${file}: schemaVersion is 0, this version reads 1.*bench baseline update`),
    );
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('names the field of a broken baseline', async () => {
    const file = await tempFile('bad.json');
    await writeFile(file, JSON.stringify({ ...baseline, paths: { simple: [{ id: 'x' }] } }));
    await expect(readBaseline(file)).rejects.toThrow(/paths\.simple\[0\]\.latencyMs/);
  });

  it('says how to create a missing one, and rejects text that is not JSON', async () => {
    await expect(readBaseline('/nonexistent/b.json')).rejects.toThrow(/bench baseline update/);
    const file = await tempFile('text.json');
    await writeFile(file, '{ nope');
    await expect(readBaseline(file)).rejects.toThrow(/not valid JSON/);
  });

  it('never writes a baseline that does not validate', async () => {
    const file = await tempFile('x.json');
    await writeBaseline(file, baseline);
    const before = await readFile(file, 'utf8');
    await expect(
      writeBaseline(file, { ...baseline, runId: 5 as unknown as string }),
    ).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
