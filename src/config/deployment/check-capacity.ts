import type { DraftIssue } from '../yaml/index.js';
import { recordAt } from '../yaml/index.js';
import { DEPLOYMENT_DEFAULTS } from './defaults.js';
import { parseQuantity } from './parse-quantity.js';

const d = DEPLOYMENT_DEFAULTS;
const MILLI_MEMORY = /^([0-9.]+)m$/;

function checkScaling(spec: Record<string, unknown>): DraftIssue[] {
  const scaling = recordAt(spec, 'scaling');
  const given = { min: scaling.minReplicas, max: scaling.maxReplicas };
  const min = typeof given.min === 'number' ? given.min : d.scaling.minReplicas;
  const max = typeof given.max === 'number' ? given.max : d.scaling.maxReplicas;
  if (min <= max) return [];
  const maxText = given.max === undefined ? `${max}, the default` : String(max);
  const key = given.max === undefined ? 'minReplicas' : 'maxReplicas';
  return [
    {
      path: ['spec', 'scaling', key],
      anchor: 'value',
      message: `minReplicas (${min}) is above maxReplicas (${maxText})`,
      fix: 'raise maxReplicas or lower minReplicas',
    },
  ];
}

function checkResources(spec: Record<string, unknown>): DraftIssue[] {
  const issues: DraftIssue[] = [];
  for (const resource of ['cpu', 'memory'] as const) {
    const raw = {
      requests: recordAt(spec, 'resources', 'requests')[resource],
      limits: recordAt(spec, 'resources', 'limits')[resource],
    };
    for (const side of ['requests', 'limits'] as const) {
      const milli = typeof raw[side] === 'string' ? MILLI_MEMORY.exec(raw[side]) : null;
      if (resource === 'memory' && milli !== null) {
        issues.push({
          path: ['spec', 'resources', side, 'memory'],
          anchor: 'value',
          message: `${raw[side] as string} is ${Number(milli[1]) / 1000} bytes: m means milli`,
          fix: `did you mean ${milli[1]}Mi?`,
        });
      }
    }
    const text = {
      requests: raw.requests ?? d.resources.requests[resource],
      limits: raw.limits ?? d.resources.limits[resource],
    };
    const value = (v: unknown) =>
      typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined;
    const [request, limit] = [value(text.requests), value(text.limits)];
    if (request === undefined || limit === undefined || request <= limit) continue;
    const side = raw.requests === undefined ? 'limits' : 'requests';
    issues.push({
      path: ['spec', 'resources', side, resource],
      anchor: 'value',
      message: `the ${resource} request (${String(text.requests)}) is above its limit (${String(text.limits)})`,
      fix: 'a replica may never ask for more than its limit: raise the limit or lower the request',
    });
  }
  return issues;
}

/** Scaling and resource rules the schema cannot express. */
export function checkCapacity(spec: Record<string, unknown>): DraftIssue[] {
  return [...checkScaling(spec), ...checkResources(spec)];
}
