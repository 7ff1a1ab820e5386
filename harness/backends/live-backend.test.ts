import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createAgnoAgentOSMock,
  createProviderMock,
  type HttpMockServer,
  startHttpMockServer,
} from '../../mocks/index.js';
import { ConfigError, type ModelRequest } from '../../src/index.js';
import type { Backend } from './backend.js';
import { startLiveBackend } from './live-backend.js';
import { LiveBackendErrorCodes } from './live-options.js';
import { PROVIDER_MODELS } from './provider-models.js';

// Records when the LangChain backend module is first loaded; it stays the real module.
const langchainLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock('./langchain-backend.js', async (importOriginal) => {
  langchainLoads.count += 1;
  return importOriginal();
});

const KEY = 'sk-test-secret-4242';
const env = { HB_TEST_KEY: KEY };
const ask = (model: string): ModelRequest => ({
  model,
  messages: [{ role: 'user', content: 'How long does standard shipping take?' }],
});

let mock: HttpMockServer;
const opened: Array<Backend | HttpMockServer> = [];

beforeAll(async () => {
  mock = await startHttpMockServer({ handler: createProviderMock({ seed: 1, latency: 'zero' }) });
});
afterAll(() => mock.close());
afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close()));
});

async function server(handler: (request: Request) => Promise<Response>): Promise<HttpMockServer> {
  const started = await startHttpMockServer({ handler });
  opened.push(started);
  return started;
}

