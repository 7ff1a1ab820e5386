import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError, ErrorCodes } from '../errors.js';
import type { ModelPrice } from './builtin-prices.js';

/** The fields of a LiteLLM `model_prices_and_context_window.json` entry that price tokens. */
const LiteLLMEntry = z.looseObject({
  input_cost_per_token: z.number().nonnegative().optional(),
  output_cost_per_token: z.number().nonnegative().optional(),
  cache_read_input_token_cost: z.number().nonnegative().optional(),
  litellm_provider: z.string().optional(),
  mode: z.string().optional(),
});

export interface LiteLLMPrices {
  prices: Record<string, ModelPrice>;
  /** Entries without token prices (images, audio, rerank…) that were not loaded, by name. */
  skipped: string[];
}

/**
 * Parses a LiteLLM-format price table. Entries with per-token input and output prices become
 * USD-per-1M prices; each entry is also reachable under `<litellm_provider>/<name>`. Entries
 * priced per image, second or query are skipped (and listed), not priced at $0. A malformed
 * file is an error naming the file and the entry.
 */
export function parseLiteLLMPrices(text: string, file: string): LiteLLMPrices {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      ErrorCodes.priceFileInvalid,
      `${file}: not valid JSON (${(error as Error).message}). Expected LiteLLM's model_prices_and_context_window.json format.`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(
      ErrorCodes.priceFileInvalid,
      `${file}: expected a JSON object keyed by model name.`,
    );
  }
  const prices: Record<string, ModelPrice> = {};
  const skipped: string[] = [];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'sample_spec' || typeof value !== 'object' || value === null) continue;
    const entry = LiteLLMEntry.safeParse(value);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      problems.push(`${name}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
      continue;
    }
    const { input_cost_per_token: input, output_cost_per_token: output } = entry.data;
    if (input === undefined || output === undefined) {
      skipped.push(name);
      continue;
    }
    const price: ModelPrice = {
      inputUsdPerMTok: input * 1e6,
      outputUsdPerMTok: output * 1e6,
      ...(entry.data.cache_read_input_token_cost === undefined
        ? {}
        : { cachedInputUsdPerMTok: entry.data.cache_read_input_token_cost * 1e6 }),
      source: `${file} (LiteLLM format)`,
    };
    prices[name] = price;
    const provider = entry.data.litellm_provider;
    if (provider && !name.startsWith(`${provider}/`)) prices[`${provider}/${name}`] ??= price;
  }
  if (problems.length > 0) {
    throw new ConfigError(
      ErrorCodes.priceFileInvalid,
      `${file}: ${problems.length} invalid price entr${problems.length === 1 ? 'y' : 'ies'}:\n  ${problems.slice(0, 20).join('\n  ')}\nFix the numbers (USD per token, ≥ 0) or remove the entries.`,
    );
  }
  return { prices, skipped };
}

export async function loadLiteLLMPrices(file: string): Promise<LiteLLMPrices> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      ErrorCodes.priceFileInvalid,
      `Cannot read price file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Check the path.`,
    );
  }
  return parseLiteLLMPrices(text, file);
}
