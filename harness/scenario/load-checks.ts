import type { DraftIssue } from '../../src/config/yaml/index.js';
import { isRecord } from '../../src/config/yaml/index.js';
import type { OpenExecutor } from './types.js';

/** The keys only one executor uses, and what each needs. */
const OWN_KEYS: Record<OpenExecutor, readonly string[]> = {
  'constant-arrival-rate': ['rate', 'duration'],
  'ramping-arrival-rate': ['startRate', 'stages'],
};
const REQUIRED: Record<OpenExecutor, Readonly<Record<string, string>>> = {
  'constant-arrival-rate': {
    rate: 'add rate: requests started per timeUnit, e.g. 10',
    duration: 'add duration: how long to keep the rate, e.g. 30s',
  },
  'ramping-arrival-rate': { stages: 'add stages: [{ target: 10, duration: 1m }]' },
};
const OTHER: Record<OpenExecutor, OpenExecutor> = {
  'constant-arrival-rate': 'ramping-arrival-rate',
  'ramping-arrival-rate': 'constant-arrival-rate',
};

function isOpenExecutor(value: unknown): value is OpenExecutor {
  return value === 'constant-arrival-rate' || value === 'ramping-arrival-rate';
}

function checkOpen(open: Record<string, unknown>, at: PropertyKey[]): DraftIssue[] {
  const { executor } = open;
  if (!isOpenExecutor(executor)) return [];
  const issues: DraftIssue[] = [];
  for (const [key, fix] of Object.entries(REQUIRED[executor])) {
    if (Object.hasOwn(open, key)) continue;
    issues.push({
      path: [...at, key],
      anchor: 'missing',
      message: `${executor} needs ${key}`,
      fix,
    });
  }
  const other = OTHER[executor];
  for (const key of OWN_KEYS[other]) {
    if (!Object.hasOwn(open, key)) continue;
    issues.push({
      path: [...at, key],
      anchor: 'key',
      message: `used by ${other}, not by ${executor}`,
      fix: `remove ${key}, or set executor: ${other}`,
    });
  }
  return issues;
}

/** Rules of `load` a shape cannot state: one model only, and the keys each executor needs. */
export function loadChecks(data: Record<string, unknown>): DraftIssue[] {
  const { load } = data;
  if (!isRecord(load)) return [];
  const hasClosed = Object.hasOwn(load, 'closed');
  const hasOpen = Object.hasOwn(load, 'open');
  if (hasClosed && hasOpen) {
    const message = 'give closed or open, not both';
    const fix = 'closed keeps a fixed number in flight; open starts requests at a rate';
    return [{ path: ['load', 'open'], anchor: 'key', message, fix }];
  }
  if (!hasClosed && !hasOpen) {
    // An unknown key such as `closd:` is reported with a did-you-mean already.
    if (Object.keys(load).length > 0) return [];
    const fix = 'add closed: { concurrency, requests } or open: { executor, … }';
    return [{ path: ['load'], anchor: 'value', message: 'load needs closed or open', fix }];
  }
  return isRecord(load.open) ? checkOpen(load.open, ['load', 'open']) : [];
}
