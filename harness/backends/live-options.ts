import { type Clock, ConfigError } from '../../src/index.js';
import { LIVE_PROVIDERS, type LiveProvider } from './provider-models.js';
import { Secret } from './secret.js';

/** Options of {@link startLiveBackend}. The key itself is never an option: only where to read it. */
export interface LiveBackendOptions {
  provider: LiveProvider;
  /**
   * Where the provider's client sends requests: `https://api.openai.com/v1` (OpenAI-compatible
   * and LangChain's ChatOpenAI, with its `/v1`), `https://api.anthropic.com` (Anthropic: the
   * origin, no `/v1`), or the AgentOS root (`http://localhost:7777`). http(s) only, no
   * credentials, query or fragment.
   */
  baseUrl: string;
  /**
   * The NAME of the environment variable that holds the key. Default `OPENAI_API_KEY` (openai,
   * langchain), `ANTHROPIC_API_KEY`; for AgentOS none (`OS_SECURITY_KEY` is used when set).
   */
  apiKeyEnv?: string;
  /** AgentOS only: the agent to run; default {@link DEFAULT_AGENT_ID}. */
  agentId?: string;
  /** Where keys are read from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Per-call ceiling of the provider's client. */
  timeoutMs?: number;
  clock?: Clock;
}

export const LiveBackendErrorCodes = {
  /** A bad option: provider, base URL, variable name or agent id. */
  invalid: 'HB_LIVE_OPTIONS_INVALID',
  /** The variable that should hold the key is not set. */
  missingKey: 'HB_LIVE_KEY_MISSING',
  /** The AgentOS server does not serve the agent, refused the key, or cannot be reached. */
  agentUnavailable: 'HB_LIVE_AGENT_UNAVAILABLE',
} as const;

/** The variable each provider's key is read from when `apiKeyEnv` is not given. */
export const DEFAULT_API_KEY_ENV = {
  openai: 'OPENAI_API_KEY',
  'openai-responses': 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  /** Optional: AgentOS runs without auth unless its OS_SECURITY_KEY is set. */
  'agno-agentos': 'OS_SECURITY_KEY',
  /** LangChain's ChatOpenAI calls OpenAI. */
  langchain: 'OPENAI_API_KEY',
} as const satisfies Record<LiveProvider, string>;

/** The demo prototype's name, and the agent id the AgentOS mock serves. */
export const DEFAULT_AGENT_ID = 'support-agent';

