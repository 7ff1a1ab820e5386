/**
 * A 32-bit hash of text that is the same on every machine and run: FNV-1a over UTF-16 code
 * units, finished with murmur3's mixer so near-identical ids (`user-1`, `user-2`) spread evenly.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A point in [0, 1) for text, uniform over many different texts. */
export function unitHash(text: string): number {
  return stableHash(text) / 2 ** 32;
}
