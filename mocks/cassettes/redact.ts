/** Header names whose values are secrets or personal: recorded as `[redacted]`. */
const SECRET_HEADER =
  /^(authorization|proxy-authorization|x-api-key|api-key|cookie|set-cookie)$|key|token|secret|password|session/i;
/** Query parameters that carry keys (e.g. `?key=` on some APIs). */
const SECRET_PARAM = /^(key|api[-_]?key|token|access[-_]?token|sig|signature)$/i;

export const REDACTED = '[redacted]';

/** Lower-cased header names, secret values replaced. */
export function redactHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    out[key] = SECRET_HEADER.test(key) ? REDACTED : value;
  }
  return out;
}

/** Path and query of a URL, with secret query parameters replaced. */
export function redactPath(url: URL): string {
  const params = new URLSearchParams(url.search);
  for (const name of [...params.keys()]) if (SECRET_PARAM.test(name)) params.set(name, REDACTED);
  const query = params.toString();
  return `${url.pathname}${query ? `?${query.replaceAll(encodeURIComponent(REDACTED), REDACTED)}` : ''}`;
}
