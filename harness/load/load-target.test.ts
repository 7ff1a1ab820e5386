import { describe, expect, it } from 'vitest';
import { answerHeadersOf, carriesContent } from './answer-headers.js';
import { loadTargetOf } from './load-target.js';

describe('loadTargetOf', () => {
  it('finds the endpoints from the API base bench serve prints, or the bare origin', () => {
    for (const base of [
      'http://127.0.0.1:8080/v1',
      'http://127.0.0.1:8080/v1/',
      'http://127.0.0.1:8080',
      'http://127.0.0.1:8080/v1/chat/completions',
    ]) {
      expect(loadTargetOf(base, 'k')).toEqual({
        chatUrl: 'http://127.0.0.1:8080/v1/chat/completions',
        metricsUrl: 'http://127.0.0.1:8080/metrics',
        readyUrl: 'http://127.0.0.1:8080/health/ready',
        apiKey: 'k',
      });
    }
    expect(loadTargetOf('https://bench.example/api/v1', 'k').metricsUrl).toBe(
      'https://bench.example/api/metrics',
    );
  });

  it('refuses what is not an http(s) URL, naming the flag', () => {
    expect(() => loadTargetOf('localhost:8080', 'k')).toThrow(/--target must be an http/);
    expect(() => loadTargetOf('not a url', 'k')).toThrow(/--target must be the server's URL/);
  });
});

describe('answer headers', () => {
  it('reads the served path and cost from the raw header list, in any case', () => {
    expect(
      answerHeadersOf(['X-Bench-Path', 'complex', 'x-bench-cost-usd', '0.01040000', 'Date', 'x']),
    ).toEqual({ servedPath: 'complex', costUsd: 0.0104 });
    expect(answerHeadersOf(['x-bench-path', 'canned', 'x-bench-cost-usd', 'abc'])).toEqual({});
  });

  it('tells a chunk with answer text from the role-only opener', () => {
    const opener = 'data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}\n\n';
    const text = 'data: {"choices":[{"index":0,"delta":{"content":"I have "}}]}\n\n';
    expect(carriesContent(Buffer.from(opener))).toBe(false);
    expect(carriesContent(Buffer.from(opener + text))).toBe(true);
  });
});
