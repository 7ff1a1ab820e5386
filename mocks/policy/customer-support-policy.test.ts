import type OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MockedOpenAI, startMockedOpenAI } from '../testing/mocked-openai.js';
import { agentTools, singleAgentTools } from '../testing/support-tools.js';

type Message = OpenAI.ChatCompletionMessageParam;
type Tool = OpenAI.ChatCompletionFunctionTool;

let mocked: MockedOpenAI;
beforeEach(() => {
  mocked = startMockedOpenAI({ seed: 11, latency: 'zero' });
});
afterEach(() => mocked.close());

/** Canned tool results, as a runtime would return them. */
function runTool(name: string): unknown {
  const results: Record<string, unknown> = {
    lookup_order: {
      order_id: 'ORD-10001',
      status: 'shipped',
      tracking_number: 'TRK12345678',
      carrier: 'UPS',
    },
    track_shipment: { status: 'in_transit', eta: '2026-12-01' },
    get_refund_policy: { category: 'electronics', window_days: 30 },
    initiate_refund: { refund_id: 'RF-1', amount_usd: 59.99 },
    search_known_issues: { title: 'Router drops Wi-Fi', fix: 'Update firmware to 2.1' },
    run_diagnostics: { healthy: false, findings: 'Signal loss on 5 GHz' },
    create_escalation_ticket: { ticket_id: 'ESC-77', status: 'open' },
  };
  return results[name] ?? { ok: true };
}

const agents: Record<string, Tool[]> = {
  transfer_to_customer_service: agentTools.customerService,
  transfer_to_technical_support: agentTools.technicalSupport,
  transfer_to_escalation: agentTools.escalation,
};

/**
 * Plays a conversation to its final answer: runs every tool call with a canned result and, on a
 * transfer, hands the history to the agent named by the handoff.
 */
async function converse(messages: Message[], startTools: Tool[]) {
  let tools = startTools;
  const turns: string[][] = [];
  for (let call = 0; call < 12; call += 1) {
    const completion = await mocked.client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages,
      tools,
    });
    const message = completion.choices[0]?.message;
    const toolCalls = (message?.tool_calls ?? []).filter((c) => c.type === 'function');
    if (toolCalls.length === 0) return { turns, answer: message?.content ?? '' };
    turns.push(toolCalls.map((c) => c.function.name));
    messages.push({ role: 'assistant', content: null, tool_calls: toolCalls });
    for (const toolCall of toolCalls) {
      const target = agents[toolCall.function.name];
      if (target) tools = target;
      const result = target
        ? { assistant: toolCall.function.name.replace('transfer_to_', '') }
        : runTool(toolCall.function.name);
      messages.push({ role: 'tool', tool_call_id: toolCall.id, content: JSON.stringify(result) });
    }
  }
  throw new Error('conversation did not finish');
}

