import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSuite } from './parse-suite.js';
import type { Suite } from './types.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function ok(text: string): Suite {
  const result = parseSuite(text, 'suite.yaml');
  if (result.state !== 'ok') throw new Error(JSON.stringify(result.issues, null, 2));
  return result.suite;
}

const minimal = [
  'suite:',
  '  name: tiny',
  'requests:',
  '  - id: hello',
  '    messages: "Hi there"',
  '    expect: { path: simple, outcome: resolved }',
].join('\n');

describe('parseSuite on a valid suite', () => {
  it('resolves every field of the fixture', () => {
    const suite = ok(fixture('valid.yaml'));
    expect(suite.name).toBe('customer-support');
    expect(suite.description).toBe('Default suite for the support agents');
    expect(suite.repetitions).toBe(3);
    expect(suite.sla).toEqual({
      simple: { latency: { stat: 'p95', maxMs: 3000 }, cost: { stat: 'mean', maxUsd: 0.007 } },
      complex: { latency: { stat: 'p95', maxMs: 15000 } },
    });
    expect(suite.requests.map((r) => [r.id, r.line])).toEqual([
      ['faq-shipping-time', 11],
      ['order-status', 19],
      ['broken-device-refund', 35],
    ]);
    const order = suite.requests[1];
    expect(order?.weight).toBe(2.5);
    expect(order?.userId).toBe('u-001');
    expect(order?.metadata).toEqual({ path: 'complex' });
    expect(order?.messages).toHaveLength(3);
    expect(order?.expect.regex).toBe('ORD-\\d{5}');
    expect(order?.expect).toMatchObject({ toolsCalled: ['lookup_order'], maxCostUsd: 0.01 });
    expect(suite.requests[2]?.expect.handoffs).toEqual([
      'customer-service',
      'technical-support',
      'escalation',
    ]);
  });

  it('applies the defaults when fields are left out', () => {
    const suite = ok(minimal);
    expect(suite.file).toBe('suite.yaml');
    expect(suite.sla).toEqual({});
    expect(suite.repetitions).toBe(1);
    expect(suite.requests[0]).toEqual({
      id: 'hello',
      tags: [],
      weight: 1,
      messages: [{ role: 'user', content: 'Hi there' }],
      metadata: {},
      expect: {
        path: 'simple',
        pathSource: 'label',
        outcome: 'resolved',
        contains: [],
        notContains: [],
        toolsCalled: [],
      },
      line: 4,
    });
  });

  it('turns a string message into one user message', () => {
    const suite = ok(minimal.replace('"Hi there"', '"Where is ORD-12345?"'));
    expect(suite.requests[0]?.messages).toEqual([{ role: 'user', content: 'Where is ORD-12345?' }]);
  });

  it('keeps a conversation in order', () => {
    const text = minimal.replace(
      'messages: "Hi there"',
      'messages: [{ role: user, content: a }, { role: assistant, content: b }, { role: user, content: c }]',
    );
    const contents = ok(text).requests[0]?.messages.map((m) => `${m.role}:${m.content}`);
    expect(contents).toEqual(['user:a', 'assistant:b', 'user:c']);
  });

  it('follows YAML anchors and aliases', () => {
    const text = [
      'suite: { name: tiny }',
      'requests:',
      '  - id: one',
      '    messages: hi',
      '    expect: &faq { path: simple, outcome: resolved }',
      '  - id: two',
      '    messages: hello',
      '    expect: *faq',
    ].join('\n');
    expect(ok(text).requests[1]?.expect.path).toBe('simple');
  });
});
