import { http } from 'msw';
import { setupServer } from 'msw/node';
import type { FetchHandler } from '../handler.js';

/** Options of {@link installMswMock}. */
export interface MswMockOptions {
  /** The API base as clients are configured with it, e.g. `http://mock.test/v1`. */
  baseUrl: string;
  /** Answers `POST {baseUrl}{path}` for each of `paths`, e.g. `createOpenAIChatMock(...)`. */
  handler: FetchHandler;
  /**
   * The POST routes under `baseUrl` to serve, as msw path patterns; default
   * `['/chat/completions']`. E.g. `['/messages']` for Anthropic, `['/agents/:agentId/runs']`
   * for Agno AgentOS.
   */
  paths?: readonly string[];
}

/** A running in-process interception; `close()` restores the real network. */
export interface InstalledMock {
  close(): void;
}

/**
 * Serves `handler` in-process through msw, so an unchanged client (the `openai` SDK included)
 * reaches it with a plain `fetch`. Any other request fails, as a mock should: closed, not open.
 * msw patches the process's `fetch`, so install one at a time, and create SDK clients after
 * installing (the SDK keeps the `fetch` it found when constructed). A handler's
 * `Response.error()` makes the client's `fetch` reject with a TypeError, as a connection reset
 * does on the loopback server; the request's signal aborts when the client aborts.
 *
 * @example
 * const mock = installMswMock({
 *   baseUrl: 'http://mock.test/v1',
 *   handler: createOpenAIChatMock({ seed: 1, latency: 'zero' }),
 * });
 * const client = new OpenAI({ apiKey: 'test', baseURL: 'http://mock.test/v1' });
 * // ... then mock.close();
 */
export function installMswMock(options: MswMockOptions): InstalledMock {
  const base = options.baseUrl.replace(/\/+$/, '');
  const paths = options.paths ?? ['/chat/completions'];
  const server = setupServer(
    ...paths.map((path) => http.post(`${base}${path}`, ({ request }) => options.handler(request))),
  );
  // msw tees every mocked response to hand a copy to its 'response:mocked' event, and nobody
  // reads that copy. A tee only cancels its source once both branches are cancelled, so a client
  // that stops reading a stream (a `break` in the openai SDK awaits `body.cancel()`) would wait
  // forever (mswjs/interceptors#712). Cancelling the unread copy at once avoids that.
  server.events.on('response:mocked', (event) => {
    event.response.body?.cancel().catch(() => undefined);
  });
  server.listen({ onUnhandledRequest: 'error' });
  return { close: () => server.close() };
}
