/**
 * An example hybrid-bench plugin: a provider that answers from a local FAQ instead of a model,
 * a `search_faq` tool for the agents, and a router that sends FAQ questions to the simple path.
 *
 * Outside this repository, import from 'hybrid-bench' instead of the relative path.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  type CallOptions,
  type Clock,
  definePlugin,
  defineTool,
  type ModelOutcome,
  type ModelRequest,
  type Provider,
} from '../../../src/index.js';
import { type FaqData, matchFaq, readFaq } from './faq.js';

const Options = z.strictObject({
  /** The FAQ file, relative to the deployment file's folder. */
  faqFile: z.string().min(1).default('./faq-provider/faq.json'),
  /** How many of an entry's keywords the question must contain. */
  minScore: z.number().int().positive().default(2),
  /** The provider id in records, metrics and breaker keys. */
  id: z.string().min(1).default('faq'),
});
type Options = z.output<typeof Options>;

function lastUserText(request: ModelRequest): string {
  for (let i = request.messages.length - 1; i >= 0; i -= 1) {
    const message = request.messages[i];
    if (message?.role === 'user') return message.content;
  }
  return '';
}

/**
 * A provider that never calls a model: each answer is the best-matching FAQ entry for the
 * customer's last message, or the FAQ's fallback. It spends no tokens, answers as the model it
 * was asked for (so records and prices line up), and streams the answer in one piece.
 */
export function createFaqProvider(faq: FaqData, options: Options, clock: Clock): Provider {
  return {
    id: options.id,
    async complete(request: ModelRequest, call: CallOptions = {}): Promise<ModelOutcome> {
      const started = clock.now();
      if (call.signal?.aborted) {
        return {
          state: 'error',
          error: { code: 'aborted', message: 'aborted', isNetwork: false, isAbort: true },
          latencyMs: clock.now() - started,
          model: request.model,
        };
      }
      const best = matchFaq(faq, lastUserText(request), options.minScore)[0];
      const text = best?.entry.answer ?? faq.fallback;
      if (request.stream) {
        call.onFirstByte?.();
        call.onText?.(text);
      }
      const latencyMs = clock.now() - started;
      return {
        state: 'ok',
        response: {
          text,
          toolCalls: [],
          usage: { inputTokens: 0, outputTokens: 0 },
          usageEstimated: false,
          ...(request.stream ? { ttftMs: latencyMs } : {}),
          latencyMs,
          model: request.model,
          finishReason: 'stop',
        },
      };
    },
  };
}

function faqOf(options: Options, configDir: string): FaqData {
  return readFaq(resolve(configDir, options.faqFile));
}

export default definePlugin({
  name: 'faq-provider',
  version: '1.0.0',
  hybridBench: '^0.1.0',
  description: 'Answers from a local FAQ file; adds a search_faq tool and an FAQ-aware router.',
  options: Options,
  providers: {
    faq: (options, context) =>
      createFaqProvider(faqOf(options, context.configDir), options, context.clock),
  },
  tools: (options, context) => {
    const faq = faqOf(options, context.configDir);
    const searchFaq = defineTool({
      name: 'search_faq',
      description: 'Search the shop FAQ (shipping, returns, payment, warranty, support hours)',
      parameters: z.object({ question: z.string().min(1).describe('The customer question') }),
      execute: ({ question }) => {
        const matches = matchFaq(faq, question, 1).slice(0, 3);
        return matches.length === 0
          ? { found: false }
          : {
              found: true,
              answers: matches.map((m) => ({ id: m.entry.id, answer: m.entry.answer })),
            };
      },
    });
    return { agents: ['prototype', 'customer-service'], tools: [searchFaq] };
  },
  // FAQ questions need no tools: the simple path. The rest as the configured rules say.
  router: (_routing, options, context) => {
    const faq = faqOf(options, context.configDir);
    return (input) => {
      const decision = context.builtIn(input);
      if (decision.reason !== 'default') return decision;
      const text = input.messages.map((m) => (m.role === 'user' ? m.content : '')).join('\n');
      const best = matchFaq(faq, text, options.minScore)[0];
      return best === undefined
        ? decision
        : { path: 'simple', reason: 'rule', rule: `faq:${best.entry.id}` };
    };
  },
});
