import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { LatencyProfile } from '../latency/latency-profile.js';
import { nextTurn, track, turnUntil } from '../testing/event-loop.js';
import { type AgnoAgentOSMockOptions, createAgnoAgentOSMock } from './create-agno-agentos-mock.js';

interface Frame {
  name: string;
  data: Record<string, unknown>;
}

/** Splits an SSE body into frames, checking each is exactly `event:` + `data:` + blank line. */
function parseFrames(raw: string): Frame[] {
  expect(raw.endsWith('\n\n')).toBe(true);
  return raw
    .slice(0, -2)
    .split('\n\n')
    .map((block) => {
      const match = /^event: (\w+)\ndata: (\{.*\})$/.exec(block);
      if (!match) throw new Error(`not an AgentOS frame: ${block}`);
      const data = JSON.parse(match[2] ?? '') as Record<string, unknown>;
      expect(data.event).toBe(match[1]);
      return { name: match[1] ?? '', data };
    });
}

function post(fields: Record<string, string>, init: RequestInit = {}): Request {
  return new Request('http://agno.test/agents/support-agent/runs', {
    method: 'POST',
    headers: { 'x-client-request-id': 'stream-1' },
    body: new URLSearchParams(fields),
    ...init,
  });
}

const ORDER = 'Where is my order ORD-10001?';
const zero: AgnoAgentOSMockOptions = { seed: 5, latency: 'zero' };

describe('the event stream', () => {
  it('frames events as AgentOS does, in the order of an agent run with tools', async () => {
    const response = await createAgnoAgentOSMock(zero)(post({ message: ORDER }));
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const frames = parseFrames(await response.text());
    const names = frames
      .map((f) => f.name)
      .filter((name, i, all) => name !== 'RunContent' || all[i - 1] !== 'RunContent');
    const toolTurn = [
      'ModelRequestStarted',
      'ModelRequestCompleted',
      'ToolCallStarted',
      'ToolCallCompleted',
    ];
    expect(names).toEqual([
      'RunStarted',
      ...toolTurn,
      ...toolTurn,
      'ModelRequestStarted',
      'RunContent',
      'ModelRequestCompleted',
      'RunContentCompleted',
      'RunCompleted',
    ]);
    const runIds = new Set(frames.map((f) => f.data.run_id));
    expect(runIds.size).toBe(1);
    expect(frames[0]?.data).toMatchObject({
      agent_id: 'support-agent',
      model: 'gpt-4o',
      model_provider: 'OpenAI',
    });
    const completed = frames.find((f) => f.name === 'ToolCallCompleted');
    expect(completed?.data.tool).toMatchObject({
      tool_name: 'lookup_order',
      tool_call_error: false,
    });
    expect(completed?.data.content).toBe('lookup_order(order_id=ORD-10001) completed in 0.0000s. ');
  });

  it('streams the same answer and tokens as the JSON run of the same request', async () => {
    const handler = createAgnoAgentOSMock(zero);
    const json = (await (await handler(post({ message: ORDER, stream: 'false' }))).json()) as {
      content: string;
      metrics: Record<string, unknown>;
    };
    const frames = parseFrames(await (await handler(post({ message: ORDER }))).text());
    const text = frames
      .filter((f) => f.name === 'RunContent')
      .map((f) => f.data.content)
      .join('');
    const last = frames.at(-1)?.data;
    expect(text).toBe(json.content);
    expect(last?.content).toBe(json.content);
    expect(last?.metrics).toEqual(json.metrics);
  });
});

describe('pacing on a manual clock', () => {
  // Fixed latency: 300 ms to first token, then 10 ms per token.
  const fixed: LatencyProfile = {
    ttftMedianMs: 300,
    ttftP90Ms: 300,
    ttftFloorMs: 0,
    tokensPerSecondMedian: 100,
    tokensPerSecondP10: 100,
    promptMsPer1kTokens: 0,
    tailProbability: 0,
    tailMultiplier: 1,
  };
  const options = { seed: 5, latency: { 'gpt-4o': fixed } };

  it('answers a plain run only once every model call has finished', async () => {
    const plain = () => post({ message: ORDER, stream: 'false' });
    const reference = new ManualClock();
    const first = createAgnoAgentOSMock({ ...options, clock: reference })(plain());
    await reference.whenSleeping();
    await reference.advance(100_000);
    const { metrics } = (await (await first).json()) as { metrics: { duration: number } };
    const durationMs = metrics.duration * 1000;
    expect(durationMs).toBeGreaterThan(900); // three model calls of at least 300 ms

    const clock = new ManualClock();
    const pending = track(createAgnoAgentOSMock({ ...options, clock })(plain()));
    await clock.whenSleeping();
    await clock.advance(durationMs - 1);
    await turnUntil(() => true);
    expect(pending.settled).toBe(false);
    await clock.advance(1);
    await turnUntil(() => pending.settled);
  });

  it('sends RunStarted at once, the first token at its TTFT, and ends at the run duration', async () => {
    const clock = new ManualClock();
    const response = await createAgnoAgentOSMock({ ...options, clock })(post({ message: ORDER }));
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    const arrivals: { name: string; atMs: number; data: Record<string, unknown> }[] = [];
    const reading = (async () => {
      let buffer = '';
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += chunk.value;
        for (const frame of parseFrames(buffer)) arrivals.push({ ...frame, atMs: clock.now() });
        buffer = '';
      }
    })();
    await clock.whenSleeping();
    await clock.advance(100_000);
    await reading;
    const at = (name: string, nth = 0) => arrivals.filter((a) => a.name === name)[nth];
    expect(at('RunStarted')?.atMs).toBe(0);
    const toolTurns = [at('ModelRequestCompleted', 0), at('ModelRequestCompleted', 1)];
    const tokens = (i: number) => Number(toolTurns[i]?.data.output_tokens);
    // A tool-calling turn ends after its TTFT plus 10 ms per token after the first.
    expect(toolTurns[0]?.atMs).toBe(300 + (tokens(0) - 1) * 10);
    expect(at('ToolCallStarted')?.atMs).toBe(toolTurns[0]?.atMs);
    expect(toolTurns[1]?.atMs).toBe((toolTurns[0]?.atMs ?? 0) + 300 + (tokens(1) - 1) * 10);
    expect(at('RunContent')?.atMs).toBe((toolTurns[1]?.atMs ?? 0) + 300);
    const completed = at('RunCompleted');
    const metrics = completed?.data.metrics as { duration: number; time_to_first_token: number };
    expect(completed?.atMs).toBe(metrics.duration * 1000);
    expect(metrics.time_to_first_token).toBe(0.3);
  });

  it('stops and leaves no timer behind when the client aborts mid-stream', async () => {
    const clock = new ManualClock();
    const abort = new AbortController();
    const response = await createAgnoAgentOSMock({ ...options, clock })(
      post({ message: ORDER }, { signal: abort.signal }),
    );
    const reader = response.body?.getReader();
    expect((await reader?.read())?.done).toBe(false); // RunStarted, at once
    // Read on until the stream waits for the first model call, then leave.
    for (;;) {
      await nextTurn();
      if (clock.pending > 0) break;
      expect((await reader?.read())?.done).toBe(false);
    }
    abort.abort();
    let done = false;
    while (!done) done = (await reader?.read())?.done ?? true;
    expect(clock.pending).toBe(0);
    expect(clock.now()).toBe(0);
  });
});
