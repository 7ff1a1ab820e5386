import { ChatOpenAI } from '@langchain/openai';
import { afterAll } from 'vitest';
import { createAgnoAgentOSProvider } from '../../src/providers/agno-agentos.js';
import { createAnthropicProvider } from '../../src/providers/anthropic.js';
import { createUndiciFetch } from '../../src/providers/http/undici-fetch.js';
import { createLangChainProvider } from '../../src/providers/langchain.js';
import { createOpenAICompatibleProvider } from '../../src/providers/openai-compatible.js';
import { createOpenAIResponsesProvider } from '../../src/providers/openai-responses.js';
import { describeProviderContract } from './provider-contract.js';

describeProviderContract({
  name: 'OpenAI chat completions',
  model: 'gpt-4o-mini',
  client: (origin) => createOpenAICompatibleProvider({ baseURL: `${origin}/v1`, apiKey: 'k' }),
  serverSideTools: false,
});

// The clients the live backends use: the SDK on undici's keep-alive pool.
const pool = createUndiciFetch();
afterAll(() => pool.close());

describeProviderContract({
  name: 'OpenAI chat completions on undici',
  model: 'gpt-4o-mini',
  client: (origin) =>
    createOpenAICompatibleProvider({ baseURL: `${origin}/v1`, apiKey: 'k', fetch: pool.fetch }),
  serverSideTools: false,
  transports: ['loopback'],
});

describeProviderContract({
  name: 'OpenAI Responses on undici',
  model: 'gpt-4o-mini',
  client: (origin) =>
    createOpenAIResponsesProvider({ baseURL: `${origin}/v1`, apiKey: 'k', fetch: pool.fetch }),
  serverSideTools: false,
  transports: ['loopback'],
});

describeProviderContract({
  name: 'OpenAI Responses',
  model: 'gpt-4o-mini',
  client: (origin) => createOpenAIResponsesProvider({ baseURL: `${origin}/v1`, apiKey: 'k' }),
  serverSideTools: false,
});

describeProviderContract({
  name: 'Anthropic Messages',
  model: 'claude-haiku-4-5',
  client: (origin) => createAnthropicProvider({ baseURL: origin, apiKey: 'k' }),
  serverSideTools: false,
  faultCodes: { overloaded: 'overloaded' },
});

describeProviderContract({
  name: 'Anthropic Messages on undici',
  model: 'claude-haiku-4-5',
  client: (origin) => createAnthropicProvider({ baseURL: origin, apiKey: 'k', fetch: pool.fetch }),
  serverSideTools: false,
  faultCodes: { overloaded: 'overloaded' },
  transports: ['loopback'],
});

describeProviderContract({
  name: 'Agno AgentOS',
  model: 'gpt-4o',
  client: (origin) => createAgnoAgentOSProvider({ baseURL: origin, agentId: 'support-agent' }),
  serverSideTools: true,
});

describeProviderContract({
  name: 'LangChain ChatOpenAI',
  model: 'gpt-4o-mini',
  client: (origin) =>
    createLangChainProvider({
      model: ({ model, maxOutputTokens, temperature }) =>
        new ChatOpenAI({
          model,
          apiKey: 'k',
          configuration: {
            baseURL: `${origin}/v1`,
            fetch: (...args: Parameters<typeof fetch>) => globalThis.fetch(...args),
          },
          ...(maxOutputTokens === undefined ? {} : { maxTokens: maxOutputTokens }),
          ...(temperature === undefined ? {} : { temperature }),
        }),
    }),
  serverSideTools: false,
});
