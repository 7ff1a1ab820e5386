import { BUILTIN_PRICES, type ModelPrice, PriceTable } from '../../cost/index.js';
import { DEFAULT_CONFIG } from '../defaults.js';
import { ResilienceSchema } from '../resilience-schema.js';
import type { DraftIssue } from '../yaml/index.js';
import { didYouMean, isRecord, recordAt, recordsOf } from '../yaml/index.js';

const SERVICES = ['spec', 'integrations', 'externalServices'];
const DEFAULT_FALLBACKS = ResilienceSchema.parse({}).fallbacks.models;
const SERVE_FIX = 'add it to the models of a service in spec.integrations.externalServices';

function checkAgentId(service: Record<string, unknown>, at: PropertyKey[]): DraftIssue[] {
  const agno = service.kind === 'agno-agentos';
  if (agno && service.agentId === undefined) {
    const fix = 'an agno-agentos service runs one AgentOS agent: add agentId: <the agent id>';
    return [
      {
        path: [...at, 'agentId'],
        anchor: 'missing',
        message: 'missing required field "agentId"',
        fix,
      },
    ];
  }
  if (!agno && service.agentId !== undefined && typeof service.kind === 'string') {
    const message = `agentId is only used by agno-agentos services, not ${service.kind}`;
    return [{ path: [...at, 'agentId'], anchor: 'key', message, fix: 'remove agentId' }];
  }
  return [];
}

function checkPriced(
  service: Record<string, unknown>,
  at: PropertyKey[],
  runtime: Record<string, unknown>,
): DraftIssue[] {
  // Only the names matter here: `has` never reads a price, and the schema checks their shape.
  const given = recordAt(runtime, 'prices') as Record<string, ModelPrice>;
  const table = new PriceTable().with(given);
  const known = [...Object.keys(BUILTIN_PRICES), ...Object.keys(given)];
  const models: unknown[] = Array.isArray(service.models) ? service.models : [];
  return models.flatMap((model, index): DraftIssue[] => {
    if (typeof model !== 'string' || model === '' || table.has(model)) return [];
    const close = didYouMean(model, known);
    const add = 'add its price under spec.runtime.prices (inputUsdPerMTok, outputUsdPerMTok)';
    return [
      {
        path: [...at, 'models', index],
        anchor: 'value',
        message: `no price for model "${model}": its cost could not be counted`,
        fix: close === undefined ? add : `did you mean "${close}"? or ${add}`,
      },
    ];
  });
}

/** The models the runtime will call: each path's model, and the fallbacks of the models in use. */
function checkServed(runtime: Record<string, unknown>, served: ReadonlySet<string>): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const inUse = new Set(served);
  for (const path of ['simple', 'complex'] as const) {
    const written = recordAt(runtime, 'paths', path).model;
    const model = typeof written === 'string' ? written : DEFAULT_CONFIG.paths[path].model;
    inUse.add(model);
    if (served.has(model)) continue;
    const what = written === undefined ? `the default model of the ${path} path` : 'this model';
    issues.push({
      path: ['spec', 'runtime', 'paths', path, 'model'],
      anchor: 'value',
      message: `"${model}" (${what}) is served by no external service`,
      fix: SERVE_FIX,
    });
  }
  const writtenFallbacks = recordAt(runtime, 'resilience', 'fallbacks').models;
  const fallbacks = isRecord(writtenFallbacks) ? writtenFallbacks : DEFAULT_FALLBACKS;
  const origin = isRecord(writtenFallbacks) ? '' : ' (a default fallback)';
  for (const [from, list] of Object.entries(fallbacks)) {
    if (!inUse.has(from) || !Array.isArray(list)) continue;
    list.forEach((model: unknown, index) => {
      if (typeof model !== 'string' || served.has(model)) return;
      issues.push({
        path: ['spec', 'runtime', 'resilience', 'fallbacks', 'models', from, index],
        anchor: 'value',
        message: `fallback "${model}" of ${from}${origin} is served by no external service`,
        fix: `${SERVE_FIX}, or set spec.runtime.resilience.fallbacks.models`,
      });
    });
  }
  return issues;
}

/** The bridge has one retry policy: services that set `retries` must agree with it and each other. */
function checkRetries(
  spec: Record<string, unknown>,
  services: Array<[Record<string, unknown>, number]>,
): DraftIssue[] {
  const given = services.filter(([service]) => typeof service.retries === 'number');
  const [head] = given;
  if (head === undefined) return [];
  const [first, firstIndex] = head;
  const retries = first.retries as number;
  const fix =
    'give every service the same retries, or leave them out and set spec.runtime.resilience.retry.maxAttempts';
  const issues = given.slice(1).flatMap(([service, index]): DraftIssue[] => {
    if (service.retries === retries) return [];
    const message = `retries ${String(service.retries)} differs from ${String(first.name)}'s ${retries}: the bridge has one retry policy for every backend`;
    return [{ path: [...SERVICES, index, 'retries'], anchor: 'value', message, fix }];
  });
  const maxAttempts = recordAt(spec, 'runtime', 'resilience', 'retry').maxAttempts;
  if (typeof maxAttempts === 'number' && maxAttempts !== retries + 1) {
    issues.push({
      path: [...SERVICES, firstIndex, 'retries'],
      anchor: 'value',
      message: `retries ${retries} means ${retries + 1} attempts, but spec.runtime.resilience.retry.maxAttempts is ${maxAttempts}`,
      fix: 'keep one of the two',
    });
  }
  return issues;
}

/**
 * External services: an AgentOS service names its agent, every model has a price, retries
 * agree, and every model the runtime will call (path models, fallbacks) has a backend.
 */
export function checkServices(spec: Record<string, unknown>): DraftIssue[] {
  const runtime = recordAt(spec, 'runtime');
  const services = recordsOf(recordAt(spec, 'integrations').externalServices);
  const issues: DraftIssue[] = [];
  const served = new Set<string>();
  for (const [service, index] of services) {
    const at = [...SERVICES, index];
    issues.push(...checkAgentId(service, at), ...checkPriced(service, at, runtime));
    if (Array.isArray(service.models)) {
      for (const model of service.models) if (typeof model === 'string') served.add(model);
    }
  }
  issues.push(...checkRetries(spec, services));
  // Without any service the runtime runs on injected providers (tests, mocks): nothing to match.
  return services.length === 0 ? issues : [...issues, ...checkServed(runtime, served)];
}
