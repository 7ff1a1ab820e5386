import { describe, expect, it } from 'vitest';
import { createAgnoAgentOSMock } from '../agno/create-agno-agentos-mock.js';
import { createAnthropicMessagesMock } from '../anthropic/create-anthropic-messages-mock.js';
import type { FaultRule } from './fault-profile.js';
import { withFaults } from './with-faults.js';

/*
 * The faults against the real Anthropic and Agno AgentOS mocks: their event sequences, their
 * request formats (JSON `stream: true`; a form whose `stream` defaults to true).
 */

const profile = (rule: FaultRule) => ({ name: 't', description: '', rules: [rule] });
const cut: FaultRule = { fault: 'stream_cut', probability: 1, params: { afterEvents: 99 } };

function anthropicCall(stream: boolean): Request {
  return new Request('http://mock.test/v1/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({
      model: 'claude-haiku-4-5',
      max_tokens: 256,
      stream,
      messages: [{ role: 'user', content: 'Hello' }],
    }),
  });
}

function agnoCall(fields: Record<string, string>): Request {
  return new Request('http://mock.test/agents/support-agent/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ message: 'Hello', ...fields }),
  });
}

const eventNames = (text: string) => [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);

describe('faults on the Anthropic mock', () => {
  const mock = createAnthropicMessagesMock({ seed: 3, latency: 'zero' });

  it('cuts a stream before message_delta and message_stop', async () => {
    const whole = eventNames(await (await mock(anthropicCall(true))).text());
    const faulty = withFaults(mock, { profile: profile(cut), seed: 1 });
    const events = eventNames(await (await faulty(anthropicCall(true))).text());
    expect(whole.slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(events).toEqual(whole.slice(0, -2));
  });

  it('leaves a non-streamed message alone under a stream fault', async () => {
    const faulty = withFaults(mock, { profile: profile(cut), seed: 1 });
    expect(await (await faulty(anthropicCall(false))).json()).toMatchObject({ type: 'message' });
  });
});

describe('faults on the Agno AgentOS mock', () => {
  const mock = createAgnoAgentOSMock({ seed: 3, latency: 'zero' });

  it('treats a run as streamed by default and cuts it before RunContentCompleted', async () => {
    const faulty = withFaults(mock, { profile: profile(cut), seed: 1 });
    const events = eventNames(await (await faulty(agnoCall({}))).text());
    expect(events[0]).toBe('RunStarted');
    expect(events).not.toContain('RunContentCompleted');
    expect(events).not.toContain('RunCompleted');
  });

  it('leaves a run with stream=false alone under a stream fault', async () => {
    const faulty = withFaults(mock, { profile: profile(cut), seed: 1 });
    const response = await faulty(agnoCall({ stream: 'false' }));
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.status).toBe(200);
  });
});