describe('customerSupportPolicy through the openai SDK', () => {
  it('looks up the order, tracks the shipment from its result, then reports the status', async () => {
    const messages: Message[] = [{ role: 'user', content: 'Where is my order ORD-10001?' }];
    const first = await mocked.client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      tools: singleAgentTools,
    });
    const lookup = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(first.choices[0]?.message.content).toBeNull();
    expect(lookup?.type === 'function' && lookup.function).toEqual({
      name: 'lookup_order',
      arguments: '{"order_id":"ORD-10001"}',
    });

    messages.push({ role: 'assistant', content: null, tool_calls: lookup ? [lookup] : [] });
    messages.push({
      role: 'tool',
      tool_call_id: lookup?.id ?? '',
      content: JSON.stringify(runTool('lookup_order')),
    });
    const second = await mocked.client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      tools: singleAgentTools,
    });
    const track = second.choices[0]?.message.tool_calls?.[0];
    expect(track?.type === 'function' && JSON.parse(track.function.arguments)).toEqual({
      tracking_number: 'TRK12345678',
    });

    messages.push({ role: 'assistant', content: null, tool_calls: track ? [track] : [] });
    messages.push({
      role: 'tool',
      tool_call_id: track?.id ?? '',
      content: JSON.stringify(runTool('track_shipment')),
    });
    const final = await mocked.client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      tools: singleAgentTools,
    });
    expect(final.choices[0]?.finish_reason).toBe('stop');
    expect(final.choices[0]?.message.content).toContain('status: in_transit, eta: 2026-12-01');
  });

  it('makes parallel tool calls with distinct ids', async () => {
    const completion = await mocked.client.chat.completions.create({
      model: 'gpt-4o',
      tools: singleAgentTools,
      messages: [
        { role: 'user', content: 'My router shows error E042, device DEV-1234. Please help.' },
      ],
    });
    const calls = (completion.choices[0]?.message.tool_calls ?? []).filter(
      (c) => c.type === 'function',
    );
    expect(calls.map((c) => c.function.name)).toEqual(['search_known_issues', 'run_diagnostics']);
    expect(JSON.parse(calls[0]?.function.arguments ?? '')).toMatchObject({ error_code: 'E042' });
    expect(new Set(calls.map((c) => c.id)).size).toBe(2);
  });

  it('hands a technical problem to technical support alone, which then works it', async () => {
    const result = await converse(
      [{ role: 'user', content: 'My router keeps disconnecting, device DEV-1234, error E042.' }],
      agentTools.customerService,
    );
    expect(result.turns).toEqual([
      ['transfer_to_technical_support'],
      ['search_known_issues', 'run_diagnostics'],
    ]);
    expect(result.answer).toContain('fix: Update firmware to 2.1');
  });

  it('has technical support hand a billing problem back to customer service after the device', async () => {
    const result = await converse(
      [
        {
          role: 'user',
          content:
            'My router DEV-2001 keeps dropping Wi-Fi and I was billed twice for it on my invoice.',
        },
      ],
      agentTools.customerService,
    );
    // With the whole history in front of it, customer service does not transfer again.
    expect(result.turns).toEqual([
      ['transfer_to_technical_support'],
      ['search_known_issues', 'run_diagnostics'],
      ['transfer_to_customer_service'],
    ]);
    expect(result.answer).toContain('fix: Update firmware to 2.1');
  });

  it('routes an angry customer to escalation after the order is handled', async () => {
    const result = await converse(
      [
        {
          role: 'user',
          content: 'Where is my order ORD-10001? This is the third time I ask, unacceptable!',
        },
      ],
      agentTools.customerService,
    );
    expect(result.turns).toEqual([
      ['lookup_order'],
      ['track_shipment'],
      ['transfer_to_escalation'],
      ['create_escalation_ticket'],
    ]);
    expect(result.answer).toContain('ticket_id: ESC-77');
  });

  it('lets a single agent do a refund itself in two model calls', async () => {
    const result = await converse(
      [{ role: 'user', content: 'I want a refund for ORD-10001, the headphones arrived broken.' }],
      singleAgentTools,
    );
    expect(result.turns).toEqual([['lookup_order', 'get_refund_policy', 'initiate_refund']]);
    expect(result.answer).toContain('refund_id: RF-1');
  });

  it('asks for the order number when none was given', async () => {
    const result = await converse(
      [{ role: 'user', content: 'Where is my order? It has not arrived.' }],
      singleAgentTools,
    );
    expect(result.turns).toEqual([]);
    expect(result.answer).toMatch(/order number/i);
  });

  it('answers an FAQ from the system prompt without tools', async () => {
    const system = [
      'You are the support assistant of Acme.',
      'Shipping: standard delivery takes 3-5 business days.',
      'Warranty: every device carries a two-year warranty.',
    ].join('\n');
    const result = await converse(
      [
        { role: 'system', content: system },
        { role: 'user', content: 'How long is the warranty?' },
      ],
      singleAgentTools,
    );
    expect(result.answer).toContain('Warranty: every device carries a two-year warranty.');
  });
});
