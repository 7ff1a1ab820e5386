import { ChatOpenAI } from '@langchain/openai';
import type { Clock } from '../../src/clock.js';
import { createLangChainProvider } from '../../src/providers/langchain.js';
import type { Provider } from '../../src/providers/provider.js';

export interface LangChainOpenAIOptions {
  baseURL: string;
  /** The key itself, read by the caller from the environment; never logged. */
  apiKey: string;
  clock: Clock;
  /** Per-call ceiling of the OpenAI client under ChatOpenAI. */
  timeoutMs?: number;
}

/**
 * `--provider langchain`: the bridge's calls go through a LangChain.js `ChatOpenAI` (one per
 * model name, output limit and temperature the bridge asks for) to an OpenAI-compatible
 * endpoint. Loaded only when that provider is chosen: LangChain is not a cost of other runs.
 *
 * The models are built with `maxRetries: 0`, and the adapter sends the per-call `maxRetries: 0`
 * too: the bridge's retry policy owns retries, as it does for `--provider openai`, so the two
 * are benchmarked with the same number of attempts.
 */
export function createLangChainOpenAIProvider(options: LangChainOpenAIOptions): Provider {
  return createLangChainProvider({
    id: 'langchain',
    clock: options.clock,
    model: ({ model, maxOutputTokens, temperature }) =>
      new ChatOpenAI({
        model,
        apiKey: options.apiKey,
        maxRetries: 0,
        timeout: options.timeoutMs ?? 120_000,
        configuration: {
          baseURL: options.baseURL,
          // Looked up at call time, so a fetch replaced after start-up (msw in tests) is used.
          fetch: (...args: Parameters<typeof fetch>) => globalThis.fetch(...args),
        },
        ...(maxOutputTokens === undefined ? {} : { maxTokens: maxOutputTokens }),
        ...(temperature === undefined ? {} : { temperature }),
      }),
  });
}
