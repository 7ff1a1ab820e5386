import { type Clock, realClock } from '../../src/clock.js';
import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import type { LatencyOption, LatencyProfile } from '../latency/latency-profile.js';
import { resolveLatencyTable } from '../latency/resolve-latency-table.js';
import type { AnsweringPolicy } from '../policy/answering-policy.js';
import { customerSupportPolicy } from '../policy/customer-support-policy.js';
import { createTokenCounter } from '../tokens/token-counter.js';
import type { AgnoMockAgent, AgnoMockAgents } from './agent-definition.js';
import { agentListing } from './agent-listing.js';
import { answerRun, type RunDeps } from './answer-run.js';
import { fastApiErrorResponse, jsonResponse } from './fastapi-error.js';
import { createDefaultAgnoAgents } from './support-agent.js';

/** Options of {@link createAgnoAgentOSMock}. */
export interface AgnoAgentOSMockOptions {
  /** All randomness derives from this. */
  seed: number;
  /** Default `'realistic'`; every agent's model needs a profile in the table. */
  latency?: LatencyOption;
  /** Multiplies every delay; default 1. */
  timeScale?: number;
  /** Default `realClock`; every wait goes through `clock.sleep`. */
  clock?: Clock;
  /** Default {@link customerSupportPolicy}; it plays every model call of every agent. */
  policy?: AnsweringPolicy;
  /**
   * Default: `support-agent`, the project's prototype (its instructions, gpt-4o and its tools,
   * run for real on the demo dataset with a side-effect ledger of this mock's own).
   */
  agents?: AgnoMockAgents;
  /** When set, requests other than `/health` need `Authorization: Bearer <key>` (OS_SECURITY_KEY). */
  securityKey?: string;
}

/** A fetch-style handler: web `Request` in, web `Response` out. */
export type AgnoAgentOSHandler = (request: Request) => Promise<Response>;

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

function resolveAgents(agents: AgnoMockAgents, table: ReadonlyMap<string, LatencyProfile>) {
  const problems: string[] = [];
  const served = new Map<string, { agent: AgnoMockAgent; profile: LatencyProfile }>();
  for (const [agentId, agent] of Object.entries(agents)) {
    const profile = table.get(agent.model);
    if (!profile) problems.push(`agents.${agentId}.model: no latency profile for '${agent.model}'`);
    agent.tools.forEach((tool, index) => {
      if (!TOOL_NAME.test(tool.name)) {
        problems.push(`agents.${agentId}.tools[${index}].name: '${tool.name}' is not a valid name`);
      }
    });
    if (profile) served.set(agentId, { agent, profile });
  }
  if (problems.length > 0) {
    throw new MockSetupError(MockSetupErrorCodes.invalidOptions, problems.join('; '));
  }
  return served;
}

/** `Bearer <key>` check of AgentOS's security-key mode (agno/os/auth.py), or null when it passes. */
function refuse(request: Request, securityKey: string | undefined): Response | null {
  if (securityKey === undefined) return null;
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match) return fastApiErrorResponse(401, 'Authorization header required');
  return match[1] === securityKey
    ? null
    : fastApiErrorResponse(401, 'Invalid authentication token');
}

/**
 * An Agno AgentOS app (agno 2.9): `POST /agents/{agent_id}/runs` runs an agent's whole tool loop
 * server-side on the answering policy, with the agents' tools, realistic per-call latency and
 * token-exact metrics, as JSON or as AgentOS's SSE event stream; `GET /agents`,
 * `GET /agents/{agent_id}` and `GET /health` answer too. Deterministic by seed and request.
 *
 * @example
 * const handler = createAgnoAgentOSMock({ seed: 7, latency: 'zero' });
 * const response = await handler(new Request('http://agno.test/agents/support-agent/runs', {
 *   method: 'POST',
 *   body: new URLSearchParams({ message: 'Where is my order ORD-10001?', stream: 'false' }),
 * }));
 * // (await response.json()).content mentions the order's status and tracking number
 */
export function createAgnoAgentOSMock(options: AgnoAgentOSMockOptions): AgnoAgentOSHandler {
  const timeScale = options.timeScale ?? 1;
  if (!Number.isFinite(options.seed) || !Number.isFinite(timeScale) || timeScale < 0) {
    throw new MockSetupError(
      MockSetupErrorCodes.invalidOptions,
      'seed must be a finite number and timeScale a finite number >= 0',
    );
  }
  const clock = options.clock ?? realClock;
  const agents = resolveAgents(
    options.agents ?? createDefaultAgnoAgents(),
    resolveLatencyTable(options.latency),
  );
  const deps: RunDeps = {
    seed: options.seed,
    clock,
    policy: options.policy ?? customerSupportPolicy,
    tokens: createTokenCounter(),
    timeScale,
    agents,
  };
  const instantiatedAt = new Date(clock.wallNow()).toISOString();

  const route = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname.replace(/\/+$/, '');
    const method = request.method;
    if (path.endsWith('/health')) {
      if (method !== 'GET') return fastApiErrorResponse(405, 'Method Not Allowed');
      return jsonResponse({ status: 'ok', instantiated_at: instantiatedAt });
    }
    const runs = /\/agents\/([^/]+)\/runs$/.exec(path);
    const one = /\/agents\/([^/]+)$/.exec(path);
    if (!runs && !one && !path.endsWith('/agents')) return fastApiErrorResponse(404, 'Not Found');
    if (method !== (runs ? 'POST' : 'GET')) return fastApiErrorResponse(405, 'Method Not Allowed');
    const refused = refuse(request, options.securityKey);
    if (refused) return refused;
    if (runs) return answerRun(request, decodeURIComponent(runs[1] ?? ''), deps);
    if (!one) return jsonResponse([...agents].map(([id, { agent }]) => agentListing(id, agent)));
    const agentId = decodeURIComponent(one[1] ?? '');
    const served = agents.get(agentId);
    return served
      ? jsonResponse(agentListing(agentId, served.agent))
      : fastApiErrorResponse(404, 'Agent not found');
  };

  return async (request) => {
    try {
      return await route(request);
    } catch (error) {
      // AgentOS's catch-all handler: any other exception is a 500 with its text as the detail.
      const detail = error instanceof Error ? error.message : String(error);
      return fastApiErrorResponse(500, detail);
    }
  };
}
