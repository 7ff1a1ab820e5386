import { describe, expect, it } from 'vitest';
import { countPromptTokens, toolCallTokens } from './prompt-tokens.js';
import { createTokenCounter } from './token-counter.js';

const tokens = createTokenCounter();

describe('countPromptTokens', () => {
  it('matches the recorded count for a single user "Hello"', () => {
    expect(
      countPromptTokens(tokens, [{ role: 'user', text: 'Hello', toolCalls: [] }], undefined),
    ).toBe(8);
  });

  it('adds the tool definitions and earlier tool calls', () => {
    const base = countPromptTokens(
      tokens,
      [{ role: 'user', text: 'Hello', toolCalls: [] }],
      undefined,
    );
    const tools = JSON.stringify([{ type: 'function', function: { name: 'lookup_order' } }]);
    expect(countPromptTokens(tokens, [{ role: 'user', text: 'Hello', toolCalls: [] }], tools)).toBe(
      base + tokens.count(tools),
    );
    const call = { name: 'get_weather', arguments: '{"city":"New York City"}' };
    const withCall = countPromptTokens(
      tokens,
      [
        { role: 'user', text: 'Hello', toolCalls: [] },
        { role: 'assistant', text: '', toolCalls: [call] },
      ],
      undefined,
    );
    expect(withCall).toBe(base + 3 + tokens.count('assistant') + toolCallTokens(tokens, call));
  });
});

describe('toolCallTokens', () => {
  it('matches the recorded 16 completion tokens of one get_weather call', () => {
    expect(
      toolCallTokens(tokens, { name: 'get_weather', arguments: '{"city":"New York City"}' }),
    ).toBe(16);
  });
});
