import { hash, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '../errors.js';
import type { TokenBucketSpec } from '../state/state-store.js';

/**
 * What a key may do. `user`: chat completions, routed by the bridge. `admin`: also force a path
 * (`x-bench-path`, `hybrid-bench-<path>` models: a user must not buy the expensive path for
 * itself) and read `/metrics`. `metrics`: only `/metrics` (a Prometheus scraper).
 */
export const API_KEY_ROLES = ['user', 'admin', 'metrics'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export interface ApiKey {
  /** Who the key belongs to: becomes the request's user when the body names none. */
  name: string;
  role: ApiKeyRole;
  /** Requests this key may start (a token bucket in the bridge's state store); absent: no limit. */
  rateLimit?: TokenBucketSpec;
}

export interface ApiKeyEntry extends ApiKey {
  secret: string;
}

/** Keys by their SHA-256: lookups compare digests in constant time, never the keys themselves. */
export class ApiKeys {
  readonly #entries: Array<{ digest: Buffer; key: ApiKey }>;

  constructor(entries: readonly ApiKeyEntry[]) {
    this.#entries = entries.map(({ secret, ...key }) => ({ digest: digest(secret), key }));
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The key a bearer token belongs to, or undefined. Every entry is compared, match or not. */
  find(token: string): ApiKey | undefined {
    const candidate = digest(token);
    let found: ApiKey | undefined;
    for (const entry of this.#entries)
      if (timingSafeEqual(entry.digest, candidate)) found = entry.key;
    return found;
  }
}

function digest(secret: string): Buffer {
  // One call, no Hash object: this runs for every request.
  return hash('sha256', secret, 'buffer');
}

const FORMAT = 'name:secret [role=user|admin|metrics] [rps=N] [burst=N]';

function invalid(source: string, entry: number, problem: string): ConfigError {
  return new ConfigError(
    'HB_API_KEYS_INVALID',
    `${source}: entry ${entry} ${problem} (write ${FORMAT}; secrets of at least 16 characters)`,
  );
}

function positive(source: string, entry: number, name: string, value: string): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n) || n <= 0)
    throw invalid(source, entry, `has ${name}=${value}, which must be a number > 0`);
  return n;
}

/** One `name:secret attr=value…` entry; errors name the entry by number, never quote a secret. */
function parseEntry(item: string, source: string, entry: number): ApiKeyEntry {
  const [pair = '', ...attributes] = item.split(/\s+/);
  const colon = pair.indexOf(':');
  const name = pair.slice(0, colon);
  const secret = pair.slice(colon + 1);
  if (colon <= 0 || secret.length < 16) throw invalid(source, entry, 'must start with name:secret');
  let role: ApiKeyRole = 'user';
  let rps: number | undefined;
  let burst: number | undefined;
  for (const attribute of attributes) {
    const [field = '', value = ''] = attribute.split('=', 2);
    if (field === 'role') {
      if (!(API_KEY_ROLES as readonly string[]).includes(value))
        throw invalid(source, entry, `has role=${value}; roles are ${API_KEY_ROLES.join(', ')}`);
      role = value as ApiKeyRole;
    } else if (field === 'rps') rps = positive(source, entry, 'rps', value);
    else if (field === 'burst') burst = positive(source, entry, 'burst', value);
    else throw invalid(source, entry, `has an unknown attribute "${field}"`);
  }
  if (burst !== undefined && rps === undefined)
    throw invalid(source, entry, 'sets burst without rps');
  return {
    name,
    secret,
    role,
    ...(rps === undefined
      ? {}
      : { rateLimit: { refillPerSecond: rps, capacity: burst ?? Math.max(1, Math.ceil(rps)) } }),
  };
}

/**
 * Keys separated by commas or new lines (`#` starts a comment), each `name:secret` with optional
 * `role=`, `rps=` and `burst=`: the format of `HB_API_KEYS` and of a keys file. `source` names
 * where they came from in errors, which never quote a secret.
 *
 * @example
 * parseApiKeys('web:sk-web-0123456789abcdef rps=20 burst=40, ops:sk-ops-0123456789abcdef role=admin', 'HB_API_KEYS');
 */
export function parseApiKeys(text: string, source: string): ApiKeys {
  const items = text
    .split(/[\n,]/)
    .map((item) => item.replace(/#.*$/, '').trim())
    .filter(Boolean);
  const entries = items.map((item, i) => parseEntry(item, source, i + 1));
  if (entries.length === 0)
    throw new ConfigError('HB_API_KEYS_INVALID', `${source}: no keys (write ${FORMAT})`);
  const names = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    if (names.has(entry.name))
      throw invalid(source, i + 1, `repeats the name "${entry.name}"; names must be unique`);
    names.add(entry.name);
  }
  return new ApiKeys(entries);
}
