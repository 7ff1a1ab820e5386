import { countTokens, decodeGenerator, encode } from 'gpt-tokenizer/encoding/o200k_base';

// Conversation text may contain strings like "<|endoftext|>"; count them as text, never reject.
const asPlainText = { disallowedSpecial: new Set<string>() };

/** o200k_base token counting with a bounded cache, shared by usage figures and the policy. */
export interface TokenCounter {
  /** Number of o200k_base tokens in `text`. Cached: system prompts and tool lists repeat. */
  count(text: string): number;
  /**
   * The text as streamed pieces (about one per token) and its exact token count. Cached too: a
   * mock answers the same questions with the same text, and a plan splits its answer twice.
   */
  split(text: string): { pieces: readonly string[]; tokenCount: number };
  /** The longest prefix of `text` that fits in `maxTokens` tokens. */
  truncate(text: string, maxTokens: number): string;
}

/** A map of at most `maxEntries`, dropping the least recently used first. */
function boundedCache<V>(maxEntries: number) {
  const entries = new Map<string, V>();
  return {
    get(key: string): V | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        // Re-insert so the map's order is least recently used first.
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: string, value: V): V {
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, value);
      return value;
    },
  };
}

/**
 * Creates a counter whose caches hold at most `maxEntries` strings each, dropping the least
 * recently used first, so a long benchmark cannot grow them without bound.
 *
 * @example
 * const tokens = createTokenCounter();
 * tokens.count('Hello! How can I assist you today?'); // 9
 */
export function createTokenCounter(maxEntries = 512): TokenCounter {
  const counts = boundedCache<number>(maxEntries);
  const splits = boundedCache<{ pieces: readonly string[]; tokenCount: number }>(maxEntries);
  return {
    count(text) {
      if (text.length === 0) return 0;
      return counts.get(text) ?? counts.set(text, countTokens(text, asPlainText));
    },
    split(text) {
      const cached = splits.get(text);
      if (cached) return cached;
      const tokens = encode(text, asPlainText);
      // decodeGenerator joins tokens that end inside a multi-byte character, so no piece is
      // ever half a character.
      const pieces = Object.freeze([...decodeGenerator(tokens)]);
      return splits.set(text, { pieces, tokenCount: tokens.length });
    },
    truncate(text, maxTokens) {
      const pieces = [...decodeGenerator(encode(text, asPlainText))].slice(0, maxTokens);
      let prefix = pieces.join('');
      // Re-encoding a prefix can merge differently at its end; trim until it really fits.
      while (prefix.length > 0 && countTokens(prefix, asPlainText) > maxTokens) {
        pieces.pop();
        prefix = pieces.join('');
      }
      return prefix;
    },
  };
}
