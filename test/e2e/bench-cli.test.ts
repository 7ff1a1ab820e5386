import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema } from '../../harness/report/index.js';
import { BENCH_BIN as BIN, bench } from '../support/bench.js';

let dir: string;
let badSuite: string;
let malformedSuite: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-e2e-'));
  badSuite = join(dir, 'bad.yaml');
  await writeFile(
    badSuite,
    [
      'suite:',
      '  name: broken',
      'requests:',
      '  - id: one',
      '    messages: Hello',
      '    expect: { path: medium, outcome: resolved }',
      '',
    ].join('\n'),
  );
  malformedSuite = join(dir, 'malformed.yaml');
  await writeFile(
    malformedSuite,
    'suite:\n  name: broken\nrequests:\n  - id: one\n    messages: [unclosed\n',
  );
});

describe('bench validate', () => {
  it('accepts the default suite', async () => {
    const result = await bench(['validate', 'scenarios/customer-support.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/customer-support\.yaml: ok \(\d+ requests\)/);
  });

  it('runs the same from the TypeScript sources as compiled (HB_FROM_SOURCE=1)', async () => {
    // CI builds dist/ on install, so every other test here runs the compiled CLI.
    const result = await bench(['validate', 'scenarios/customer-support.yaml'], {
      HB_FROM_SOURCE: '1',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/customer-support\.yaml: ok \(\d+ requests\)/);
  });

  it('exits 2 naming the file, line, column and field of a bad suite', async () => {
    const result = await bench(['validate', badSuite]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${badSuite}:6:21 requests[0].expect.path`);
    expect(result.stderr).toMatch(/use one of: simple \| complex \| full/);
  });
});

describe('malformed YAML', () => {
  it('makes validate and run exit 2 with the line of the syntax error', async () => {
    for (const args of [
      ['validate', malformedSuite],
      ['run', '--suite', malformedSuite, '--out', dir],
    ]) {
      const result = await bench(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${malformedSuite}:6:1 requests[0].messages`);
      expect(result.stderr).toMatch(/end with a \]/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('bench run', () => {
  it('refuses a bad suite before running anything, with the same message', async () => {
    const result = await bench(['run', '--suite', badSuite, '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${badSuite}:6:21 requests[0].expect.path`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a bad flag value and on an unknown flag', async () => {
    expect((await bench(['run', '--concurrency', '0'])).stderr).toMatch(
      /--concurrency must be a whole number ≥ 1; got "0"/,
    );
    expect((await bench(['run', '--concurrency', '0'])).code).toBe(2);
    expect((await bench(['run', '--frobnicate'])).code).toBe(2);
    expect((await bench(['run', '--backend', 'live'])).code).toBe(2);
  });

  it('writes a valid report for both modes and prints only JSON with --json', async () => {
    const out = join(dir, 'reports');
    const result = await bench([
      'run',
      '--latency',
      'zero',
      '--seed',
      '7',
      '--out',
      out,
      '--json',
      '--no-progress',
      '--no-gate',
    ]);
    expect([0, 3]).toContain(result.code);
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.verdict.exitCode).toBe(result.code);
    expect(new Set(report.summaries.map((s) => `${s.mode}/${s.path}`))).toEqual(
      new Set([
        'agno-only/simple',
        'agno-only/complex',
        'agno-only/full',
        'hybrid/simple',
        'hybrid/complex',
        'hybrid/full',
      ]),
    );
    expect(await readdir(join(out, report.runId))).toEqual(
      expect.arrayContaining([
        'report.json',
        'index.html',
        'summary.md',
        'junit.xml',
        'cost-per-1k.png',
        'latency-cdf-simple.png',
      ]),
    );
    // The run is remembered for the trend of later runs.
    expect(await readFile(join(out, 'history.jsonl'), 'utf8')).toContain(
      `"runId":"${report.runId}"`,
    );
    // `bench report` renders the same run again elsewhere, from its report.json alone.
    const again = await bench(['report', join(out, 'latest'), '--out', join(dir, 'rerendered')]);
    expect(again.code).toBe(0);
    const html = await readFile(join(dir, 'rerendered', report.runId, 'index.html'), 'utf8');
    expect(html).toContain(`data-verdict="${report.verdict.status}"`);
    const broken = await bench(['report', join(dir, 'nothing-here.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('nothing-here.json');
    const latest = JSON.parse(await readFile(join(out, 'latest', 'report.json'), 'utf8')) as Report;
    expect(latest.runId).toBe(report.runId);
  });

  it('gives the same model calls and token counts for the same seed', async () => {
    const calls = async () => {
      const result = await bench([
        'run',
        '--latency',
        'zero',
        '--seed',
        '11',
        '--requests',
        '16',
        '--out',
        join(dir, 'det'),
        '--json',
        '--no-gate',
      ]);
      const report = JSON.parse(result.stdout) as Report;
      return report.records
        .map(
          (r) =>
            `${r.id}/${r.mode}: ${r.calls.map((c) => `${c.model}:${c.inputTokens}:${c.outputTokens}`).join(' ')}`,
        )
        .sort();
    };
    const [first, second] = [await calls(), await calls()];
    expect(first).toHaveLength(32);
    expect(second).toEqual(first);
  });
});

describe('bench run interrupted', () => {
  it('stops on SIGINT, writes the partial report and exits 130', async () => {
    const { spawn } = await import('node:child_process');
    const out = join(dir, 'interrupted');
    const child = spawn(
      process.execPath,
      [BIN, 'run', '--out', out, '--progress', '--json', '--no-gate'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('[')) resolve();
      });
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    const report = JSON.parse(stdout) as Report;
    expect(report.interrupted).toBe(true);
    expect(report.verdict.status).toBe('interrupted');
    expect(report.records.length).toBeLessThan(66);
    expect(report.records.every((r) => r.error?.code !== 'aborted')).toBe(true);
  }, 60_000);
});

describe('bench run with faults over the loopback mock server', () => {
  it('runs against real sockets with a fault profile and records it in the report', async () => {
    const result = await bench([
      'run',
      '--backend',
      'mock-server',
      '--faults',
      'flaky-5xx',
      '--latency',
      'zero',
      '--requests',
      '12',
      '--seed',
      '5',
      '--out',
      join(dir, 'faults'),
      '--json',
      '--no-gate',
    ]);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.options).toMatchObject({ backend: 'mock-server', faults: 'flaky-5xx' });
    expect(report.records).toHaveLength(24);
    expect(report.records.some((r) => r.error?.code === 'model_error')).toBe(true);
  });

  it('names the known profiles when --faults is unknown (exit 2)', async () => {
    const result = await bench(['run', '--faults', 'hurricane']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /Unknown fault profile "hurricane"\. Known profiles: none, mixed-20/,
    );
  });
});

describe('bench run with a deployment config', () => {
  it('runs the hybrid on the deployment, survives mixed-20 faults and accounts for every request', async () => {
    const result = await bench([
      'run',
      '--config',
      'config/agent-deployment.yaml',
      '--mode',
      'hybrid',
      '--faults',
      'mixed-20',
      '--latency',
      'zero',
      '--requests',
      '12',
      '--seed',
      '3',
      '--out',
      join(dir, 'deploy'),
      '--json',
      '--no-gate',
    ]);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.options).toMatchObject({
      deployment: 'config/agent-deployment.yaml',
      faults: 'mixed-20',
    });
    expect(report.reconciliation).toMatchObject({ sent: 12, lost: 0 });
    expect(report.records.every((r) => r.experimentArm !== undefined)).toBe(true);
    expect(report.records.filter((r) => r.success).length).toBeGreaterThanOrEqual(11);
    expect(
      report.summaries.reduce((n, s) => n + s.reliability.retries + s.reliability.fallbacks, 0),
    ).toBeGreaterThan(0);
  }, 120_000);

  it('refuses an invalid deployment file with its line and field (exit 2)', async () => {
    const bad = join(dir, 'bad-deployment.yaml');
    await writeFile(
      bad,
      'apiVersion: hybrid-bench/v1\nkind: AgentDeployment\nmetadata: { name: x, environment: prod }\nspec: {}\n',
    );
    const result = await bench(['run', '--config', bad, '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}:3:`);
    expect(result.stderr).toContain('metadata.environment');
  });
});
