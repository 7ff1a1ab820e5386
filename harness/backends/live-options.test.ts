import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/index.js';
import {
  checkApiKeyEnvName,
  checkBaseUrl,
  LiveBackendErrorCodes,
  type LiveBackendOptions,
  resolveLiveOptions,
} from './live-options.js';

const KEY = 'sk-test-secret-4242';
const OPENAI = 'https://api.openai.com/v1';

/** The ConfigError `resolveLiveOptions` throws for these options (fails the test if none). */
function errorOf(options: LiveBackendOptions): ConfigError {
  try {
    resolveLiveOptions(options);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveLiveOptions: the key', () => {
  it('reads the key from the variable named by apiKeyEnv', () => {
    const live = resolveLiveOptions({
      provider: 'openai',
      baseUrl: OPENAI,
      apiKeyEnv: 'HB_TEST_KEY',
      env: { HB_TEST_KEY: KEY },
    });
    expect(live.apiKey?.reveal()).toBe(KEY);
    expect(live.apiKeyEnv).toBe('HB_TEST_KEY');
  });

  it('reads each provider’s default variable when apiKeyEnv is not given', () => {
    const env = { OPENAI_API_KEY: 'o-key', ANTHROPIC_API_KEY: 'a-key', OS_SECURITY_KEY: 'os-key' };
    expect(resolveLiveOptions({ provider: 'openai', baseUrl: OPENAI, env }).apiKey?.reveal()).toBe(
      'o-key',
    );
    expect(
      resolveLiveOptions({
        provider: 'anthropic',
        baseUrl: 'https://api.anthropic.com',
        env,
      }).apiKey?.reveal(),
    ).toBe('a-key');
    expect(
      resolveLiveOptions({
        provider: 'agno-agentos',
        baseUrl: 'http://localhost:7777',
        env,
      }).apiKey?.reveal(),
    ).toBe('os-key');
  });

  it('never shows the key when the resolved options are printed or serialised', () => {
    const live = resolveLiveOptions({
      provider: 'openai',
      baseUrl: OPENAI,
      env: { OPENAI_API_KEY: KEY },
    });
    expect(JSON.stringify(live)).not.toContain(KEY);
    expect(inspect(live, { depth: 5 })).not.toContain(KEY);
    expect(`${String(live.apiKey)}`).not.toContain(KEY);
  });

  it('a missing variable is a ConfigError naming the variable and how to set it', () => {
    const error = errorOf({
      provider: 'openai',
      baseUrl: OPENAI,
      apiKeyEnv: 'HB_MISSING_KEY',
      env: { OPENAI_API_KEY: KEY },
    });
    expect(error.code).toBe(LiveBackendErrorCodes.missingKey);
    expect(error.message).toContain('HB_MISSING_KEY is not set');
    expect(error.message).toContain('export HB_MISSING_KEY=');
    expect(error.message).toContain('--api-key-env NAME');
    expect(error.message).not.toContain(KEY);
  });

  it('names the default variable when none was given', () => {
    const error = errorOf({ provider: 'anthropic', baseUrl: 'https://api.anthropic.com', env: {} });
    expect(error.message).toContain('ANTHROPIC_API_KEY is not set');
  });

  it('an empty variable counts as missing', () => {
    const error = errorOf({ provider: 'openai', baseUrl: OPENAI, env: { OPENAI_API_KEY: '' } });
    expect(error.message).toContain('OPENAI_API_KEY is empty');
  });

  it('AgentOS needs no key unless a variable was named', () => {
    const open = resolveLiveOptions({
      provider: 'agno-agentos',
      baseUrl: 'http://localhost:7777',
      env: {},
    });
    expect(open.apiKey).toBeUndefined();
    const error = errorOf({
      provider: 'agno-agentos',
      baseUrl: 'http://localhost:7777',
      apiKeyEnv: 'AGENTOS_KEY',
      env: {},
    });
    expect(error.message).toContain('AGENTOS_KEY is not set');
  });

  it('refuses a key passed where the variable name belongs, without echoing it', () => {
    const error = errorOf({ provider: 'openai', baseUrl: OPENAI, apiKeyEnv: KEY, env: {} });
    expect(error.code).toBe(LiveBackendErrorCodes.invalid);
    expect(error.message).toContain('looks like a key itself');
    expect(error.message).toContain('NAME of the environment variable');
    expect(error.message).not.toContain(KEY);
  });

  it.each([
    ['an sk- key', 'sk-proj-abc'],
    ['a long token', 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6'],
    ['a name with a dash', 'MY-KEY'],
    ['a name with a space', 'MY KEY'],
  ])('checkApiKeyEnvName refuses %s and never echoes it', (_, value) => {
    const problem = checkApiKeyEnvName(value);
    expect(problem).toBeDefined();
    expect(problem).not.toContain(value);
  });

  it('checkApiKeyEnvName accepts variable names', () => {
    for (const name of ['OPENAI_API_KEY', 'HB_TEST_KEY', '_KEY2', 'anthropic_key']) {
      expect(checkApiKeyEnvName(name)).toBeUndefined();
    }
  });
});

describe('resolveLiveOptions: the base URL', () => {
  it('normalises a trailing slash away', () => {
    expect(checkBaseUrl('openai', 'https://api.openai.com/v1/')).toEqual({
      state: 'ok',
      url: OPENAI,
    });
    expect(checkBaseUrl('anthropic', 'https://api.anthropic.com/')).toEqual({
      state: 'ok',
      url: 'https://api.anthropic.com',
    });
  });

  it.each([
    ['credentials', `https://user:${KEY}@api.openai.com/v1`, 'must not contain credentials'],
    ['a query string', `https://api.openai.com/v1?api_key=${KEY}`, 'query string'],
    ['a fragment', `https://api.openai.com/v1#${KEY}`, 'query string or fragment'],
    ['no scheme', `${KEY}.example.com/v1`, 'not an absolute URL'],
  ])('refuses %s without echoing the URL', (_, url, expected) => {
    const error = errorOf({ provider: 'openai', baseUrl: url, env: { OPENAI_API_KEY: 'k' } });
    expect(error.code).toBe(LiveBackendErrorCodes.invalid);
    expect(error.message).toContain(expected);
    expect(error.message).not.toContain(KEY);
  });

  it('refuses a scheme other than http(s)', () => {
    const error = errorOf({ provider: 'openai', baseUrl: 'ftp://example.com/v1', env: {} });
    expect(error.message).toContain('must be http:// or https://, not ftp://');
  });

  it('openai-responses takes the OpenAI base with /v1, reads OPENAI_API_KEY, and refuses /responses', () => {
    const live = resolveLiveOptions({
      provider: 'openai-responses',
      baseUrl: 'https://api.openai.com/v1/',
      env: { OPENAI_API_KEY: 'o-key' },
    });
    expect(live).toMatchObject({
      provider: 'openai-responses',
      baseUrl: 'https://api.openai.com/v1',
    });
    expect(live.apiKey?.reveal()).toBe('o-key');
    const checked = checkBaseUrl('openai-responses', 'https://api.openai.com/v1/responses');
    expect(checked.state === 'invalid' && checked.problem).toContain(
      'use https://api.openai.com/v1.',
    );
  });

  it('tells an Anthropic user to drop /v1, with the URL to use', () => {
    const checked = checkBaseUrl('anthropic', 'https://api.anthropic.com/v1/');
    expect(checked.state === 'invalid' && checked.problem).toContain(
      'use https://api.anthropic.com.',
    );
  });

  it('reports every problem at once', () => {
    const error = errorOf({
      provider: 'openai',
      baseUrl: 'https://u:p@example.com',
      apiKeyEnv: 'sk-oops',
      agentId: 'support-agent',
      env: {},
    });
    expect(error.message).toContain('3 problems');
    expect(error.message).toContain('credentials');
    expect(error.message).toContain('looks like a key');
    expect(error.message).toContain('--agent-id');
  });
});

describe('resolveLiveOptions: the AgentOS agent', () => {
  it('defaults the agent id to support-agent', () => {
    const live = resolveLiveOptions({
      provider: 'agno-agentos',
      baseUrl: 'http://localhost:7777',
      env: {},
    });
    expect(live.agentId).toBe('support-agent');
  });

  it('keeps an explicit agent id', () => {
    const live = resolveLiveOptions({
      provider: 'agno-agentos',
      baseUrl: 'http://localhost:7777',
      agentId: 'billing',
      env: {},
    });
    expect(live.agentId).toBe('billing');
  });

  it('has no agent id for other providers', () => {
    const live = resolveLiveOptions({
      provider: 'openai',
      baseUrl: OPENAI,
      env: { OPENAI_API_KEY: 'k' },
    });
    expect(live.agentId).toBeUndefined();
  });
});
