import { ConfigError, ErrorCodes } from '../errors.js';
import type { Usage } from '../providers/provider.js';
import { BUILTIN_PRICES, type ModelPrice } from './builtin-prices.js';

export interface CallCost {
  inputUsd: number;
  cachedInputUsd: number;
  outputUsd: number;
  totalUsd: number;
  /** The price-table key that priced this call (after alias resolution). */
  pricedAs: string;
}

/** `gpt-4o-2024-08-06` → `gpt-4o`; `claude-3-5-haiku-20241022` → `claude-3-5-haiku`. */
const SNAPSHOT_SUFFIX = /-(\d{4}-\d{2}-\d{2}|\d{8})$/;

/**
 * A price table: model name → USD per 1M tokens. Resolves the names backends actually report
 * (dated snapshots, provider-prefixed keys such as `openai/gpt-4o`) and refuses to price a model
 * it does not know: an unpriced model is an error, never a silent $0.
 *
 * @example
 * const prices = new PriceTable();
 * prices.costOf('gpt-4o-mini-2024-07-18', { inputTokens: 1000, outputTokens: 200 }).totalUsd; // 0.00027
 */
export class PriceTable {
  readonly #prices: Map<string, ModelPrice>;

  constructor(prices: Readonly<Record<string, ModelPrice>> = BUILTIN_PRICES) {
    this.#prices = new Map(Object.entries(prices));
  }

  /** A new table with `overrides` layered over this one. */
  with(overrides: Readonly<Record<string, ModelPrice>>): PriceTable {
    return new PriceTable({ ...Object.fromEntries(this.#prices), ...overrides });
  }

  get size(): number {
    return this.#prices.size;
  }

  has(model: string): boolean {
    return this.#resolve(model) !== undefined;
  }

  /** The key that prices `model`, trying the exact name, then without provider prefix or date. */
  #resolve(model: string): string | undefined {
    const candidates = [model];
    const slash = model.indexOf('/');
    if (slash > 0) candidates.push(model.slice(slash + 1));
    for (const name of [...candidates]) candidates.push(name.replace(SNAPSHOT_SUFFIX, ''));
    for (const name of [...candidates]) candidates.push(`openai/${name}`, `anthropic/${name}`);
    return candidates.find((name) => this.#prices.has(name));
  }

  priceOf(model: string): ModelPrice & { key: string } {
    const key = this.#resolve(model);
    const price = key === undefined ? undefined : this.#prices.get(key);
    if (key === undefined || price === undefined) {
      throw new ConfigError(
        ErrorCodes.unknownModel,
        `No price for model "${model}". ${this.#suggest(model)}Add it to the price table: ` +
          'set `prices` in the config or pass a LiteLLM-format price file (--prices FILE).',
      );
    }
    return { ...price, key };
  }

  costOf(model: string, usage: Usage): CallCost {
    const price = this.priceOf(model);
    const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
    const inputUsd = ((usage.inputTokens - cached) * price.inputUsdPerMTok) / 1e6;
    const cachedInputUsd = (cached * (price.cachedInputUsdPerMTok ?? price.inputUsdPerMTok)) / 1e6;
    const outputUsd = (usage.outputTokens * price.outputUsdPerMTok) / 1e6;
    return {
      inputUsd,
      cachedInputUsd,
      outputUsd,
      totalUsd: inputUsd + cachedInputUsd + outputUsd,
      pricedAs: price.key,
    };
  }

  #suggest(model: string): string {
    const stem = model.toLowerCase().replace(SNAPSHOT_SUFFIX, '').split('/').pop() ?? model;
    const close = [...this.#prices.keys()]
      .filter((key) => key.includes(stem) || stem.includes(key.split('/').pop() ?? key))
      .slice(0, 3);
    return close.length > 0 ? `Did you mean ${close.map((k) => `"${k}"`).join(', ')}? ` : '';
  }
}
