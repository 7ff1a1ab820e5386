import { formatPath } from '../format-path.js';
import type { DraftIssue, Locator } from '../yaml/index.js';
import { didYouMean, isRecord, recordAt, recordsOf } from '../yaml/index.js';

const RULES = ['spec', 'security', 'rateLimiting', 'rules'];
const SERVICES = ['spec', 'integrations', 'externalServices'];
const RUNTIME_LIMITS = ['spec', 'runtime', 'resilience', 'rateLimits'];

/** The runtime bucket a rule fills: `global`, `perUser`, or `perProvider.<name>`. */
function bucketOf(rule: Record<string, unknown>): PropertyKey[] | undefined {
  if (rule.scope === 'global') return ['global'];
  if (rule.scope === 'user') return ['perUser'];
  if (rule.scope === 'provider' && typeof rule.provider === 'string') {
    return ['perProvider', rule.provider];
  }
  return undefined;
}

function checkProvider(
  rule: Record<string, unknown>,
  at: PropertyKey[],
  names: string[],
): DraftIssue[] {
  if (rule.scope === 'provider') {
    if (rule.provider === undefined) {
      const fix = `add provider: the name of an external service (${names.join(', ') || 'none declared'})`;
      return [
        {
          path: [...at, 'provider'],
          anchor: 'missing',
          message: 'missing required field "provider"',
          fix,
        },
      ];
    }
    if (typeof rule.provider !== 'string' || names.includes(rule.provider)) return [];
    const close = didYouMean(rule.provider, names);
    const fix =
      close === undefined
        ? `external services: ${names.join(', ') || 'none declared'}`
        : `did you mean "${close}"?`;
    const message = `no external service named "${rule.provider}"`;
    return [{ path: [...at, 'provider'], anchor: 'value', message, fix }];
  }
  if (rule.provider === undefined || typeof rule.scope !== 'string') return [];
  const message = `provider only applies to scope: provider, not ${rule.scope}`;
  return [
    {
      path: [...at, 'provider'],
      anchor: 'key',
      message,
      fix: 'remove provider, or set scope: provider',
    },
  ];
}

/** A bucket set both here and in `spec.runtime.resilience.rateLimits` would be ambiguous. */
function setInRuntime(spec: Record<string, unknown>, bucket: PropertyKey[]): boolean {
  const limits = recordAt(spec, 'runtime', 'resilience', 'rateLimits');
  const [kind, provider] = bucket;
  if (kind === 'perProvider')
    return isRecord(limits.perProvider) && limits.perProvider[String(provider)] !== undefined;
  return limits[String(kind)] !== undefined;
}

function conflict(at: PropertyKey[], bucket: PropertyKey[], locate: Locator): DraftIssue {
  const runtimePath = [...RUNTIME_LIMITS, ...bucket];
  const { line } = locate(runtimePath);
  return {
    path: at,
    anchor: 'value',
    message: `${formatPath(runtimePath)} (line ${line}) sets the same limit`,
    fix: 'keep one of the two',
  };
}

/**
 * Rate-limit rules: a provider rule names a declared service, each runtime bucket is set in
 * one place only, and never also in `spec.runtime.resilience.rateLimits`.
 */
export function checkRateLimits(spec: Record<string, unknown>, locate: Locator): DraftIssue[] {
  const services = recordsOf(recordAt(spec, 'integrations').externalServices);
  const names = services.flatMap(([s]) => (typeof s.name === 'string' ? [s.name] : []));
  const issues: DraftIssue[] = [];
  const firstRule = new Map<string, number>();
  for (const [rule, index] of recordsOf(recordAt(spec, 'security', 'rateLimiting').rules)) {
    const at = [...RULES, index];
    issues.push(...checkProvider(rule, at, names));
    const bucket = bucketOf(rule);
    if (bucket === undefined) continue;
    const key = bucket.join('.');
    const first = firstRule.get(key);
    if (first !== undefined) {
      const { line } = locate([...RULES, first]);
      const message = `a second rule for the ${rule.scope === 'provider' ? `provider ${String(rule.provider)}` : String(rule.scope)} limit`;
      issues.push({
        path: [...at, 'scope'],
        anchor: 'value',
        message,
        fix: `merge it with the rule at line ${line}`,
      });
    } else firstRule.set(key, index);
    if (setInRuntime(spec, bucket)) issues.push(conflict([...at, 'scope'], bucket, locate));
  }
  for (const [service, index] of services) {
    if (service.rateLimit === undefined || typeof service.name !== 'string') continue;
    const bucket = ['perProvider', service.name];
    if (setInRuntime(spec, bucket))
      issues.push(conflict([...SERVICES, index, 'rateLimit'], bucket, locate));
  }
  return issues;
}
