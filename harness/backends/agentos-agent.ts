import { type Clock, ConfigError } from '../../src/index.js';
import { LiveBackendErrorCodes } from './live-options.js';
import type { Secret } from './secret.js';

export interface AgentOSAgentQuery {
  baseUrl: string;
  agentId: string;
  apiKey?: Secret;
  /** The variable the key came from, to name in a refusal. */
  apiKeyEnv?: string;
  clock: Clock;
  /** Default 10 s. */
  timeoutMs?: number;
}

/**
 * The model an AgentOS agent runs, from `GET /agents/{agent_id}` (agno's `AgentResponse`,
 * `model.model`). Asked once before a run: it proves the server is there, serves the agent and
 * takes the key, and gives the name the run's calls are priced as. Every failure is a
 * `ConfigError` saying what to fix; a server that does not report the model is one too, since
 * its runs could not be priced.
 */
export async function agentOSAgentModel(query: AgentOSAgentQuery): Promise<string> {
  const fail = (message: string) =>
    new ConfigError(LiveBackendErrorCodes.agentUnavailable, message);
  const where = `AgentOS at ${query.baseUrl}`;
  const agentPath = `/agents/${encodeURIComponent(query.agentId)}`;
  const response = await get(query, agentPath);
  if ('error' in response) throw fail(`Cannot reach ${where} (${response.error}).`);
  if (response.status === 401 || response.status === 403) {
    throw fail(
      query.apiKey
        ? `${where} refused the key in ${query.apiKeyEnv} (HTTP ${response.status}).`
        : `${where} needs a key (HTTP ${response.status}): set OS_SECURITY_KEY, or name the variable that holds it with --api-key-env NAME.`,
    );
  }
  if (response.status === 404) {
    const served = await agentIds(query);
    throw fail(
      `${where} has no agent "${query.agentId}"${served ? ` (it serves: ${served})` : ''}; pass --agent-id ID.`,
    );
  }
  if (response.status !== 200) {
    throw fail(`${where} answered GET ${agentPath} with HTTP ${response.status}.`);
  }
  const model = reportedModel(response.body);
  if (model === undefined) {
    throw fail(
      `${where} does not report the model of agent "${query.agentId}" (model.model in GET ${agentPath}), so its runs cannot be priced.`,
    );
  }
  return model;
}

function reportedModel(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const model = (body as { model?: unknown }).model;
  if (typeof model !== 'object' || model === null) return undefined;
  const name = (model as { model?: unknown }).model;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** The served agent ids, comma-separated, or undefined when the listing is unavailable. */
async function agentIds(query: AgentOSAgentQuery): Promise<string | undefined> {
  const response = await get(query, '/agents');
  if ('error' in response || response.status !== 200 || !Array.isArray(response.body)) {
    return undefined;
  }
  const ids = response.body
    .map((agent: unknown) =>
      typeof agent === 'object' && agent !== null ? (agent as { id?: unknown }).id : undefined,
    )
    .filter((id): id is string => typeof id === 'string');
  return ids.length > 0 ? ids.join(', ') : undefined;
}

async function get(
  query: AgentOSAgentQuery,
  path: string,
): Promise<{ status: number; body: unknown } | { error: string }> {
  const controller = new AbortController();
  const timer = new AbortController();
  const timeoutMs = query.timeoutMs ?? 10_000;
  query.clock.sleep(timeoutMs, timer.signal).then(
    () => controller.abort(),
    () => undefined, // answered first
  );
  try {
    const response = await fetch(`${query.baseUrl}${path}`, {
      headers: {
        accept: 'application/json',
        ...(query.apiKey ? { authorization: `Bearer ${query.apiKey.reveal()}` } : {}),
      },
      signal: controller.signal,
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  } catch (error) {
    if (controller.signal.aborted) return { error: `no answer within ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail =
      cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : 'fetch failed');
    return { error: String(detail) };
  } finally {
    timer.abort();
  }
}
