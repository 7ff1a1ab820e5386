/** What replaces a secret wherever one is found. */
export const REDACTED = '[REDACTED]';

// Each pattern keeps the part that says what the secret was (`Bearer `, `?api_key=`) so a log
// still reads sensibly, and replaces only the secret itself.
const SECRET_TEXT: ReadonlyArray<readonly [RegExp, string]> = [
  // OpenAI (`sk-…`, `sk-proj-…`) and Anthropic (`sk-ant-…`) keys, and Google API keys.
  [/\bsk-[A-Za-z0-9_-]{6,}/g, `sk-${REDACTED}`],
  [/\bAIza[0-9A-Za-z_-]{20,}/g, REDACTED],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi, `$1 ${REDACTED}`],
  // Credentials inside a URL: `redis://user:password@host`.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, `$1${REDACTED}@`],
  [/([?&](?:api[-_]?key|key|token|access[-_]?token|secret|password)=)[^&\s#]+/gi, `$1${REDACTED}`],
  // `x-api-key: abc`, `"apiKey":"abc"`, `password=abc` written out in prose or JSON.
  [
    /\b((?:x-)?api[-_]?key|authorization|password|secret|token)("?\s*[:=]\s*"?)(?!\[REDACTED\]|Bearer |Basic )[^\s"',;&]+/gi,
    `$1$2${REDACTED}`,
  ],
];

/**
 * Replaces anything in `text` that looks like a credential (API keys, bearer tokens, URL
 * passwords, `key=` parameters) with `[REDACTED]`. For error messages and log lines, whose
 * text the bridge does not control (a provider may echo the key it was sent).
 *
 * @example
 * scrubSecrets('401: invalid key sk-ant-api03-abcdef'); // '401: invalid key sk-[REDACTED]'
 */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_TEXT) out = out.replace(pattern, replacement);
  return out;
}

/** Object keys whose values are secrets whatever they hold (compared case-insensitively). */
export const SECRET_KEY =
  /^(?:(?:x-)?api[-_]?key|authorization|proxy-authorization|cookie|set-cookie|key|private[-_]?key|(?:access|refresh|id|auth)?[-_]?token|password|passwd|secret|client[-_]?secret)$/i;

const MAX_DEPTH = 8;

/**
 * A copy of `value` with every secret-named key's value replaced and every string scrubbed,
 * at any depth (plain objects and arrays; other objects pass as they are). Returns `value`
 * itself when nothing needed changing, so clean log lines cost no copy.
 */
export function scrubObject<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return scrubSecrets(value) as T;
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, index) => {
      const scrubbed = scrubObject(item, depth + 1);
      if (scrubbed !== item) {
        copy ??= [...value];
        copy[index] = scrubbed;
      }
    });
    return (copy ?? value) as T;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const scrubbed = SECRET_KEY.test(key) ? REDACTED : scrubObject(item, depth + 1);
    if (scrubbed !== item) {
      copy ??= { ...(value as Record<string, unknown>) };
      copy[key] = scrubbed;
    }
  }
  return (copy ?? value) as T;
}
