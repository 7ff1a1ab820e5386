import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../../src/providers/anthropic.js';
import type { ChatMessage, ToolSpec } from '../../src/providers/provider.js';
import { singleAgentTools } from '../testing/support-tools.js';
import { createAnthropicMessagesMock } from './create-anthropic-messages-mock.js';

/*
 * The bridge's Anthropic provider against the Anthropic mock over real HTTP: if the provider maps
 * tool calls or results wrongly, the mock answers with the API's own 400 and the test fails.
 */

let server: Server;
let baseURL: string;

beforeAll(async () => {
  const handler = createAnthropicMessagesMock({ seed: 5, latency: 'zero' });
  // A tiny node:http adapter around the fetch-style handler.
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = Object.entries(req.headers).flatMap(([name, value]) =>
        typeof value === 'string' ? [[name, value] as [string, string]] : [],
      );
      const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers,
        body: Buffer.concat(chunks),
      });
      void handler(request).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        if (response.body) for await (const chunk of response.body) res.write(chunk);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const tools: ToolSpec[] = singleAgentTools.map(({ function: f }) => ({
  name: f.name,
  description: f.description ?? '',
  parameters: f.parameters ?? {},
}));

describe('createAnthropicProvider against createAnthropicMessagesMock', () => {
  for (const stream of [false, true]) {
    it(`runs a tool-call round trip (${stream ? 'streamed' : 'plain'})`, async () => {
      const provider = createAnthropicProvider({ baseURL, apiKey: 'mock-key' });
      const messages: ChatMessage[] = [
        { role: 'system', content: 'You are a support agent.' },
        { role: 'user', content: 'I want my money back for ORD-12345, it is broken' },
      ];
      const base = { model: 'claude-haiku-4-5', tools, stream };

      const first = await provider.complete({ ...base, messages }, { requestId: 'trip-1' });
      if (first.state !== 'ok') throw new Error(`first call failed: ${first.error.message}`);
      expect(first.response.finishReason).toBe('tool_calls');
      expect(first.response.toolCalls.length).toBeGreaterThan(1);
      expect(first.response.toolCalls[0]).toMatchObject({
        id: expect.stringMatching(/^toolu_01/),
        name: 'lookup_order',
      });
      expect(JSON.parse(first.response.toolCalls[0]?.arguments ?? '')).toEqual({
        order_id: 'ORD-12345',
      });
      if (stream) expect(first.response.ttftMs).toBeGreaterThanOrEqual(0);

      // Parallel results go back as one user turn of tool_result blocks.
      messages.push({ role: 'assistant', content: '', toolCalls: first.response.toolCalls });
      for (const call of first.response.toolCalls) {
        messages.push({ role: 'tool', toolCallId: call.id, content: '{"status":"delivered"}' });
      }
      const second = await provider.complete({ ...base, messages }, { requestId: 'trip-2' });
      if (second.state !== 'ok') throw new Error(`second call failed: ${second.error.message}`);
      expect(second.response.model).toBe('claude-haiku-4-5');
      expect(second.response.usage.inputTokens).toBeGreaterThan(first.response.usage.inputTokens);
      expect(second.response.usageEstimated).toBe(false);
      expect(['stop', 'tool_calls']).toContain(second.response.finishReason);
    });
  }

  it('gets the same answer streamed and plain for the same request id', async () => {
    const provider = createAnthropicProvider({ baseURL, apiKey: 'mock-key' });
    const request = {
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'user' as const, content: 'How do returns work?' }],
    };
    const plain = await provider.complete(request, { requestId: 'same' });
    const streamed = await provider.complete({ ...request, stream: true }, { requestId: 'same' });
    expect(plain.state === 'ok' && streamed.state === 'ok').toBe(true);
    if (plain.state !== 'ok' || streamed.state !== 'ok') return;
    expect(streamed.response).toMatchObject({
      text: plain.response.text,
      usage: plain.response.usage,
      finishReason: 'stop',
    });
  });

  it('surfaces the mock 404 for an unknown model as not_found', async () => {
    const provider = createAnthropicProvider({ baseURL, apiKey: 'mock-key' });
    const outcome = await provider.complete({
      model: 'claude-unknown',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(outcome.state === 'error' && outcome.error).toMatchObject({
      code: 'not_found',
      status: 404,
      providerCode: 'not_found_error',
      message: 'model: claude-unknown',
    });
  });
});
