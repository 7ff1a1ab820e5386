import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Baseline } from '../../harness/baseline/index.js';
import type { Report } from '../../harness/report/index.js';
import { bench } from '../support/bench.js';

let dir: string;
let baselines: string;
const baselineFile = () => join(baselines, 'customer-support', 'hybrid-mock.json');

/** A small hybrid run on the zero-latency mock: cost and success are exact for a seed. */
function runArgs(out: string, ...extra: string[]): string[] {
  return [
    'run',
    '--mode',
    'hybrid',
    '--latency',
    'zero',
    '--requests',
    '20',
    '--seed',
    '5',
    '--no-progress',
    '--out',
    join(dir, out),
    '--baselines',
    baselines,
    '--json',
    ...extra,
  ];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-gate-'));
  baselines = join(dir, 'baselines');
});

describe('baselines and the regression gate', () => {
  it('records a baseline, passes the same run against it, and catches a cost rise (exit 4)', async () => {
    const first = await bench(runArgs('first'));
    expect(first.code).toBe(0);
    expect((JSON.parse(first.stdout) as Report).regression).toBeUndefined();

    const update = await bench([
      'baseline',
      'update',
      '--report',
      join(dir, 'first', 'latest', 'report.json'),
      '--dir',
      baselines,
    ]);
    expect(update.code).toBe(0);
    expect(update.stdout).toContain(baselineFile());
    const baseline = JSON.parse(await readFile(baselineFile(), 'utf8')) as Baseline;
    expect(baseline).toMatchObject({ schemaVersion: 1, mode: 'hybrid', backend: 'mock' });

    const again = await bench(runArgs('again'));
    const report = JSON.parse(again.stdout) as Report;
    expect(again.code).toBe(0);
    expect(report.regression?.[0]).toMatchObject({
      mode: 'hybrid',
      result: { comparable: true, paired: true, regressed: false },
    });

    const compared = await bench([
      'compare',
      baselineFile(),
      join(dir, 'again', 'latest', 'report.json'),
    ]);
    expect(compared.code).toBe(0);
    expect(compared.stdout).toMatch(/paired by request/);

    // The same requests cost 2 % less in a doctored baseline: tonight looks 2 % dearer.
    const cheaper = structuredClone(baseline);
    for (const samples of Object.values(cheaper.paths))
      for (const s of samples ?? []) s.costUsd *= 0.98;
    const doctored = join(dir, 'cheaper.json');
    await writeFile(doctored, JSON.stringify(cheaper));
    const dearer = await bench(runArgs('dearer', '--baseline', doctored));
    expect(dearer.code).toBe(4);
    const verdict = (JSON.parse(dearer.stdout) as Report).verdict;
    expect(verdict.status).toBe('regressed');
    expect(verdict.reasons.join('\n')).toMatch(/cost/);
    const viaCompare = await bench([
      'compare',
      doctored,
      join(dir, 'again', 'latest', 'report.json'),
    ]);
    expect(viaCompare.code).toBe(4);
    expect(viaCompare.stdout).toMatch(/REGRESSED .*cost/);
  }, 120_000);

  it('refuses a baseline from another schema version (exit 2) and leaves it untouched', async () => {
    const old = join(dir, 'old.json');
    const text = JSON.stringify({ format: 'hybrid-bench-baseline', schemaVersion: 0, paths: {} });
    await writeFile(old, text);
    const result = await bench(runArgs('old', '--baseline', old));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${old}: schemaVersion is 0, this version reads 1`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(old, 'utf8')).toBe(text);
  }, 60_000);

  it('will not compare runs of another backend (exit 2), saying how they differ', async () => {
    const other = structuredClone(JSON.parse(await readFile(baselineFile(), 'utf8')) as Baseline);
    other.backend = 'live';
    const file = join(dir, 'live.json');
    await writeFile(file, JSON.stringify(other));
    const result = await bench(['compare', file, join(dir, 'again', 'latest', 'report.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Not comparable.*\n.*backend: baseline "live", now "mock"/);
  });
});

describe('broken inputs exit 2 naming file, line and field', () => {
  it('a YAML field of the wrong type', async () => {
    const file = join(dir, 'wrong-type.yaml');
    await writeFile(
      file,
      'suite:\n  name: t\ndefaults:\n  repetitions: three\nrequests:\n  - id: a\n    messages: Hi\n    expect: { path: simple, outcome: resolved }\n',
    );
    const result = await bench(['run', '--suite', file, '--out', dir, '--no-gate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${file}:4:16 defaults.repetitions: expected a number, got "three"`,
    );
  });

  it('a JSONL line that is not JSON, among good ones', async () => {
    const file = join(dir, 'traffic.jsonl');
    await writeFile(
      file,
      [
        '{"messages":[{"role":"user","content":"Hi"}],"expectedPath":"simple"}',
        '{"messages": [oops]}',
        '{"messages":[{"role":"user","content":"Refund"}],"expectedPath":"medium"}',
        '',
      ].join('\n'),
    );
    const result = await bench(['run', '--suite', file, '--out', dir, '--no-gate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:2:15 not valid JSON`);
    expect(result.stderr).toContain(`${file}:3:65 expectedPath: invalid value "medium"`);
  });
});

describe('bench calibrate', () => {
  it('prints the false-alarm and detection rates as JSON', async () => {
    const result = await bench(['calibrate', '--pairs', '1', '--json', '--time-scale', '0.02']);
    expect(result.code).toBe(0);
    const figures = JSON.parse(result.stdout) as {
      falseAlarmRate: number;
      detectionRate: number;
      pairs: number;
    };
    expect(figures.pairs).toBe(1);
    expect(figures.falseAlarmRate).toBeGreaterThanOrEqual(0);
    expect(figures.falseAlarmRate).toBeLessThanOrEqual(1);
    // A +5 % price rise on the deterministic mock is always caught.
    expect(figures.detectionRate).toBeGreaterThanOrEqual(0.5);
  }, 120_000);
});
