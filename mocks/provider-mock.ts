import type { Clock } from '../src/clock.js';
import { createAgnoAgentOSMock } from './agno/index.js';
import { createAnthropicMessagesMock } from './anthropic/index.js';
import type { FaultProfile } from './faults/index.js';
import { withFaults } from './faults/index.js';
import type { LatencyOption } from './latency/index.js';
import { createOpenAIChatMock } from './openai/index.js';
import { createOpenAIResponsesMock } from './openai-responses/index.js';

export interface ProviderMockOptions {
  seed: number;
  /** `realistic` (default), `zero`, or per-model profiles. */
  latency?: LatencyOption;
  /** Multiplies every modelled delay (0.1 = ten times faster). */
  timeScale?: number;
  clock?: Clock;
  /** Faults injected in front of every provider, deterministic by seed. */
  faults?: FaultProfile;
}

/** The providers one mock serves, and the paths that reach them. */
export const MOCKED_ROUTES = {
  openai: '…/chat/completions',
  'openai-responses': '…/v1/responses',
  anthropic: '…/v1/messages',
  agno: '…/agents/{agent_id}/runs, …/agents, …/health',
} as const;

function notFound(path: string): Response {
  return Response.json(
    {
      error: {
        message: `No mocked provider serves ${path}. Mocked: ${Object.values(MOCKED_ROUTES).join('; ')}`,
        type: 'invalid_request_error',
        param: null,
        code: 'not_found',
      },
    },
    { status: 404 },
  );
}

/**
 * Every provider mock behind one fetch-style handler, chosen by path: OpenAI chat completions,
 * the OpenAI Responses API, Anthropic Messages and Agno AgentOS runs. Serve it through msw
 * (in-process) or the loopback HTTP server; with `faults`, the fault profile sits in front of
 * all of them.
 *
 * @example
 * const handler = createProviderMock({ seed: 42, latency: 'zero', faults: getFaultProfile('mixed-20') });
 * const server = await startHttpMockServer({ handler });
 */
export function createProviderMock(
  options: ProviderMockOptions,
): (request: Request) => Promise<Response> {
  const shared = {
    seed: options.seed,
    ...(options.latency === undefined ? {} : { latency: options.latency }),
    ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  };
  const openai = createOpenAIChatMock(shared);
  const openaiResponses = createOpenAIResponsesMock(shared);
  const anthropic = createAnthropicMessagesMock(shared);
  const agno = createAgnoAgentOSMock(shared);
  const route = (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (pathname.endsWith('/chat/completions')) return openai(request);
    if (pathname.endsWith('/responses')) return openaiResponses(request);
    if (pathname.endsWith('/messages')) return anthropic(request);
    if (/\/(agents(\/|$)|health$)/.test(pathname)) return agno(request);
    return Promise.resolve(notFound(pathname));
  };
  return options.faults
    ? withFaults(route, {
        profile: options.faults,
        seed: options.seed,
        ...(options.clock ? { clock: options.clock } : {}),
      })
    : route;
}