/** Live options checked, with the key read (or its absence allowed, for AgentOS). */
export interface ResolvedLiveOptions {
  provider: LiveProvider;
  /** Normalised (no trailing slash); safe to show. */
  baseUrl: string;
  agentId?: string;
  /** The variable the key came from, for messages; never the key. */
  apiKeyEnv?: string;
  apiKey?: Secret;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Prefixes of common API keys (OpenAI, Anthropic, Stripe-style, GitHub, Google). */
const KEY_PREFIX = /^(sk-|sk_|pk-|rk-|ghp_|gho_|github_pat_|AIza|xox[abp]-)/;

/**
 * Why `name` is not a variable name, or `undefined` when it is one. The value is never echoed:
 * someone who passed a key where its variable's name belongs must not see it printed back.
 */
export function checkApiKeyEnvName(name: string): string | undefined {
  const fix =
    'pass the NAME of the environment variable that holds the key, e.g. --api-key-env OPENAI_API_KEY (the value given is not shown)';
  if (KEY_PREFIX.test(name) || (name.length >= 32 && /\d/.test(name) && !name.includes('_'))) {
    return `apiKeyEnv (--api-key-env) looks like a key itself: ${fix}.`;
  }
  if (!ENV_NAME.test(name)) {
    return `apiKeyEnv (--api-key-env) is not an environment variable name (letters, digits, _): ${fix}.`;
  }
  return undefined;
}

/**
 * The base URL normalised, or why it is refused. A URL with credentials, a query or a fragment
 * is refused without being echoed (it may hold a key); keys belong in an environment variable.
 */
export function checkBaseUrl(
  provider: LiveProvider,
  raw: string,
): { state: 'ok'; url: string } | { state: 'invalid'; problem: string } {
  const invalid = (problem: string) => ({ state: 'invalid' as const, problem });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid(
      'baseUrl (--base-url) is not an absolute URL; expected e.g. https://api.openai.com/v1 (the value given is not shown).',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return invalid(`baseUrl (--base-url) must be http:// or https://, not ${url.protocol}//.`);
  }
  if (url.username !== '' || url.password !== '') {
    return invalid(
      'baseUrl (--base-url) must not contain credentials (user:password@): put the key in an environment variable and pass its name with --api-key-env (the value given is not shown).',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    return invalid(
      'baseUrl (--base-url) must not carry a query string or fragment: keys go in an environment variable named by --api-key-env (the value given is not shown).',
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (provider === 'openai-responses' && /\/responses$/.test(path)) {
    return invalid(
      `baseUrl (--base-url) for openai-responses ends before /responses (the client adds it): use ${url.origin}${path.slice(0, -'/responses'.length)}.`,
    );
  }
  if (provider === 'anthropic' && /\/v1$/.test(path)) {
    return invalid(
      `baseUrl (--base-url) for anthropic is the origin without /v1 (the client adds /v1/messages): use ${url.origin}${path.slice(0, -3)}.`,
    );
  }
  return { state: 'ok', url: `${url.origin}${path}` };
}

function readKey(
  provider: LiveProvider,
  apiKeyEnv: string | undefined,
  env: NodeJS.ProcessEnv,
): { apiKeyEnv?: string; apiKey?: Secret } | { problem: string } {
  const name = apiKeyEnv ?? DEFAULT_API_KEY_ENV[provider];
  const value = env[name];
  if (value !== undefined && value !== '') return { apiKeyEnv: name, apiKey: new Secret(value) };
  // AgentOS without a security key is an open server: no key is fine unless one was asked for.
  if (provider === 'agno-agentos' && apiKeyEnv === undefined) return {};
  const state = value === undefined ? 'is not set' : 'is empty';
  return {
    problem:
      `The environment variable ${name} ${state}; it should hold the ${provider} API key. ` +
      `Set it (export ${name}=…) or name the variable that holds the key with --api-key-env NAME.`,
  };
}

/**
 * Checks the live options and reads the key, reporting every problem at once in one
 * `ConfigError`. No message ever contains a key, or a value that might be one.
 *
 * @example
 * const live = resolveLiveOptions({ provider: 'openai', baseUrl: 'https://api.openai.com/v1' });
 * live.apiKey?.reveal(); // the value of $OPENAI_API_KEY
 */
export function resolveLiveOptions(options: LiveBackendOptions): ResolvedLiveOptions {
  const problems: string[] = [];
  if (!(LIVE_PROVIDERS as readonly string[]).includes(options.provider)) {
    problems.push(`provider (--provider) must be one of ${LIVE_PROVIDERS.join(', ')}.`);
  }
  const url = checkBaseUrl(options.provider, options.baseUrl);
  if (url.state === 'invalid') problems.push(url.problem);
  const nameProblem =
    options.apiKeyEnv === undefined ? undefined : checkApiKeyEnvName(options.apiKeyEnv);
  if (nameProblem) problems.push(nameProblem);
  if (options.agentId !== undefined && options.provider !== 'agno-agentos') {
    problems.push('agentId (--agent-id) only applies to --provider agno-agentos.');
  }
  if (options.agentId !== undefined && options.agentId.trim() === '') {
    problems.push('agentId (--agent-id) must not be empty.');
  }
  // A bad variable name is not looked up: the lookup's message would be about the wrong thing.
  const key = nameProblem
    ? {}
    : readKey(options.provider, options.apiKeyEnv, options.env ?? process.env);
  if (problems.length > 0 || url.state === 'invalid') {
    if ('problem' in key) problems.push(key.problem);
    throw new ConfigError(LiveBackendErrorCodes.invalid, liveProblems(problems));
  }
  if ('problem' in key) throw new ConfigError(LiveBackendErrorCodes.missingKey, key.problem);
  return {
    provider: options.provider,
    baseUrl: url.url,
    ...(options.provider === 'agno-agentos'
      ? { agentId: options.agentId ?? DEFAULT_AGENT_ID }
      : {}),
    ...key,
  };
}

function liveProblems(problems: readonly string[]): string {
  if (problems.length === 1) return `Invalid live backend options: ${problems[0]}`;
  return `Invalid live backend options (${problems.length} problems):\n${problems.map((p) => `  ${p}`).join('\n')}`;
}
