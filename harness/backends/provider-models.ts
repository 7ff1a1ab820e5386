import type { BridgeConfigInput } from '../../src/index.js';

/**
 * The wire protocols a live backend can speak; `langchain` is OpenAI's, through a LangChain.js
 * `ChatOpenAI` (the LangChain adapter's path).
 */
export const LIVE_PROVIDERS = [
  'openai',
  'openai-responses',
  'anthropic',
  'agno-agentos',
  'langchain',
] as const;
export type LiveProvider = (typeof LIVE_PROVIDERS)[number];

/**
 * The model names a run uses on one provider: the demo agents' (agno-only runs the prototype)
 * and the bridge's path models and fallbacks. Every name must be one the provider serves and
 * the price table knows.
 */
export interface ProviderModels {
  agents: {
    prototype: string;
    customerService: string;
    technicalSupport: string;
    escalation: string;
  };
  simple: string;
  complex: string;
  /** Model → models to try, in order, when it keeps failing. */
  fallbacks: Readonly<Record<string, readonly string[]>>;
}

/** The runtime's own defaults, served by OpenAI (chat completions, Responses, or LangChain). */
const OPENAI_MODELS = {
  agents: {
    prototype: 'gpt-4o',
    customerService: 'gpt-4o-mini',
    technicalSupport: 'gpt-4o',
    escalation: 'gpt-4o',
  },
  simple: 'gpt-4o-mini',
  complex: 'gpt-4o',
  fallbacks: { 'gpt-4o': ['gpt-4.1'], 'gpt-4o-mini': ['gpt-4.1-mini'] },
} as const satisfies ProviderModels;

/**
 * Defaults per provider. OpenAI's (and LangChain's, which calls OpenAI) are the runtime's own
 * defaults; Anthropic's put the cheap path and the first-line agent on haiku and the rest on
 * sonnet. AgentOS has none: the remote agent owns its model (see {@link agentOSModels}).
 */
export const PROVIDER_MODELS = {
  openai: OPENAI_MODELS,
  'openai-responses': OPENAI_MODELS,
  langchain: OPENAI_MODELS,
  anthropic: {
    agents: {
      prototype: 'claude-sonnet-4-5',
      customerService: 'claude-haiku-4-5',
      technicalSupport: 'claude-sonnet-4-5',
      escalation: 'claude-sonnet-4-5',
    },
    simple: 'claude-haiku-4-5',
    complex: 'claude-sonnet-4-5',
    fallbacks: { 'claude-sonnet-4-5': ['claude-haiku-4-5'] },
  },
} as const satisfies Record<Exclude<LiveProvider, 'agno-agentos'>, ProviderModels>;

/**
 * An AgentOS agent runs its own model whatever the bridge asks for, so every name is the model
 * the agent reports: calls are priced as that model (or as what each run reports, when that has
 * a price). No fallbacks: another model name would reach the same agent.
 */
export function agentOSModels(model: string): ProviderModels {
  return {
    agents: {
      prototype: model,
      customerService: model,
      technicalSupport: model,
      escalation: model,
    },
    simple: model,
    complex: model,
    fallbacks: {},
  };
}

/** The bridge config that points the paths and fallbacks at `models`; the rest stays default. */
export function bridgeConfigFor(models: ProviderModels): BridgeConfigInput {
  return {
    paths: { simple: { model: models.simple }, complex: { model: models.complex } },
    resilience: {
      fallbacks: {
        models: Object.fromEntries(
          Object.entries(models.fallbacks).map(([model, next]) => [model, [...next]]),
        ),
      },
    },
  };
}
