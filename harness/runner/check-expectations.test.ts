import { describe, expect, it } from 'vitest';
import type { BridgeResult } from '../../src/index.js';
import type { Expectation } from '../scenario/index.js';
import { checkExpectations } from './check-expectations.js';

const result = (over: Partial<BridgeResult> = {}): BridgeResult => ({
  mode: 'hybrid',
  requestId: 'r',
  servedBy: 'full',
  degradedFrom: [],
  attempts: [],
  reliability: {
    attempts: 0,
    retries: 0,
    fallbacks: 0,
    hedges: 0,
    failedAttempts: 0,
    cachedCalls: 0,
    extraCalls: 0,
    extraCostUsd: 0,
    extraLatencyMs: 0,
    successCostUsd: 0.01,
    rescued: false,
  },
  state: 'ok',
  text: 'Your ticket ESC-1 is open; we reply within 4 hours.',
  latencyMs: 1200,
  costUsd: 0.01,
  inputTokens: 1,
  outputTokens: 1,
  calls: [],
  toolRuns: [
    { agent: 'escalation', name: 'create_escalation_ticket', ok: true, latencyMs: 0, output: {} },
  ],
  handoffs: [],
  agents: ['customer-service', 'escalation'],
  turns: [],
  escalated: true,
  ...over,
});
const expectation = (over: Partial<Expectation> = {}): Expectation => ({
  path: 'full',
  pathSource: 'label',
  outcome: 'escalated',
  contains: [],
  notContains: [],
  toolsCalled: [],
  ...over,
});

describe('checkExpectations', () => {
  it('passes when every expectation holds (case-insensitive text checks)', () => {
    const checks = checkExpectations(
      result(),
      expectation({
        contains: ['WITHIN 4 HOURS'],
        notContains: ['refund'],
        regex: 'ESC-\\d',
        toolsCalled: ['create_escalation_ticket'],
        handoffs: ['customer-service', 'escalation'],
        maxLatencyMs: 2000,
        maxCostUsd: 0.02,
      }),
    );
    expect(checks.every((c) => c.pass)).toBe(true);
    expect(checks).toHaveLength(8);
  });

  it('explains each failure', () => {
    const checks = checkExpectations(
      result({ escalated: false, latencyMs: 3000 }),
      expectation({
        contains: ['refund'],
        toolsCalled: ['initiate_refund'],
        handoffs: ['customer-service'],
        maxLatencyMs: 2000,
      }),
    );
    expect(checks.filter((c) => !c.pass)).toEqual([
      { name: 'outcome escalated', pass: false, detail: 'outcome was resolved' },
      { name: 'contains "refund"', pass: false, detail: 'not in the answer' },
      { name: 'calls initiate_refund', pass: false, detail: 'called: create_escalation_ticket' },
      {
        name: 'agents customer-service',
        pass: false,
        detail: 'agents were customer-service → escalation',
      },
      { name: 'latency ≤ 2000 ms', pass: false, detail: '3000 ms' },
    ]);
  });

  it('fails a request that ended in an error, with its code', () => {
    const checks = checkExpectations(
      result({ state: 'error', text: '', error: { code: 'timeout', message: 'deadline' } }),
      expectation(),
    );
    expect(checks).toEqual([{ name: 'completed', pass: false, detail: 'timeout: deadline' }]);
  });

  it('does not hold agno-only to the team’s handoff sequence', () => {
    const checks = checkExpectations(
      result({ mode: 'agno-only', agents: ['support-agent'] }),
      expectation({ handoffs: ['a', 'b'] }),
    );
    expect(checks.map((c) => c.name)).not.toContain('agents a → b');
  });

  it('makes no outcome assertion when none is expected (recorded traffic)', () => {
    const { outcome: _none, ...rest } = expectation();
    const checks = checkExpectations(result({ escalated: false }), rest);
    expect(checks).toEqual([]);
  });

  it('still fails a request without expectations that did not complete', () => {
    const { outcome: _none, ...rest } = expectation();
    const checks = checkExpectations(
      result({ state: 'error', text: '', error: { code: 'timeout', message: 'deadline' } }),
      rest,
    );
    expect(checks.map((c) => c.pass)).toEqual([false]);
  });
});

describe('checkExpectations with a jsonSchema', () => {
  const jsonSchema = {
    type: 'object',
    required: ['orderId', 'status'],
    properties: {
      orderId: { type: 'string', pattern: '^ORD-\\d{5}$' },
      status: { enum: ['open', 'shipped'] },
    },
  };
  const check = (text: string) =>
    checkExpectations(result({ text }), expectation({ jsonSchema })).find(
      (c) => c.name === 'matches jsonSchema',
    );

  it('passes an answer that is JSON of the right shape', () => {
    expect(check('{"orderId": "ORD-10001", "status": "shipped"}')).toEqual({
      name: 'matches jsonSchema',
      pass: true,
    });
  });

  it('says which parts of the answer are wrong', () => {
    expect(check('{"orderId": "10001", "status": "lost"}')).toEqual({
      name: 'matches jsonSchema',
      pass: false,
      detail:
        'answer/orderId must match pattern "^ORD-\\d{5}$", answer/status must be equal to one of the allowed values',
    });
  });

  it('fails an answer that is not JSON, saying so', () => {
    const found = check('Your order ORD-10001 has shipped.');
    expect(found?.pass).toBe(false);
    expect(found?.detail).toMatch(/^the answer is not JSON: /);
  });
});
