import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { BENCH_BIN, bench } from '../support/bench.js';

const KEY = 'sk-hb-e2e-0123456789abcdef';

/** `bench serve ARGS` in a child process; resolves with its base URL once it listens. */
async function startServe(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BENCH_BIN, 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const baseURL = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return {
    baseURL,
    stderr: () => stderr,
    async stop(): Promise<number | null> {
      child.kill('SIGTERM');
      return new Promise((resolve) => child.on('exit', resolve));
    },
  };
}

/** One chat request on a fresh connection (so a cluster may hand it to any worker); its status. */
function postOnNewConnection(baseURL: string, key: string): Promise<number> {
  const body = JSON.stringify({
    model: 'hybrid-bench',
    messages: [{ role: 'user', content: 'Do you ship to Canada?' }],
  });
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseURL}/chat/completions`,
      {
        method: 'POST',
        agent: false,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('bench serve', () => {
  it('serves the openai client, then drains and exits 0 on SIGTERM', async () => {
    const served = await startServe(['--latency', 'zero'], {
      HB_API_KEYS: `e2e:${KEY} role=admin`,
    });
    const { baseURL } = served;
    const client = new OpenAI({ apiKey: KEY, baseURL, maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: 'hybrid-bench',
      messages: [{ role: 'user', content: 'Where is my order ORD-10001?' }],
    });
    expect(completion.choices[0]?.message.content).toMatch(/in_transit/);
    const ready = await fetch(baseURL.replace(/\/v1$/, '/health/ready'));
    expect(ready.status).toBe(200);
    const metrics = await (
      await fetch(baseURL.replace(/\/v1$/, '/metrics'), {
        headers: { authorization: `Bearer ${KEY}` },
      })
    ).text();
    expect(metrics).toMatch(/hybrid_requests_total\{[^}]*outcome="ok"\} 1/);
    expect(await served.stop()).toBe(0);
    expect(served.stderr()).toContain('stopped (SIGTERM)');
    expect(served.stderr()).not.toContain(KEY);
  }, 60_000);

  it('--workers 2 shares one port, and with REDIS_URL one rate limit per key across workers', async () => {
    // A fresh key name per run: its bucket in Redis outlives the test (it refills in 1,000 s).
    const name = `e2e-${randomUUID().slice(0, 8)}`;
    const limitedKey = `sk-hb-e2e-${randomUUID()}`;
    const scraperKey = `sk-hb-e2e-${randomUUID()}`;
    const keys = {
      HB_API_KEYS: `${name}:${limitedKey} rps=0.001 burst=4, scraper:${scraperKey} role=metrics`,
    };
    const statuses = async (env: Record<string, string>) => {
      const served = await startServe(['--workers', '2', '--latency', 'zero'], env);
      const seen: number[] = [];
      for (let i = 0; i < 8; i++) seen.push(await postOnNewConnection(served.baseURL, limitedKey));
      // Whichever worker takes the scrape answers for the pool: every answered request counts.
      const metrics = await (
        await fetch(served.baseURL.replace(/\/v1$/, '/metrics'), {
          headers: { authorization: `Bearer ${scraperKey}` },
        })
      ).text();
      const answered = [...metrics.matchAll(/^hybrid_requests_total\{[^}]*\} (\d+)$/gm)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
      expect(answered).toBe(seen.filter((s) => s === 200).length);
      expect(await served.stop()).toBe(0);
      expect(served.stderr()).toContain('every worker drained');
      return seen;
    };
    // Without Redis each worker counts alone: eight requests spread over two buckets of four.
    const apart = await statuses({ ...keys, REDIS_URL: '' });
    expect(apart.filter((s) => s === 200).length).toBeGreaterThan(4);
    const shared = await statuses({ ...keys, REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(shared).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
  }, 90_000);

  it('refuses to start without API keys (exit 2)', async () => {
    const result = await bench(['serve', '--port', '0'], { HB_API_KEYS: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No API keys: set HB_API_KEYS/);
  });
});
