import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchSummaryExport } from '../../harness/k6/testing.js';
import { bench } from '../support/bench.js';

/**
 * A stand-in `k6` (none is installed here): it sends one request to the server the way the
 * generated script would, records the answer's status, and writes a summary where asked.
 */
const FAKE_K6 = `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
const script = fs.readFileSync(args[args.length - 1], 'utf8');
fetch(process.env.HB_BASE_URL + '/chat/completions', {
  method: 'POST',
  headers: { authorization: 'Bearer ' + process.env.HB_API_KEY, 'content-type': 'application/json', 'x-bench-path': 'simple' },
  body: JSON.stringify({ model: 'hybrid-bench', messages: [{ role: 'user', content: 'How long does shipping take?' }] }),
}).then((answer) => {
  fs.writeFileSync(process.env.FAKE_K6_SEEN, JSON.stringify({ status: answer.status, scriptHasThresholds: script.includes('thresholds') }));
  fs.copyFileSync(process.env.FAKE_K6_SUMMARY, args[args.indexOf('--summary-export') + 1]);
});
`;

describe('bench load --engine k6', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-load-k6-'));
    await mkdir(join(dir, 'bin'));
    await writeFile(join(dir, 'bin', 'k6'), FAKE_K6);
    await chmod(join(dir, 'bin', 'k6'), 0o755);
    await writeFile(join(dir, 'summary.json'), JSON.stringify(benchSummaryExport()));
    env = {
      PATH: `${join(dir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
      FAKE_K6_SEEN: join(dir, 'seen.json'),
      FAKE_K6_SUMMARY: join(dir, 'summary.json'),
    };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the generated script with k6 against the server it starts and reports the step', async () => {
    const result = await bench(
      [
        'load',
        '--engine',
        'k6',
        '--rate',
        '5',
        '--duration',
        '2s',
        '--latency',
        'zero',
        '--out',
        join(dir, 'reports'),
        '--json',
      ],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    const seen = JSON.parse(await readFile(join(dir, 'seen.json'), 'utf8')) as {
      status: number;
      scriptHasThresholds: boolean;
    };
    expect(seen).toEqual({ status: 200, scriptHasThresholds: true });
    const report = JSON.parse(result.stdout) as {
      load: { steps: Array<{ engine: string; sent: number }>; target: { kind: string } };
    };
    expect(report.load.target.kind).toBe('child');
    expect(report.load.steps).toHaveLength(1);
    expect(report.load.steps[0]?.engine).toBe('k6');
  }, 90_000);

  it('refuses what only autocannon does, and says how to get k6 when it is missing', async () => {
    const sweep = await bench(['load', '--engine', 'k6', '--sweep'], env);
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toMatch(/--sweep is for the autocannon engine/);
    const missing = await bench(['load', '--engine', 'k6'], { PATH: '/usr/bin:/bin' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No k6 on PATH/);
  });
});
