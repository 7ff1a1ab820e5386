import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_PROVIDERS } from '../../harness/backends/provider-models.js';
import { ReportSchema } from '../../harness/report/index.js';
import { BENCH_BIN as BIN, bench } from '../support/bench.js';

const KEY = 'sk-test-123';

let server: ChildProcessWithoutNullStreams;
/** The mock server's OpenAI base URL (`…/v1`) and origin (Anthropic, AgentOS). */
let openaiUrl: string;
let origin: string;
let dir: string;

/** Every file under `root`, as text. */
async function filesUnder(root: string): Promise<Array<{ file: string; text: string }>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = join(entry.parentPath, entry.name);
        return { file, text: await readFile(file, 'utf8') };
      }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-live-'));
  server = spawn(process.execPath, [BIN, 'mock-server', '--port', '0', '--latency', 'zero']);
  openaiUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    server.on('exit', (code) => reject(new Error(`mock-server exited ${code}`)));
  });
  origin = openaiUrl.replace(/\/v1$/, '');
});

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGTERM');
});

describe('bench run --backend live', () => {
  it.each([
    ['openai', () => openaiUrl, 'gpt-4o-mini'],
    ['openai-responses', () => openaiUrl, 'gpt-4o-mini'],
    ['langchain', () => openaiUrl, 'gpt-4o-mini'],
    ['anthropic', () => origin, 'claude-haiku-4-5'],
    ['agno-agentos', () => origin, 'gpt-4o'],
  ] as const)(
    '%s: runs both modes against the mock server, reports it, and never shows the key',
    async (provider, baseUrl, expectedModel) => {
      const out = join(dir, provider);
      const result = await bench(
        [
          'run',
          '--backend',
          'live',
          '--base-url',
          baseUrl(),
          '--provider',
          provider,
          '--api-key-env',
          'HB_TEST_KEY',
          '--requests',
          '8',
          '--out',
          out,
          '--json',
          '--no-progress',
        ],
        { HB_TEST_KEY: KEY },
      );
      const report = ReportSchema.parse(JSON.parse(result.stdout));
      expect(result.code).toBe(report.verdict.exitCode);
      expect(report.options).toMatchObject({
        backend: 'live',
        provider,
        baseUrl: baseUrl(),
      });
      expect(new Set(report.records.map((r) => r.mode))).toEqual(new Set(['agno-only', 'hybrid']));
      expect(report.reconciliation).toMatchObject({ sent: 16, answered: 16, typedErrors: 0 });
      for (const record of report.records)
        expect(record.calls.length, record.id).toBeGreaterThan(0);
      for (const mode of ['agno-only', 'hybrid']) {
        const spent = report.records
          .filter((r) => r.mode === mode)
          .reduce((s, r) => s + r.costUsd, 0);
        expect(spent, mode).toBeGreaterThan(0);
      }
      const models = new Set(report.records.flatMap((r) => r.calls.map((c) => c.model)));
      expect(models).toContain(expectedModel);
      expect(result.stdout).not.toContain(KEY);
      expect(result.stderr).not.toContain(KEY);
      const files = await filesUnder(out);
      const summary = files.find((f) => f.file.endsWith('summary.md'));
      expect(summary?.text).toContain(`backend \`live (adapter ${provider})\``);
      expect(files.map((f) => f.file)).toContainEqual(expect.stringMatching(/report\.json$/));
      for (const { file, text } of files) expect(text, file).not.toContain(KEY);
    },
    60_000,
  );
});

describe('bench run --backend live: usage errors exit 2', () => {
  it('without --base-url', async () => {
    const result = await bench(['run', '--backend', 'live', '--provider', 'openai']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--backend live needs --base-url URL');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('without --provider', async () => {
    const result = await bench(['run', '--backend', 'live', '--base-url', openaiUrl]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--backend live needs --provider (${LIVE_PROVIDERS.join(', ')})`,
    );
  });

  it('with a key where the variable name belongs, without echoing it', async () => {
    const result = await bench([
      'run',
      '--backend',
      'live',
      '--provider',
      'openai',
      '--base-url',
      openaiUrl,
      '--api-key-env',
      KEY,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('looks like a key itself');
    expect(result.stderr).toContain('pass the NAME of the environment variable');
    expect(result.stderr).not.toContain(KEY);
  });

  it('with the key variable unset, naming it', async () => {
    const result = await bench(
      [
        'run',
        '--backend',
        'live',
        '--provider',
        'openai',
        '--base-url',
        openaiUrl,
        '--api-key-env',
        'HB_UNSET_TEST_KEY',
        '--out',
        join(dir, 'unset'),
      ],
      { OPENAI_API_KEY: KEY },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('HB_UNSET_TEST_KEY is not set');
    expect(result.stderr).toContain('export HB_UNSET_TEST_KEY=');
    expect(result.stderr).not.toContain(KEY);
  });

  it('with credentials in the base URL, without echoing them', async () => {
    const result = await bench([
      'run',
      '--backend',
      'live',
      '--provider',
      'openai',
      '--base-url',
      `http://user:${KEY}@127.0.0.1:9/v1`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('must not contain credentials');
    expect(result.stderr).not.toContain(KEY);
  });

  it('with live flags on a mock backend, or mock faults on a live one', async () => {
    const mock = await bench(['run', '--base-url', openaiUrl, '--provider', 'openai']);
    expect(mock.code).toBe(2);
    expect(mock.stderr).toContain('--provider, --base-url need --backend live');
    const faults = await bench([
      'run',
      '--backend',
      'live',
      '--provider',
      'openai',
      '--base-url',
      openaiUrl,
      '--faults',
      'mixed-20',
    ]);
    expect(faults.code).toBe(2);
    expect(faults.stderr).toContain('--faults is injected by the mock backends only');
  });
});
