import { ConfigError } from '../../src/index.js';
import type { LoadRequest } from './request-cycle.js';

/** Where a load run sends its requests, and with which key. */
export interface LoadTarget {
  /** `…/v1/chat/completions`. */
  chatUrl: string;
  /** `…/metrics` (admin key as bearer). */
  metricsUrl: string;
  readyUrl: string;
  apiKey: string;
}

/**
 * The endpoints of a bridge server from its API base: `http://host:port/v1` as `bench serve`
 * prints it, or the bare origin.
 * @throws ConfigError for text that is not an http(s) URL.
 */
export function loadTargetOf(baseUrl: string, apiKey: string): LoadTarget {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigError(
      'HB_LOAD_TARGET',
      `--target must be the server's URL, e.g. http://127.0.0.1:8080/v1; got "${baseUrl}".`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(
      'HB_LOAD_TARGET',
      `--target must be an http:// or https:// URL; got "${baseUrl}".`,
    );
  const api = url.pathname.replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
  const base = api.endsWith('/v1') ? api : `${api}/v1`;
  const root = base.slice(0, -'/v1'.length);
  return {
    chatUrl: `${url.origin}${base}/chat/completions`,
    metricsUrl: `${url.origin}${root}/metrics`,
    readyUrl: `${url.origin}${root}/health/ready`,
    apiKey,
  };
}

/**
 * Checks the target is ready and accepts the key for every path the suite forces, by sending
 * one request per distinct labelled path (at once), twice. Returns the slowest answer of the
 * second round, what a step sizes its connections and warm-up by.
 * @throws ConfigError naming the status and what to check.
 */
export async function probeTarget(
  target: LoadTarget,
  requests: readonly LoadRequest[],
  timeoutMs: number,
): Promise<{ slowestMs: number }> {
  const ready = await fetch(target.readyUrl, { signal: AbortSignal.timeout(timeoutMs) }).catch(
    (error: Error) => {
      throw new ConfigError(
        'HB_LOAD_TARGET',
        `Cannot reach ${target.readyUrl}: ${(error.cause as Error | undefined)?.message ?? error.message}. Is the server running?`,
      );
    },
  );
  if (!ready.ok)
    throw new ConfigError(
      'HB_LOAD_TARGET',
      `${target.readyUrl} answered ${ready.status}: the server is not ready for traffic.`,
    );
  const distinct = new Map<string, LoadRequest>();
  for (const request of requests) distinct.set(request.path ?? '(router)', request);
  const round = () =>
    Promise.all(
      [...distinct.values()].map(async (request) => {
        const started = performance.now();
        const response = await fetch(target.chatUrl, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${target.apiKey}`,
            'content-type': 'application/json',
            ...(request.path ? { 'x-bench-path': request.path } : {}),
          },
          body: request.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text();
        if (!response.ok) {
          const hint =
            response.status === 401
              ? ' Check the key (HB_API_KEY).'
              : response.status === 403
                ? ' Forcing a path needs a key with role=admin.'
                : '';
          throw new ConfigError(
            'HB_LOAD_TARGET',
            `A probe request (${request.id}) got ${response.status} from ${target.chatUrl}: ${text.slice(0, 200)}.${hint}`,
          );
        }
        return performance.now() - started;
      }),
    );
  // The first round pays for a cold server (compilation, connections); the second is the one.
  await round();
  return { slowestMs: Math.max(0, ...(await round())) };
}
