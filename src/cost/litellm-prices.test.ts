import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLiteLLMPrices, parseLiteLLMPrices } from './litellm-prices.js';
import { PriceTable } from './price-table.js';

const FIXTURE = JSON.stringify({
  sample_spec: { input_cost_per_token: 0, litellm_provider: 'one of …' },
  'gpt-4o-mini': {
    input_cost_per_token: 1.5e-7,
    output_cost_per_token: 6e-7,
    cache_read_input_token_cost: 7.5e-8,
    litellm_provider: 'openai',
    mode: 'chat',
    max_input_tokens: 128000,
  },
  'azure/gpt-4o-mini': {
    input_cost_per_token: 1.65e-7,
    output_cost_per_token: 6.6e-7,
    litellm_provider: 'azure',
    mode: 'chat',
  },
  'dall-e-3': { output_cost_per_image: 0.04, litellm_provider: 'openai', mode: 'image_generation' },
});

describe('LiteLLM price files', () => {
  it('loads per-token prices as USD per 1M tokens, with provider-prefixed aliases', () => {
    const { prices, skipped } = parseLiteLLMPrices(FIXTURE, 'prices.json');
    expect(prices['gpt-4o-mini']?.inputUsdPerMTok).toBeCloseTo(0.15, 12);
    expect(prices['gpt-4o-mini']?.cachedInputUsdPerMTok).toBeCloseTo(0.075, 12);
    expect(prices['openai/gpt-4o-mini']).toBe(prices['gpt-4o-mini']);
    expect(prices['azure/gpt-4o-mini']?.outputUsdPerMTok).toBeCloseTo(0.66, 12);
    expect(skipped).toEqual(['dall-e-3']);
    const table = new PriceTable(prices);
    expect(
      table.costOf('gpt-4o-mini-2024-07-18', { inputTokens: 1e6, outputTokens: 0 }).totalUsd,
    ).toBeCloseTo(0.15, 12);
    expect(table.has('dall-e-3')).toBe(false);
  });

  it('names the file and the entry when a price is invalid', () => {
    const bad = JSON.stringify({
      'gpt-x': { input_cost_per_token: 'cheap', output_cost_per_token: 1e-6 },
    });
    expect(() => parseLiteLLMPrices(bad, 'p.json')).toThrow(
      /p\.json: 1 invalid price entry:\n {2}gpt-x\.input_cost_per_token/,
    );
  });

  it('rejects a file that is not JSON or not an object, naming the file', () => {
    expect(() => parseLiteLLMPrices('{oops', 'p.json')).toThrow(/p\.json: not valid JSON/);
    expect(() => parseLiteLLMPrices('[1,2]', 'p.json')).toThrow(/p\.json: expected a JSON object/);
  });

  it('reads from disk and reports a missing file clearly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prices-'));
    const file = join(dir, 'prices.json');
    await writeFile(file, FIXTURE);
    expect(Object.keys((await loadLiteLLMPrices(file)).prices)).toContain('gpt-4o-mini');
    await expect(loadLiteLLMPrices(join(dir, 'missing.json'))).rejects.toMatchObject({
      code: 'HB_PRICE_FILE_INVALID',
      message: expect.stringMatching(/Cannot read price file .*missing\.json: ENOENT/),
    });
  });
});
