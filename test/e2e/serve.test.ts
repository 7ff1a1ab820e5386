import { spawn } from 'node:child_process';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { BENCH_BIN, bench } from '../support/bench.js';

const KEY = 'sk-hb-e2e-0123456789abcdef';

describe('bench serve', () => {
  it('serves the openai client, then drains and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [BENCH_BIN, 'serve', '--port', '0', '--latency', 'zero'],
      {
        env: { ...process.env, HB_API_KEYS: `e2e:${KEY}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const baseURL = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const client = new OpenAI({ apiKey: KEY, baseURL, maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: 'hybrid-bench',
      messages: [{ role: 'user', content: 'Where is my order ORD-10001?' }],
    });
    expect(completion.choices[0]?.message.content).toMatch(/in_transit/);
    const ready = await fetch(baseURL.replace(/\/v1$/, '/health/ready'));
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(baseURL.replace(/\/v1$/, '/metrics'))).text();
    expect(metrics).toMatch(/hybrid_requests_total\{[^}]*outcome="ok"\} 1/);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stderr).toContain('stopped (SIGTERM)');
    expect(stderr).not.toContain(KEY);
  }, 60_000);

  it('refuses to start without API keys (exit 2)', async () => {
    const result = await bench(['serve', '--port', '0'], { HB_API_KEYS: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No API keys: set HB_API_KEYS/);
  });
});
