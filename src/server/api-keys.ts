import { createHash, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '../errors.js';

export interface ApiKey {
  /** Who the key belongs to: becomes the request's user when the body names none. */
  name: string;
}

/** Keys by their SHA-256: lookups compare digests in constant time, never the keys themselves. */
export class ApiKeys {
  readonly #entries: Array<{ digest: Buffer; key: ApiKey }>;

  constructor(entries: ReadonlyArray<{ name: string; secret: string }>) {
    this.#entries = entries.map(({ name, secret }) => ({ digest: digest(secret), key: { name } }));
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
  return createHash('sha256').update(secret).digest();
}

/**
 * `name:secret` pairs, separated by commas or new lines (`#` starts a comment): the format of
 * `HB_API_KEYS` and of a keys file. `source` names where they came from in errors, which never
 * quote a secret.
 */
export function parseApiKeys(text: string, source: string): ApiKeys {
  const entries: Array<{ name: string; secret: string }> = [];
  const items = text
    .split(/[\n,]/)
    .map((item) => item.replace(/#.*$/, '').trim())
    .filter(Boolean);
  for (const [i, item] of items.entries()) {
    const colon = item.indexOf(':');
    const name = item.slice(0, colon).trim();
    const secret = item.slice(colon + 1).trim();
    if (colon <= 0 || secret.length < 16) {
      throw new ConfigError(
        'HB_API_KEYS_INVALID',
        `${source}: entry ${i + 1} must be name:secret with a secret of at least 16 characters`,
      );
    }
    entries.push({ name, secret });
  }
  if (entries.length === 0)
    throw new ConfigError('HB_API_KEYS_INVALID', `${source}: no keys (write name:secret pairs)`);
  return new ApiKeys(entries);
}
