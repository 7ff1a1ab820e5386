/**
 * Prices for the models the default scenarios and configs use, in USD per 1M tokens.
 *
 * Each entry names its source. The figures agree with the vendors' published price pages and
 * with LiteLLM's model_prices_and_context_window.json as synced on 2026-07-24 (e.g. gpt-4o
 * input 2.5e-06 / output 1e-05 USD per token). Load a newer LiteLLM file to override them.
 */
export interface ModelPrice {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  /** Price of input tokens served from the prompt cache; defaults to the input price. */
  cachedInputUsdPerMTok?: number;
  source: string;
}

const OPENAI =
  'OpenAI API pricing (platform.openai.com/docs/pricing), checked against LiteLLM 2026-07-24';
const ANTHROPIC =
  'Anthropic API pricing (docs.anthropic.com pricing), checked against LiteLLM 2026-07-24';

export const BUILTIN_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o-mini': {
    inputUsdPerMTok: 0.15,
    outputUsdPerMTok: 0.6,
    cachedInputUsdPerMTok: 0.075,
    source: OPENAI,
  },
  'gpt-4o': {
    inputUsdPerMTok: 2.5,
    outputUsdPerMTok: 10,
    cachedInputUsdPerMTok: 1.25,
    source: OPENAI,
  },
  'gpt-4.1': {
    inputUsdPerMTok: 2,
    outputUsdPerMTok: 8,
    cachedInputUsdPerMTok: 0.5,
    source: OPENAI,
  },
  'gpt-4.1-mini': {
    inputUsdPerMTok: 0.4,
    outputUsdPerMTok: 1.6,
    cachedInputUsdPerMTok: 0.1,
    source: OPENAI,
  },
  'gpt-4.1-nano': {
    inputUsdPerMTok: 0.1,
    outputUsdPerMTok: 0.4,
    cachedInputUsdPerMTok: 0.025,
    source: OPENAI,
  },
  'gpt-5': {
    inputUsdPerMTok: 1.25,
    outputUsdPerMTok: 10,
    cachedInputUsdPerMTok: 0.125,
    source: OPENAI,
  },
  'gpt-5-mini': {
    inputUsdPerMTok: 0.25,
    outputUsdPerMTok: 2,
    cachedInputUsdPerMTok: 0.025,
    source: OPENAI,
  },
  'gpt-5-nano': {
    inputUsdPerMTok: 0.05,
    outputUsdPerMTok: 0.4,
    cachedInputUsdPerMTok: 0.005,
    source: OPENAI,
  },
  'claude-haiku-4-5': {
    inputUsdPerMTok: 1,
    outputUsdPerMTok: 5,
    cachedInputUsdPerMTok: 0.1,
    source: ANTHROPIC,
  },
  'claude-sonnet-4-5': {
    inputUsdPerMTok: 3,
    outputUsdPerMTok: 15,
    cachedInputUsdPerMTok: 0.3,
    source: ANTHROPIC,
  },
};
