import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICompatibleProvider } from '../../src/index.js';
import { BENCH_BIN as BIN } from '../support/bench.js';

const running: ChildProcessWithoutNullStreams[] = [];

/** Starts `bench mock-server …` and resolves with its printed base URL. */
async function mockServer(
  args: string[],
): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, [BIN, 'mock-server', ...args]);
  running.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    child.on('exit', (code) => reject(new Error(`mock-server exited ${code}`)));
  });
  return { child, url };
}

function stop(
  child: ChildProcessWithoutNullStreams,
  signal: NodeJS.Signals,
): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', resolve);
    child.kill(signal);
  });
}

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

const ask = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content: 'How long does standard shipping take?' }],
};

describe('bench mock-server', () => {
  it('prints its base URL, serves the real client over a socket and stops cleanly on SIGTERM', async () => {
    const { child, url } = await mockServer(['--port', '0', '--latency', 'zero']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const outcome = await createOpenAICompatibleProvider({ baseURL: url, apiKey: 'k' }).complete(
      ask,
    );
    expect(outcome.state === 'ok' && outcome.response.usage.outputTokens).toBeGreaterThan(0);
    expect(await stop(child, 'SIGTERM')).toBe(0);
  });

  it('injects a named fault profile', async () => {
    const { child, url } = await mockServer(['--latency', 'zero', '--profile', 'overloaded']);
    const provider = createOpenAICompatibleProvider({ baseURL: url, apiKey: 'k' });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => provider.complete(ask, { requestId: `r${i}` })),
    );
    expect(outcomes.some((o) => o.state === 'error' && o.error.status === 503)).toBe(true);
    expect(await stop(child, 'SIGINT')).toBe(0);
  });

  it('records through a proxy with the key stripped, then replays the recording', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cassette-'));
    const cassette = join(dir, 'recorded.json');
    const upstream = await mockServer(['--latency', 'zero']);
    const recorder = await mockServer([
      '--record',
      cassette,
      '--upstream',
      upstream.url.replace(/\/v1$/, ''),
    ]);
    const live = await createOpenAICompatibleProvider({
      baseURL: recorder.url,
      apiKey: 'sk-live-123',
    }).complete(ask);
    expect(await stop(recorder.child, 'SIGTERM')).toBe(0);
    const text = await readFile(cassette, 'utf8');
    expect(text).not.toContain('sk-live-123');
    expect(JSON.parse(text)).toMatchObject({
      format: 'hybrid-bench-cassette',
      interactions: [{ request: { path: '/v1/chat/completions' } }],
    });
    const replay = await mockServer(['--replay', cassette]);
    const replayed = await createOpenAICompatibleProvider({
      baseURL: replay.url,
      apiKey: 'k',
    }).complete(ask);
    expect(replayed.state === 'ok' && replayed.response.text).toBe(
      live.state === 'ok' ? live.response.text : 'live failed',
    );
  });

  it('refuses --record without --upstream (exit 2)', async () => {
    const child = spawn(process.execPath, [BIN, 'mock-server', '--record', 'x.json']);
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
  });
});
