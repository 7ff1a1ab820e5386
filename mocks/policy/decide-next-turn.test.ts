import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../random/seeded-random.js';
import { agentTools, singleAgentTools } from '../testing/support-tools.js';
import { createTokenCounter } from '../tokens/token-counter.js';
import type { ConversationMessage, OfferedTool, PolicyDecision } from './answering-policy.js';
import { customerSupportPolicy } from './customer-support-policy.js';
import { decideNextTurn } from './decide-next-turn.js';

const tokens = createTokenCounter();
const offered = (tools: typeof singleAgentTools): OfferedTool[] => tools.map((t) => t.function);
const user = (text: string): ConversationMessage => ({ role: 'user', text, toolCalls: [] });
const system = (text: string): ConversationMessage => ({ role: 'system', text, toolCalls: [] });
const called = (...names: string[]): ConversationMessage => ({
  role: 'assistant',
  text: '',
  toolCalls: names.map((name) => ({ name, arguments: '{}' })),
});
const result = (value: unknown): ConversationMessage => ({
  role: 'tool',
  text: typeof value === 'string' ? value : JSON.stringify(value),
  toolCalls: [],
});

function decide(
  messages: ConversationMessage[],
  tools: OfferedTool[] = offered(singleAgentTools),
  parallelToolCalls = true,
  seed = 1,
): PolicyDecision {
  return decideNextTurn(
    customerSupportPolicy,
    { messages, tools, parallelToolCalls },
    { random: createSeededRandom([seed]), tokens },
  );
}

function calls(decision: PolicyDecision) {
  return decision.kind === 'tool_calls' ? decision.calls : [];
}

function answer(decision: PolicyDecision): string {
  return decision.kind === 'answer' ? decision.text : '';
}

describe('decideNextTurn with the customer-support policy', () => {
  it('looks the order up first when the user gives an order number', () => {
    expect(calls(decide([user('Where is my order ORD-10001?')]))).toEqual([
      { name: 'lookup_order', arguments: { order_id: 'ORD-10001' } },
    ]);
  });

  it('takes an argument from an earlier tool result', () => {
    const decision = decide([
      user('Where is my order ORD-10001?'),
      called('lookup_order'),
      result({ order_id: 'ORD-10001', status: 'shipped', tracking_number: 'TRK12345678' }),
    ]);
    expect(calls(decision)).toEqual([
      { name: 'track_shipment', arguments: { tracking_number: 'TRK12345678' } },
    ]);
  });

  it('makes independent calls in parallel, at most three', () => {
    const decision = decide([user('I want a refund for ORD-12345, the headphones arrived broken')]);
    expect(calls(decision).map((call) => call.name)).toEqual([
      'lookup_order',
      'get_refund_policy',
      'initiate_refund',
    ]);
  });

  it('makes one call at a time when parallel tool calls are off', () => {
    const decision = decide([user('I want a refund for ORD-12345')], undefined, false);
    expect(calls(decision).map((call) => call.name)).toEqual(['lookup_order']);
  });

  it('emits a handoff alone, before any other tool', () => {
    const decision = decide(
      [user('Where is order ORD-10001? Also my router keeps disconnecting with error E042.')],
      offered(agentTools.customerService),
    );
    // The order lookup comes first; the handoff waits for a turn of its own.
    expect(calls(decision).map((call) => call.name)).toEqual(['lookup_order']);
    const next = decide(
      [
        user('Where is order ORD-10001? Also my router keeps disconnecting with error E042.'),
        called('lookup_order', 'track_shipment'),
      ],
      offered(agentTools.customerService),
    );
    expect(calls(next).map((call) => call.name)).toEqual(['transfer_to_technical_support']);
  });

  it('has technical support work the device, then hand a billing problem back to customer service', () => {
    const both = user(
      'My router DEV-2001 keeps dropping Wi-Fi and I was billed twice for it on my invoice.',
    );
    const tech = offered(agentTools.technicalSupport);
    expect(calls(decide([both], tech)).map((call) => call.name)).toEqual([
      'search_known_issues',
      'run_diagnostics',
    ]);
    const worked = [
      both,
      called('search_known_issues', 'run_diagnostics'),
      result({ title: 'Wi-Fi drops', fix: 'Update the firmware' }),
      result({ healthy: false }),
    ];
    expect(calls(decide(worked, tech)).map((call) => call.name)).toEqual([
      'transfer_to_customer_service',
    ]);
    // Customer service, given only the customer's words again, sends the device problem on.
    expect(calls(decide([both], offered(agentTools.customerService))).map((c) => c.name)).toEqual([
      'transfer_to_technical_support',
    ]);
  });

  it('leaves a billing question with customer service and the single agent (no such handoff)', () => {
    const billing = [user('I was double charged on my last invoice, can you check the billing?')];
    expect(decide(billing, offered(agentTools.customerService)).kind).toBe('answer');
    expect(decide(billing).kind).toBe('answer');
    expect(calls(decide(billing, offered(agentTools.technicalSupport)))).toEqual([
      {
        name: 'transfer_to_customer_service',
        arguments: expect.objectContaining({ reason: expect.any(String) }) as unknown,
      },
    ]);
  });

  it('asks for the order number when the user gave none', () => {
    const decision = decide([user('Where is my order? It has not arrived.')]);
    expect(decision.kind).toBe('answer');
    expect(answer(decision)).toMatch(/could you please share your order number/i);
  });

  it('answers an FAQ question from the system prompt', () => {
    const faq = [
      'You are the support assistant of Acme.',
      'Shipping: standard shipping takes 3-5 business days.',
      'Returns: items can be returned within 30 days of delivery.',
      'Opening hours: our phone line is open 9am-5pm on weekdays.',
    ].join('\n');
    const text = answer(decide([system(faq), user('When is your phone line open?')]));
    expect(text).toContain('Opening hours: our phone line is open 9am-5pm on weekdays.');
    expect(text).not.toContain('Shipping:');
  });

  it('reports the salient facts of tool results in the final answer', () => {
    const text = answer(
      decide([
        user('Where is my order ORD-10001?'),
        called('lookup_order', 'track_shipment'),
        result({ order_id: 'ORD-10001', tracking_number: 'TRK12345678' }),
        result({ status: 'in_transit', eta: '2026-12-01', carrier: 'UPS', internal: 'x' }),
      ]),
    );
    expect(text).toContain('status: in_transit, eta: 2026-12-01, tracking_number: TRK12345678');
  });

  it('fills enums from the words of the request and emails by pattern', () => {
    const decision = decide([user('Please reset my password, my email is ann@example.com')]);
    expect(calls(decision)).toEqual([
      { name: 'account_help', arguments: { email: 'ann@example.com', action: 'reset_password' } },
    ]);
  });

  it('is deterministic per random stream and varies across streams', () => {
    const messages = [user('Hello there')];
    expect(answer(decide(messages, undefined, true, 5))).toBe(
      answer(decide(messages, undefined, true, 5)),
    );
    const texts = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) => answer(decide(messages, [], true, seed))),
    );
    expect(texts.size).toBeGreaterThan(1);
  });

  it('does not repeat a tool it already called', () => {
    const decision = decide([
      user('What is your refund policy for electronics?'),
      called('get_refund_policy'),
      result({ category: 'electronics', window_days: 30 }),
    ]);
    expect(decision.kind).toBe('answer');
    expect(answer(decision)).toContain('window_days: 30');
  });
});
