import type { ResilienceConfig } from '../resilience-schema.js';
import { resolveConfig } from '../resolve-config.js';
import type { BridgeConfig } from '../schema.js';
import type { Deployment } from './schema.js';

type Bucket = NonNullable<ResilienceConfig['rateLimits']['global']>;

function bucket(rate: { requestsPerMinute: number; burst: number }): Bucket {
  return { capacity: rate.burst, refillPerSecond: rate.requestsPerMinute / 60 };
}

/** Two limits on one provider: both hold, so the smaller burst and the slower refill apply. */
function stricter(a: Bucket | undefined, b: Bucket): Bucket {
  if (a === undefined) return b;
  return {
    capacity: Math.min(a.capacity, b.capacity),
    refillPerSecond: Math.min(a.refillPerSecond, b.refillPerSecond),
  };
}

function rateLimits(deployment: Deployment): ResilienceConfig['rateLimits'] {
  const { spec } = deployment;
  const limits = { ...spec.runtime.resilience.rateLimits };
  const perProvider = { ...limits.perProvider };
  for (const rule of spec.security.rateLimiting.rules) {
    if (rule.scope === 'global') limits.global = bucket(rule);
    else if (rule.scope === 'user') limits.perUser = bucket(rule);
    else if (rule.provider !== undefined) {
      perProvider[rule.provider] = stricter(perProvider[rule.provider], bucket(rule));
    }
  }
  for (const service of spec.integrations.externalServices) {
    if (service.rateLimit === undefined) continue;
    perProvider[service.name] = stricter(perProvider[service.name], bucket(service.rateLimit));
  }
  return { ...limits, perProvider };
}

/**
 * The bridge's runtime config of a validated deployment: `spec.runtime`, plus
 * - rate-limit rules as token buckets (`global` → `global`, `user` → `perUser`, `provider` →
 *   `perProvider[<service name>]`; burst → capacity, requestsPerMinute / 60 → refillPerSecond),
 *   and each service's own `rateLimit` in `perProvider[<name>]` (both set: the stricter holds);
 * - the services' `retries` as `retry.maxAttempts = retries + 1` (the checks make them agree).
 * A service's `timeoutMs` is not here: it belongs to the provider built for the service.
 */
export function toBridgeConfig(deployment: Deployment): BridgeConfig {
  const { runtime, integrations } = deployment.spec;
  const retries = integrations.externalServices.find((s) => s.retries !== undefined)?.retries;
  const retry =
    retries === undefined
      ? runtime.resilience.retry
      : { ...runtime.resilience.retry, maxAttempts: retries + 1 };
  const resilience = { ...runtime.resilience, retry, rateLimits: rateLimits(deployment) };
  return resolveConfig({ ...runtime, resilience }, `spec.runtime of ${deployment.metadata.name}`);
}
