import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING } from '../config/defaults.js';
import { measureRoutingAccuracy } from './accuracy.js';
import { createRouter } from './router.js';

const user = (content: string) => [{ role: 'user' as const, content }];

describe('createRouter', () => {
  const route = createRouter({
    default: 'simple',
    rules: [
      { name: 'tech', path: 'full', patterns: ['\\bE\\d{3}\\b'] },
      { name: 'orders', path: 'complex', patterns: ['ORD-\\d{5}'] },
    ],
  });

  it('takes the first matching rule, case-insensitively', () => {
    expect(route({ messages: user('Order ord-10001 shows e042') })).toEqual({
      path: 'full',
      reason: 'rule',
      rule: 'tech',
    });
    expect(route({ messages: user('Where is ORD-10001?') })).toEqual({
      path: 'complex',
      reason: 'rule',
      rule: 'orders',
    });
  });

  it('falls back to the default path', () => {
    expect(route({ messages: user('Do you ship to Canada?') })).toEqual({
      path: 'simple',
      reason: 'default',
    });
  });

  it('obeys an explicit override in the metadata', () => {
    expect(route({ messages: user('Where is ORD-10001?'), metadata: { path: 'full' } })).toEqual({
      path: 'full',
      reason: 'override',
    });
  });

  it('reads only the customer’s messages', () => {
    const messages = [
      { role: 'assistant' as const, content: 'Your order ORD-10001 shipped.' },
      { role: 'user' as const, content: 'Thanks! How long does shipping take?' },
    ];
    expect(route({ messages }).path).toBe('simple');
  });
});

describe('measureRoutingAccuracy', () => {
  it('counts hits, builds the confusion matrix and lists misses, ignoring overrides', () => {
    const route = createRouter(DEFAULT_ROUTING);
    const result = measureRoutingAccuracy(route, [
      { id: 'a', messages: user('Where is my order ORD-10001?'), expectedPath: 'complex' },
      { id: 'b', messages: user('Do you ship to Canada?'), expectedPath: 'simple' },
      { id: 'c', messages: user('My router DEV-2001 shows E042'), expectedPath: 'full' },
      {
        id: 'd',
        messages: user('What payment methods do you take?'),
        expectedPath: 'complex',
        metadata: { path: 'complex' },
      },
    ]);
    expect(result).toMatchObject({ total: 4, correct: 3, accuracy: 0.75 });
    expect(result.confusion.complex.simple).toBe(1);
    expect(result.misses).toEqual([{ id: 'd', expected: 'complex', routed: 'simple' }]);
  });
});
