import type { BreakerRecord } from './state-store.js';
import { StateStoreError, StateStoreErrorCodes } from './state-store-error.js';

// A breaker record lives in Redis as a hash with one field per property, so it reads well in
// redis-cli; absent optional properties are absent fields. `version` is written by the CAS script.

const BREAKER_STATES = new Set<string>(['closed', 'open', 'half-open']);

/** The hash fields of a record to store, as field, value pairs, without `version`. */
export function encodeBreakerHash(next: Omit<BreakerRecord, 'version'>): string[] {
  const fields: string[] = ['state', next.state];
  if (next.openedAtMs !== undefined) fields.push('openedAtMs', String(next.openedAtMs));
  if (next.probesInFlight !== undefined) fields.push('probesInFlight', String(next.probesInFlight));
  if (next.probeSuccesses !== undefined) fields.push('probeSuccesses', String(next.probeSuccesses));
  return fields;
}

/** The record in an HGETALL reply; `undefined` for an absent key, an error for a corrupt one. */
export function decodeBreakerHash(
  hash: Record<string, string>,
  safeUrl: string,
): BreakerRecord | undefined {
  if (Object.keys(hash).length === 0) return undefined;
  const { state, version, openedAtMs, probesInFlight, probeSuccesses } = hash;
  if (state === undefined || !BREAKER_STATES.has(state) || version === undefined)
    throw new StateStoreError(
      StateStoreErrorCodes.badReply,
      `Redis at ${safeUrl} holds a breaker record that is not one: ${JSON.stringify(hash)}`,
    );
  const record: BreakerRecord = {
    state: state as BreakerRecord['state'],
    version: parseRedisNumber(version, 'breaker version', safeUrl),
  };
  if (openedAtMs !== undefined)
    record.openedAtMs = parseRedisNumber(openedAtMs, 'openedAtMs', safeUrl);
  if (probesInFlight !== undefined)
    record.probesInFlight = parseRedisNumber(probesInFlight, 'probesInFlight', safeUrl);
  if (probeSuccesses !== undefined)
    record.probeSuccesses = parseRedisNumber(probeSuccesses, 'probeSuccesses', safeUrl);
  return record;
}

/** Redis hands numbers back as strings; one that does not read as a finite number is corrupt. */
export function parseRedisNumber(raw: string, what: string, safeUrl: string): number {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (Number.isFinite(value)) return value;
  throw new StateStoreError(
    StateStoreErrorCodes.badReply,
    `Redis at ${safeUrl} holds ${JSON.stringify(raw)} for ${what}, which is not a number`,
  );
}