async function rejection(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('startLiveBackend', () => {
  it('openai: the OpenAI preset, the URL only in baseUrl, and calls that reach the server', async () => {
    const backend = await startLiveBackend({
      provider: 'openai',
      baseUrl: `${mock.url}/v1/`,
      apiKeyEnv: 'HB_TEST_KEY',
      env,
    });
    opened.push(backend);
    expect(backend).toMatchObject({
      name: 'live',
      baseUrl: `${mock.url}/v1`,
      providerName: 'openai',
      models: PROVIDER_MODELS.openai,
    });
    const outcome = await backend.provider.complete(ask(PROVIDER_MODELS.openai.simple));
    expect(outcome.state).toBe('ok');
    expect(JSON.stringify(backend)).not.toContain(KEY);
  });

  it('anthropic: the Anthropic preset against the origin', async () => {
    const backend = await startLiveBackend({
      provider: 'anthropic',
      baseUrl: mock.url,
      apiKeyEnv: 'HB_TEST_KEY',
      env,
    });
    opened.push(backend);
    expect(backend.models).toEqual(PROVIDER_MODELS.anthropic);
    const outcome = await backend.provider.complete(ask(PROVIDER_MODELS.anthropic.simple));
    expect(outcome.state === 'ok' && outcome.response.model).toBe('claude-haiku-4-5');
  });

  it('langchain: the OpenAI preset through ChatOpenAI, loaded only when chosen', async () => {
    const openai = await startLiveBackend({
      provider: 'openai',
      baseUrl: `${mock.url}/v1`,
      apiKeyEnv: 'HB_TEST_KEY',
      env,
    });
    opened.push(openai);
    expect(langchainLoads.count).toBe(0);
    const backend = await startLiveBackend({
      provider: 'langchain',
      baseUrl: `${mock.url}/v1`,
      apiKeyEnv: 'HB_TEST_KEY',
      env,
    });
    opened.push(backend);
    expect(langchainLoads.count).toBe(1);
    expect(backend).toMatchObject({
      providerName: 'langchain',
      models: PROVIDER_MODELS.openai,
      provider: { id: 'langchain', retryOwner: 'caller' },
    });
    const outcome = await backend.provider.complete({
      ...ask(PROVIDER_MODELS.langchain.complex),
      stream: true,
    });
    // The factory built a ChatOpenAI for the request's model: the mock answers as its snapshot.
    expect(outcome.state === 'ok' && outcome.response.model).toMatch(/^gpt-4o-\d{4}-/);
    expect(outcome.state === 'ok' && outcome.response.text).not.toBe('');
    expect(outcome.state === 'ok' && outcome.response.ttftMs).toBeGreaterThanOrEqual(0);
  });

  it('langchain: reads OPENAI_API_KEY by default', async () => {
    const error = await rejection(
      startLiveBackend({ provider: 'langchain', baseUrl: `${mock.url}/v1`, env: {} }),
    );
    expect(error.code).toBe(LiveBackendErrorCodes.missingKey);
    expect(error.message).toContain('OPENAI_API_KEY is not set');
  });

  it('agno-agentos: runs every name on the model the agent reports', async () => {
    const backend = await startLiveBackend({
      provider: 'agno-agentos',
      baseUrl: mock.url,
      env: {},
    });
    opened.push(backend);
    expect(backend.models?.simple).toBe('gpt-4o');
    expect(backend.models?.agents.customerService).toBe('gpt-4o');
    const outcome = await backend.provider.complete(ask('gpt-4o'));
    expect(outcome.state === 'ok' && outcome.response.model).toBe('gpt-4o');
  });

  it('agno-agentos: an unknown agent is a ConfigError listing the served ones', async () => {
    const error = await rejection(
      startLiveBackend({ provider: 'agno-agentos', baseUrl: mock.url, agentId: 'nope', env: {} }),
    );
    expect(error.code).toBe(LiveBackendErrorCodes.agentUnavailable);
    expect(error.message).toContain('no agent "nope" (it serves: support-agent); pass --agent-id');
  });

  it('agno-agentos: a refused key names its variable, never its value', async () => {
    const secured = await server(
      createAgnoAgentOSMock({ seed: 1, latency: 'zero', securityKey: 'the-right-key' }),
    );
    const error = await rejection(
      startLiveBackend({
        provider: 'agno-agentos',
        baseUrl: secured.url,
        apiKeyEnv: 'HB_TEST_KEY',
        env,
      }),
    );
    expect(error.message).toContain('refused the key in HB_TEST_KEY (HTTP 401)');
    expect(error.message).not.toContain(KEY);
    const keyless = await rejection(
      startLiveBackend({ provider: 'agno-agentos', baseUrl: secured.url, env: {} }),
    );
    expect(keyless.message).toContain('needs a key (HTTP 401): set OS_SECURITY_KEY');
  });

  it('agno-agentos: sends the key to a secured server', async () => {
    const secured = await server(
      createAgnoAgentOSMock({ seed: 1, latency: 'zero', securityKey: KEY }),
    );
    const backend = await startLiveBackend({
      provider: 'agno-agentos',
      baseUrl: secured.url,
      apiKeyEnv: 'HB_TEST_KEY',
      env,
    });
    opened.push(backend);
    expect((await backend.provider.complete(ask('gpt-4o'))).state).toBe('ok');
  });

  it('agno-agentos: a server that does not report the agent’s model is refused (no unpriced runs)', async () => {
    const modelless = await server(async () => Response.json({ id: 'support-agent' }));
    const error = await rejection(
      startLiveBackend({ provider: 'agno-agentos', baseUrl: modelless.url, env: {} }),
    );
    expect(error.message).toContain('does not report the model of agent "support-agent"');
  });

  it('cuts the key out of failure messages that echo it', async () => {
    const echo = await server(async (request) =>
      Response.json(
        {
          error: {
            message: `Invalid header: ${request.headers.get('authorization') ?? ''}`,
            type: 'invalid_request_error',
            code: `bad_key_${KEY}`,
          },
        },
        { status: 401 },
      ),
    );
    const backend = await startLiveBackend({
      provider: 'openai',
      baseUrl: `${echo.url}/v1`,
      apiKeyEnv: 'HB_TEST_KEY',
      env,
    });
    opened.push(backend);
    const outcome = await backend.provider.complete(ask('gpt-4o-mini'));
    expect(outcome.state).toBe('error');
    expect(JSON.stringify(outcome)).not.toContain(KEY);
    expect(outcome.state === 'error' && outcome.error.message).toContain('[redacted]');
  });
});
