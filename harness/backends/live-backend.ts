import {
  type Clock,
  createAgnoAgentOSProvider,
  createAnthropicProvider,
  createOpenAICompatibleProvider,
  createOpenAIResponsesProvider,
  createUndiciFetch,
  type Provider,
  realClock,
} from '../../src/index.js';
import { agentOSAgentModel } from './agentos-agent.js';
import type { Backend } from './backend.js';
import {
  DEFAULT_AGENT_ID,
  type LiveBackendOptions,
  type ResolvedLiveOptions,
  resolveLiveOptions,
} from './live-options.js';
import { agentOSModels, PROVIDER_MODELS, type ProviderModels } from './provider-models.js';
import type { Secret } from './secret.js';

/**
 * Connects to a live backend: an OpenAI-compatible endpoint (directly, or through LangChain.js's
 * ChatOpenAI), the Anthropic Messages API or an Agno AgentOS agent. The key is read from the
 * environment variable named by `apiKeyEnv` (see {@link LiveBackendOptions}); bad options and a
 * missing key throw one `ConfigError` before anything is sent. For AgentOS it asks the server
 * which model the agent runs, and the run uses that name throughout (the agent owns its model),
 * so calls are priced as that model.
 *
 * @example
 * const backend = await startLiveBackend({ provider: 'anthropic', baseUrl: 'https://api.anthropic.com' });
 * // reads $ANTHROPIC_API_KEY; backend.models.simple === 'claude-haiku-4-5'
 */
export async function startLiveBackend(options: LiveBackendOptions): Promise<Backend> {
  const live = resolveLiveOptions(options);
  const clock = options.clock ?? realClock;
  // The OpenAI and Anthropic SDKs' calls go over undici's keep-alive pool rather than the global
  // fetch: about half the CPU per call (see `bench overhead --in-process`).
  const http = createUndiciFetch();
  const { provider, models } = await connect(live, options.timeoutMs, clock, http.fetch).catch(
    async (error: unknown) => {
      await http.close();
      throw error;
    },
  );
  return {
    name: 'live',
    baseUrl: live.baseUrl,
    providerName: live.provider,
    models,
    provider: live.apiKey ? redactFailures(provider, live.apiKey) : provider,
    close: () => http.close(),
  };
}

async function connect(
  live: ResolvedLiveOptions,
  timeoutMs: number | undefined,
  clock: Clock,
  fetch: typeof globalThis.fetch,
): Promise<{ provider: Provider; models: ProviderModels }> {
  const common = {
    baseURL: live.baseUrl,
    clock,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
  switch (live.provider) {
    case 'openai':
      return {
        provider: createOpenAICompatibleProvider({
          ...common,
          apiKey: revealed(live.apiKey),
          fetch,
        }),
        models: PROVIDER_MODELS.openai,
      };
    case 'openai-responses':
      return {
        provider: createOpenAIResponsesProvider({
          ...common,
          apiKey: revealed(live.apiKey),
          fetch,
        }),
        models: PROVIDER_MODELS['openai-responses'],
      };
    case 'anthropic':
      return {
        provider: createAnthropicProvider({ ...common, apiKey: revealed(live.apiKey), fetch }),
        models: PROVIDER_MODELS.anthropic,
      };
    case 'langchain': {
      // Loaded when asked for: LangChain is no cost to runs on the other providers.
      const { createLangChainOpenAIProvider } = await import('./langchain-backend.js');
      return {
        provider: createLangChainOpenAIProvider({ ...common, apiKey: revealed(live.apiKey) }),
        models: PROVIDER_MODELS.langchain,
      };
    }
    case 'agno-agentos': {
      const agentId = live.agentId ?? DEFAULT_AGENT_ID;
      const model = await agentOSAgentModel({
        baseUrl: live.baseUrl,
        agentId,
        clock,
        ...(live.apiKey ? { apiKey: live.apiKey } : {}),
        ...(live.apiKeyEnv ? { apiKeyEnv: live.apiKeyEnv } : {}),
      });
      return {
        provider: createAgnoAgentOSProvider({
          ...common,
          agentId,
          ...(live.apiKey ? { apiKey: live.apiKey.reveal() } : {}),
        }),
        models: agentOSModels(model),
      };
    }
  }
}

/** OpenAI (also through LangChain) and Anthropic keys are required: resolveLiveOptions read one. */
function revealed(key: Secret | undefined): string {
  if (key === undefined) throw new Error('resolveLiveOptions returned no key for a keyed provider');
  return key.reveal();
}

/**
 * A failure's message comes from the server, and some echo what they were sent (a proxy's error
 * page, a debug endpoint): the key is cut out before it can reach a record or a report.
 */
function redactFailures(provider: Provider, key: Secret): Provider {
  return {
    id: provider.id,
    ...(provider.retryOwner ? { retryOwner: provider.retryOwner } : {}),
    async complete(request, options) {
      const outcome = await provider.complete(request, options);
      if (outcome.state === 'ok') return outcome;
      const { error } = outcome;
      return {
        ...outcome,
        error: {
          ...error,
          message: key.redact(error.message),
          ...(error.providerCode === undefined
            ? {}
            : { providerCode: key.redact(error.providerCode) }),
        },
      };
    },
  };
}
