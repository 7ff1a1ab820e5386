import { z } from 'zod';
import { DEPLOYMENT_DEFAULTS } from './defaults.js';
import { EnvVarName, ResourceName, ServiceUrl } from './text-rules.js';

/** The backends the bridge can call, by wire protocol. */
export const SERVICE_KINDS = ['openai', 'anthropic', 'agno-agentos'] as const;
export const RATE_LIMIT_SCOPES = ['global', 'user', 'provider'] as const;

const Rate = {
  /** Sustained rate. */
  requestsPerMinute: z.number().positive(),
  /** Most requests let through at once. */
  burst: z.number().int().positive(),
};

/** One model backend. Its `name` is the provider id in metrics, records and rate limits. */
const ExternalServiceSchema = z.strictObject({
  name: ResourceName,
  kind: z.enum(SERVICE_KINDS),
  baseUrl: ServiceUrl,
  /** The variable holding the key; absent for a backend that needs none (a local AgentOS). */
  apiKeyEnv: EnvVarName.optional(),
  timeoutMs: z.number().int().positive().default(DEPLOYMENT_DEFAULTS.serviceTimeoutMs),
  /** Retries after a failed call; absent: the runtime's `resilience.retry` decides. */
  retries: z.number().int().min(0).max(9).optional(),
  /** The backend's own quota, smoothed locally before it answers 429. */
  rateLimit: z.strictObject(Rate).optional(),
  /** Models this backend serves; each must have a price. */
  models: z.array(z.string().min(1)).min(1),
  /** The AgentOS agent to run (agno-agentos only, and required there). */
  agentId: z.string().min(1).optional(),
});

export const IntegrationsSchema = z.strictObject({
  externalServices: z.array(ExternalServiceSchema).default([]),
});

const RateLimitRuleSchema = z.strictObject({
  name: z.string().min(1),
  scope: z.enum(RATE_LIMIT_SCOPES),
  /** The external service a `provider` rule limits. */
  provider: z.string().min(1).optional(),
  ...Rate,
});

export const SecuritySchema = z.strictObject({
  rateLimiting: z.strictObject({ rules: z.array(RateLimitRuleSchema).default([]) }).prefault({}),
});
