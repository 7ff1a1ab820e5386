import { Agent, type Dispatcher, request } from 'undici';

/*
 * The provider SDKs take a `fetch`. Node's own fetch costs about twice the CPU per call of
 * undici's `request` on the same keep-alive sockets (Request/Response objects, header
 * validation, web streams around the body); on the bridge's hot path that is most of what the
 * server adds. This is a `fetch` for the SDKs on `request`: it answers with a small response
 * object that has what the SDKs read (status, headers, a body that is async-iterable and has
 * text() and json()) and no web stream.
 *
 * Anything that intercepts the global fetch (msw) does not see these calls: in-process mocks use
 * the global fetch; a loopback mock server sees them like any client's.
 */

export interface UndiciFetchOptions {
  /** How long an idle keep-alive socket is kept (default 30 s; a server's shorter hint wins). */
  keepAliveTimeoutMs?: number;
  /** Sockets per origin (default: no limit). */
  connections?: number;
}

/** A `fetch` on its own keep-alive pool, and how to close the pool. */
export interface UndiciFetch {
  fetch: typeof fetch;
  /** Closes the pool's sockets once their requests end. */
  close(): Promise<void>;
}

type UndiciBody = Dispatcher.ResponseData['body'];

type RawHeaders = Record<string, string | string[] | undefined>;

/**
 * A response's headers as the read side of `Headers` (get, has, iteration) over undici's
 * object, whose names are already lower case: no copy and no per-header validation, which a
 * real `Headers` does for every response.
 */
class ReceivedHeaders {
  constructor(private readonly raw: RawHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return typeof value === 'string' ? value : value.join(', ');
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name in this.raw) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(each: (value: string, name: string, headers: this) => void): void {
    for (const [name, value] of this.entries()) each(value, name, this);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** The part of a fetch `Response` the SDKs read. */
class UndiciResponse {
  readonly ok: boolean;
  readonly statusText = '';
  readonly redirected = false;
  readonly type = 'basic';
  #headers: Headers | undefined;

  constructor(
    readonly url: string,
    readonly status: number,
    private readonly rawHeaders: RawHeaders,
    readonly body: UndiciBody,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  get headers(): Headers {
    this.#headers ??= new ReceivedHeaders(this.rawHeaders) as unknown as Headers;
    return this.#headers;
  }

  get bodyUsed(): boolean {
    return this.body.bodyUsed;
  }

  text(): Promise<string> {
    return this.body.text();
  }

  json(): Promise<unknown> {
    return this.body.json();
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.arrayBuffer();
  }
}

/** The request headers a fetch caller may pass, as undici takes them. */
function headerPairs(
  headers: RequestInit['headers'],
): Record<string, string> | Iterable<[string, string]> | string[] | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers;
  // undici reads an array as [name, value, name, value, …], fetch as pairs.
  if (Array.isArray(headers)) return headers.flat();
  return headers as Record<string, string>;
}

/**
 * A `fetch` on undici's `request` with a keep-alive pool of its own.
 *
 * @example
 * const http = createUndiciFetch();
 * const client = new OpenAI({ apiKey, fetch: http.fetch });
 * // …
 * await http.close();
 */
export function createUndiciFetch(options: UndiciFetchOptions = {}): UndiciFetch {
  const agent = new Agent({
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
    ...(options.connections === undefined ? {} : { connections: options.connections }),
  });
  const undiciFetch = async (input: string | URL | Request, init?: RequestInit) => {
    // A Request object carries its own body stream: leave it to the global fetch.
    if (typeof input !== 'string' && !(input instanceof URL)) return globalThis.fetch(input, init);
    const url = typeof input === 'string' ? input : input.href;
    const body = init?.body;
    if (body !== undefined && body !== null && typeof body !== 'string')
      return globalThis.fetch(input, init);
    const response = await request(url, {
      dispatcher: agent,
      method: init?.method ?? 'GET',
      headers: headerPairs(init?.headers),
      body: body ?? null,
      signal: init?.signal ?? null,
    });
    return new UndiciResponse(url, response.statusCode, response.headers, response.body);
  };
  return {
    fetch: undiciFetch as unknown as typeof fetch,
    close: () => agent.close(),
  };
}

/**
 * An error from the connection under a body being read: undici's own (`UND_ERR_SOCKET`: the
 * other side closed) or the system's (`ECONNRESET`). The global fetch raises these as
 * `TypeError: terminated`; here they arrive as they are.
 */
export function isConnectionError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('UND_ERR_') || 'syscall' in error);
}
