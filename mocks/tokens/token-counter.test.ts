import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { createTokenCounter } from './token-counter.js';

describe('createTokenCounter', () => {
  it('counts o200k_base tokens', () => {
    // As recorded: "Hello! How can I assist you today?" was billed as 9 completion tokens.
    expect(createTokenCounter().count('Hello! How can I assist you today?')).toBe(9);
  });

  it('counts special-token text as plain text instead of throwing', () => {
    expect(createTokenCounter().count('a <|endoftext|> b')).toBeGreaterThan(3);
  });

  it('splits text into pieces that rejoin to it, never halving a character', () => {
    const text = 'Grüße aus Köln 🎉 — 日本語 ok';
    const { pieces, tokenCount } = createTokenCounter().split(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.some((piece) => piece.includes('\uFFFD'))).toBe(false);
    expect(tokenCount).toBe(countTokens(text));
  });

  it('splits a repeated text once, hands out pieces nobody can change, and forgets the least recently used', () => {
    const counter = createTokenCounter(2);
    const first = counter.split('first answer');
    expect(counter.split('first answer')).toBe(first);
    expect(Object.isFrozen(first.pieces)).toBe(true);
    const second = counter.split('second answer');
    counter.split('first answer'); // refreshes "first"
    counter.split('third answer'); // evicts "second"
    expect(counter.split('first answer')).toBe(first);
    const again = counter.split('second answer'); // split anew
    expect(again).not.toBe(second);
    expect(again).toEqual(second);
  });

  it('truncates to a prefix that fits the token budget', () => {
    const counter = createTokenCounter();
    const text = 'The quick brown fox jumps over the lazy dog again and again.';
    const cut = counter.truncate(text, 5);
    expect(text.startsWith(cut)).toBe(true);
    expect(countTokens(cut)).toBeLessThanOrEqual(5);
    expect(countTokens(cut)).toBeGreaterThanOrEqual(4);
  });

  it('keeps its cache bounded, dropping the least recently used entry', () => {
    const counter = createTokenCounter(2);
    counter.count('first string');
    counter.count('second string');
    counter.count('first string'); // refreshes "first"
    counter.count('third string'); // evicts "second"
    // Counting stays correct whatever was evicted.
    expect(counter.count('second string')).toBe(countTokens('second string'));
    expect(counter.count('first string')).toBe(countTokens('first string'));
  });
});
