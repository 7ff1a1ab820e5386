import { describe, expect, it } from 'vitest';
import { anthropicLatencyProfiles, defaultLatencyProfiles } from '../../mocks/index.js';
import {
  createBridge,
  createSupportDemo,
  DEFAULT_CONFIG,
  ErrorCodes,
  PriceTable,
  type Provider,
  resolveConfig,
} from '../../src/index.js';
import {
  agentOSModels,
  bridgeConfigFor,
  PROVIDER_MODELS,
  type ProviderModels,
} from './provider-models.js';

function namesOf(models: ProviderModels): string[] {
  return [
    ...Object.values(models.agents),
    models.simple,
    models.complex,
    ...Object.entries(models.fallbacks).flat(2),
  ];
}

describe('PROVIDER_MODELS', () => {
  it('the OpenAI preset is the runtime’s own defaults', () => {
    const defaults = resolveConfig({});
    expect(PROVIDER_MODELS.openai.simple).toBe(DEFAULT_CONFIG.paths.simple.model);
    expect(PROVIDER_MODELS.openai.complex).toBe(DEFAULT_CONFIG.paths.complex.model);
    expect(PROVIDER_MODELS.openai.fallbacks).toEqual(defaults.resilience.fallbacks.models);
  });

  it('the Anthropic preset: haiku for simple and customer service, sonnet elsewhere, sonnet → haiku', () => {
    expect(PROVIDER_MODELS.anthropic).toEqual({
      agents: {
        prototype: 'claude-sonnet-4-5',
        customerService: 'claude-haiku-4-5',
        technicalSupport: 'claude-sonnet-4-5',
        escalation: 'claude-sonnet-4-5',
      },
      simple: 'claude-haiku-4-5',
      complex: 'claude-sonnet-4-5',
      fallbacks: { 'claude-sonnet-4-5': ['claude-haiku-4-5'] },
    });
  });

  it('every preset model has a built-in price', () => {
    const prices = new PriceTable();
    for (const models of Object.values(PROVIDER_MODELS)) {
      for (const name of namesOf(models)) expect(prices.has(name), name).toBe(true);
    }
  });

  it('every preset model is one its mock serves', () => {
    for (const name of namesOf(PROVIDER_MODELS.openai)) {
      expect(defaultLatencyProfiles, name).toHaveProperty([name]);
    }
    for (const name of namesOf(PROVIDER_MODELS.anthropic)) {
      expect(anthropicLatencyProfiles, name).toHaveProperty([name]);
    }
  });
});

describe('agentOSModels', () => {
  it('uses the agent’s reported model everywhere, with no fallbacks', () => {
    const models = agentOSModels('gpt-4o');
    expect(new Set(namesOf(models))).toEqual(new Set(['gpt-4o']));
    expect(models.fallbacks).toEqual({});
  });
});

describe('bridgeConfigFor', () => {
  it('points the paths and fallbacks at the preset and leaves the rest at defaults', () => {
    const config = resolveConfig(bridgeConfigFor(PROVIDER_MODELS.anthropic));
    expect(config.paths.simple.model).toBe('claude-haiku-4-5');
    expect(config.paths.complex.model).toBe('claude-sonnet-4-5');
    expect(config.resilience.fallbacks.models).toEqual({
      'claude-sonnet-4-5': ['claude-haiku-4-5'],
    });
    expect(config.paths.simple.maxOutputTokens).toBe(DEFAULT_CONFIG.paths.simple.maxOutputTokens);
    expect(config.routing).toEqual(resolveConfig({}).routing);
  });
});

describe('an AgentOS agent on a model without a price', () => {
  it('stops the bridge at start-up, never a silent $0', () => {
    const models = agentOSModels('acme-llm-7b');
    const { prototype, team } = createSupportDemo(models.agents);
    const provider: Provider = {
      id: 'agno',
      complete: () => Promise.reject(new Error('not called')),
    };
    expect(() =>
      createBridge({ prototype, team, provider, config: bridgeConfigFor(models) }),
    ).toThrow(expect.objectContaining({ code: ErrorCodes.unknownModel }));
  });
});
