import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { PriceTable } from './price-table.js';

describe('PriceTable', () => {
  const prices = new PriceTable();

  it('prices input and output tokens per million', () => {
    const cost = prices.costOf('gpt-4o', { inputTokens: 1_000, outputTokens: 100 });
    expect(cost.inputUsd).toBeCloseTo(0.0025, 12);
    expect(cost.outputUsd).toBeCloseTo(0.001, 12);
    expect(cost.totalUsd).toBeCloseTo(0.0035, 12);
  });

  it('bills cached input tokens at the cache-read price', () => {
    const cost = prices.costOf('gpt-4o-mini', {
      inputTokens: 1_000,
      outputTokens: 0,
      cachedInputTokens: 400,
    });
    expect(cost.inputUsd).toBeCloseTo((600 * 0.15) / 1e6, 15);
    expect(cost.cachedInputUsd).toBeCloseTo((400 * 0.075) / 1e6, 15);
  });

  it('resolves dated snapshots and provider-prefixed names', () => {
    expect(
      prices.costOf('gpt-4o-mini-2024-07-18', { inputTokens: 1, outputTokens: 0 }).pricedAs,
    ).toBe('gpt-4o-mini');
    expect(prices.costOf('openai/gpt-4o', { inputTokens: 1, outputTokens: 0 }).pricedAs).toBe(
      'gpt-4o',
    );
    expect(prices.has('claude-haiku-4-5-20251001')).toBe(true);
  });

  it('refuses an unknown model with a clear error instead of pricing it at $0', () => {
    expect(() => prices.costOf('gpt-4o-turbo-max', { inputTokens: 10, outputTokens: 10 })).toThrow(
      ConfigError,
    );
    try {
      prices.priceOf('gpt-4o-turbo-max');
    } catch (error) {
      expect(error).toMatchObject({ code: 'HB_UNKNOWN_MODEL', isUserError: true });
      expect((error as Error).message).toMatch(/No price for model "gpt-4o-turbo-max"/);
      expect((error as Error).message).toMatch(/--prices FILE/);
    }
  });

  it('layers overrides over the built-in table', () => {
    const custom = prices.with({
      'my-model': { inputUsdPerMTok: 1, outputUsdPerMTok: 2, source: 'test' },
    });
    expect(custom.costOf('my-model', { inputTokens: 1e6, outputTokens: 1e6 }).totalUsd).toBe(3);
    expect(prices.has('my-model')).toBe(false);
  });
});
