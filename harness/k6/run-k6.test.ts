import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { K6RunError } from './k6-errors.js';
import { k6Available, runK6 } from './run-k6.js';
import { benchSummaryExport } from './testing.js';

/** A stand-in `k6`: records its arguments, writes the summary where --summary-export says. */
const FAKE_K6 = `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.writeFileSync(process.env.FAKE_K6_ARGS, JSON.stringify(args));
if (process.env.FAKE_K6_MODE === 'crash') {
  process.stderr.write('ERRO[0000] GoError: the script threw\\n');
  process.exit(107);
}
fs.copyFileSync(process.env.FAKE_K6_SUMMARY, args[args.indexOf('--summary-export') + 1]);
process.stdout.write('running (1m00.0s), 00/40 VUs, 600 complete and 0 interrupted iterations\\n');
process.exit(process.env.FAKE_K6_MODE === 'thresholds' ? 99 : 0);
`;

describe('runK6', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const argsFile = () => join(dir, 'args.json');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hb-k6-fake-'));
    await mkdir(join(dir, 'bin'));
    await writeFile(join(dir, 'bin', 'k6'), FAKE_K6);
    await chmod(join(dir, 'bin', 'k6'), 0o755);
    await writeFile(join(dir, 'summary.json'), JSON.stringify(benchSummaryExport()));
    env = {
      ...process.env,
      PATH: `${join(dir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
      FAKE_K6_ARGS: argsFile(),
      FAKE_K6_SUMMARY: join(dir, 'summary.json'),
    };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds k6 on the PATH it is given', () => {
    expect(k6Available(env)).toBe(true);
    expect(k6Available({ PATH: join(dir, 'nothing-here') })).toBe(false);
  });

  it('runs k6 run --summary-export <tmp> [args] script and reads the summary as a step', async () => {
    const output: string[] = [];
    const steps = await runK6('load/script.ts', {
      env,
      args: ['--quiet'],
      onOutput: (chunk) => output.push(chunk),
    });
    const args = JSON.parse(await readFile(argsFile(), 'utf8')) as string[];
    expect(args).toEqual([
      'run',
      '--summary-export',
      expect.any(String),
      '--quiet',
      'load/script.ts',
    ]);
    expect(args[2]).toMatch(/hb-k6-.*summary\.json$/);
    await expect(stat(args[2] ?? '')).rejects.toThrow(/ENOENT/);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      engine: 'k6',
      loop: 'open',
      targetRps: 10,
      sent: 600,
      ok: 590,
    });
    expect(output.join('')).toContain('600 complete');
  });

  it('still gives the step when thresholds failed (exit 99), with the failed ones marked', async () => {
    const steps = await runK6('script.ts', { env: { ...env, FAKE_K6_MODE: 'thresholds' } });
    const failed = steps[0]?.thresholds?.filter((t) => !t.ok).map((t) => t.metric);
    expect(failed).toEqual(['http_req_duration{path:full}', 'cost_usd{path:full}']);
  });

  it('fails with k6’s exit code and the end of its stderr when it ends without a summary', async () => {
    const run = runK6('script.ts', { env: { ...env, FAKE_K6_MODE: 'crash' } });
    await expect(run).rejects.toBeInstanceOf(K6RunError);
    await expect(run).rejects.toThrow(
      /k6 run script\.ts exited with code 107 and wrote no summary:\nERRO\[0000\] GoError: the script threw/,
    );
  });

  it('says how to get k6 when it is not on PATH', async () => {
    await expect(runK6('script.ts', { env: { PATH: join(dir, 'nothing-here') } })).rejects.toThrow(
      /k6 is not on PATH: install it/,
    );
  });
});
