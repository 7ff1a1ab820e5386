import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManualClock, realClock } from '../clock.js';
import type { CallOptions } from '../providers/provider.js';
import { createScriptedProvider } from '../providers/scripted.js';
import { defineAgent } from './agent.js';
import { AGENT_LABEL_HEADER, runAgent } from './run-agent.js';
import { defineTool } from './tool.js';

const executed: string[] = [];
const lookup = defineTool({
  name: 'lookup_order',
  description: 'Look up an order',
  parameters: z.object({ order_id: z.string().regex(/^ORD-\d{5}$/) }),
  execute: ({ order_id }) => {
    executed.push(order_id);
    return { order_id, status: 'shipped' };
  },
});
const broken = defineTool({
  name: 'broken',
  description: 'Always fails',
  parameters: z.object({}),
  execute: () => {
    throw new Error('database down');
  },
});
const agent = defineAgent({
  name: 'support',
  instructions: 'Help.',
  model: 'gpt-4o',
  tools: [lookup, broken],
  handoffs: ['escalation'],
});
const input = [{ role: 'user' as const, content: 'Where is ORD-10001?' }];
const options = (provider: ReturnType<typeof createScriptedProvider>, extra = {}) => ({
  call: provider.complete,
  clock: realClock,
  signal: new AbortController().signal,
  requestId: 'r1',
  maxSteps: 4,
  ...extra,
});

describe('runAgent', () => {
  it('runs the tools the model asks for and returns its final answer', async () => {
    executed.length = 0;
    const provider = createScriptedProvider({
      script: [
        { toolCalls: [{ name: 'lookup_order', arguments: { order_id: 'ORD-10001' } }] },
        { text: 'It has shipped.' },
      ],
    });
    const run = await runAgent(agent, input, options(provider));
    expect(run.state).toBe('completed');
    expect(run.state === 'completed' && run.text).toBe('It has shipped.');
    expect(executed).toEqual(['ORD-10001']);
    expect(run.calls).toHaveLength(2);
    expect(run.toolRuns).toMatchObject([
      { name: 'lookup_order', ok: true, output: { status: 'shipped' } },
    ]);
    const second = provider.calls[1]?.messages ?? [];
    expect(second.at(-1)).toMatchObject({
      role: 'tool',
      toolCallId: 'call_0_0',
      content: '{"order_id":"ORD-10001","status":"shipped"}',
    });
    expect(provider.calls[0]?.tools?.map((t) => t.name)).toEqual([
      'lookup_order',
      'broken',
      'transfer_to_escalation',
    ]);
  });

  it('gives invalid arguments, unknown tools and tool errors back to the model instead of failing', async () => {
    const provider = createScriptedProvider({
      script: [
        {
          toolCalls: [
            { name: 'lookup_order', arguments: { order_id: '10001' } },
            { name: 'no_such_tool', arguments: {} },
            { name: 'broken', arguments: {} },
            { name: 'lookup_order', arguments: '{not json' },
          ],
        },
        { text: 'Sorry, I could not find it.' },
      ],
    });
    const run = await runAgent(agent, input, options(provider));
    expect(run.state).toBe('completed');
    expect(run.toolRuns.map((t) => t.ok)).toEqual([false, false, false, false]);
    expect(JSON.stringify(run.toolRuns[0]?.output)).toMatch(
      /Invalid arguments for lookup_order: order_id/,
    );
    expect(run.toolRuns[1]?.output).toMatchObject({
      error: expect.stringMatching(/Unknown tool "no_such_tool"/),
    });
    expect(JSON.stringify(run.toolRuns[2]?.output)).toMatch(/broken failed: database down/);
  });

  it('records tools a remote agent ran on its side', async () => {
    const provider = createScriptedProvider({
      script: [
        {
          text: 'It shipped.',
          serverToolCalls: [
            {
              id: 't1',
              name: 'lookup_order',
              arguments: '{}',
              result: '{"status":"shipped"}',
              isError: false,
              durationMs: 12,
            },
          ],
        },
      ],
    });
    const run = await runAgent(agent, input, options(provider));
    expect(run.toolRuns).toEqual([
      {
        agent: 'support',
        name: 'lookup_order',
        ok: true,
        latencyMs: 12,
        output: '{"status":"shipped"}',
      },
    ]);
  });

  it('stops with max_steps when the model never finishes', async () => {
    const provider = createScriptedProvider({
      script: () => ({
        toolCalls: [{ name: 'lookup_order', arguments: { order_id: 'ORD-10001' } }],
      }),
    });
    const run = await runAgent(agent, input, options(provider, { maxSteps: 3 }));
    expect(run.state === 'failed' && run.error.code).toBe('max_steps');
    expect(provider.calls).toHaveLength(3);
  });

  it("names the agent on every model call it makes, beside the request's id and signal", async () => {
    const provider = createScriptedProvider({
      script: [
        { toolCalls: [{ name: 'lookup_order', arguments: { order_id: 'ORD-10001' } }] },
        { text: 'It has shipped.' },
      ],
    });
    const seen: CallOptions[] = [];
    const signal = new AbortController().signal;
    await runAgent(agent, input, {
      ...options(provider),
      signal,
      call: (request, callOptions) => {
        seen.push(callOptions);
        return provider.complete(request, callOptions);
      },
    });
    expect(AGENT_LABEL_HEADER).toBe('x-bench-agent');
    expect(seen).toHaveLength(2);
    for (const callOptions of seen) {
      expect(callOptions).toEqual({
        signal,
        requestId: 'r1',
        headers: { 'x-bench-agent': 'support' },
      });
    }
  });

  it('ends the turn with a handoff carrying reason and summary', async () => {
    const provider = createScriptedProvider({
      script: [
        {
          toolCalls: [
            {
              name: 'transfer_to_escalation',
              arguments: { reason: 'angry', summary: 'Third late order' },
            },
          ],
        },
      ],
    });
    const run = await runAgent(agent, input, options(provider));
    expect(run).toMatchObject({
      state: 'handoff',
      to: 'escalation',
      reason: 'angry',
      summary: 'Third late order',
    });
  });

  it('turns a provider failure into a failed run that keeps the failure', async () => {
    const provider = createScriptedProvider({
      script: [{ error: { code: 'server_error', status: 500 } }],
    });
    const run = await runAgent(agent, input, options(provider));
    expect(run.state === 'failed' && run.error).toMatchObject({
      code: 'model_error',
      provider: { code: 'server_error' },
    });
    expect(run.calls[0]).toMatchObject({
      state: 'error',
      usage: { inputTokens: 0, outputTokens: 0 },
    });
  });

  it('reports a passed deadline as timeout', async () => {
    const clock = new ManualClock();
    const provider = createScriptedProvider({
      clock,
      script: [{ text: 'late', latencyMs: 5_000 }],
    });
    const controller = new AbortController();
    const running = runAgent(agent, input, options(provider, { clock, signal: controller.signal }));
    await clock.whenSleeping();
    await clock.advance(100);
    controller.abort(new DOMException('deadline', 'TimeoutError'));
    const run = await running;
    expect(run.state === 'failed' && run.error.code).toBe('timeout');
  });
});
