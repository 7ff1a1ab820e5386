import { countTokens, decodeGenerator, encode } from 'gpt-tokenizer/encoding/o200k_base';

// Conversation text may contain strings like "<|endoftext|>"; count them as text, never reject.
const asPlainText = { disallowedSpecial: new Set<string>() };

/** o200k_base token counting with a bounded cache, shared by usage figures and the policy. */
export interface TokenCounter {
  /** Number of o200k_base tokens in `text`. Cached: system prompts and tool lists repeat. */
  count(text: string): number;
  /** The text as streamed pieces (about one per token) and its exact token count. */
  split(text: string): { pieces: string[]; tokenCount: number };
  /** The longest prefix of `text` that fits in `maxTokens` tokens. */
  truncate(text: string, maxTokens: number): string;
}

/**
 * Creates a counter whose cache holds at most `maxEntries` strings, dropping the least recently
 * used first, so a long benchmark cannot grow it without bound.
 *
 * @example
 * const tokens = createTokenCounter();
 * tokens.count('Hello! How can I assist you today?'); // 9
 */
export function createTokenCounter(maxEntries = 512): TokenCounter {
  const cache = new Map<string, number>();
  return {
    count(text) {
      if (text.length === 0) return 0;
      const cached = cache.get(text);
      if (cached !== undefined) {
        // Re-insert so the map's order is least recently used first.
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const counted = countTokens(text, asPlainText);
      if (cache.size >= maxEntries) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      cache.set(text, counted);
      return counted;
    },
    split(text) {
      const tokens = encode(text, asPlainText);
      // decodeGenerator joins tokens that end inside a multi-byte character, so no piece is
      // ever half a character.
      return { pieces: [...decodeGenerator(tokens)], tokenCount: tokens.length };
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
