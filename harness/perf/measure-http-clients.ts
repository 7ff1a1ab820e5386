import {
  createAnthropicProvider,
  createOpenAICompatibleProvider,
  createSupportDemo,
  createUndiciFetch,
  type ModelRequest,
  type Provider,
  resolveConfig,
} from '../../src/index.js';
import { PROVIDER_MODELS } from '../backends/provider-models.js';
import { BENCH_BIN, mockServerArgs } from '../load/server-process.js';
import { median, p99 } from '../stats/statistics.js';
import { startChildService } from './child-service.js';

/** One HTTP client under the provider: what a call costs this process, and how long it takes. */
export interface HttpClientFigures {
  /** CPU (user + system) this process spent per call, median over rounds. */
  cpuUsPerCall: number;
  /** Calls per second at the given concurrency, median over rounds. */
  callsPerSecond: number;
  /** Per call, send to the last chunk read, median of the rounds' percentiles. */
  latencyMs: { p50: number; p99: number };
}

export interface HttpClientComparison {
  /** The provider SDK whose `fetch` is swapped. */
  sdk: ProviderSdk;
  calls: number;
  concurrency: number;
  rounds: number;
  /** Node's global fetch (what msw intercepts): the providers' default. */
  fetch: HttpClientFigures;
  /** undici's `request` on a keep-alive pool: what the live and loopback backends use. */
  undici: HttpClientFigures;
  /** undici's CPU per call over fetch's (below 1: undici is cheaper). */
  cpuRatio: number;
}

/** The SDKs that take a `fetch`, each measured on its own provider's streamed call. */
export const PROVIDER_SDKS = ['openai', 'anthropic'] as const;
export type ProviderSdk = (typeof PROVIDER_SDKS)[number];

export interface HttpClientOptions {
  /** Calls per client per round (default 2000). */
  calls?: number;
  /** Calls in flight at once (default 16). */
  concurrency?: number;
  /** Alternating rounds (default 3). */
  rounds?: number;
}

interface Round {
  cpuUsPerCall: number;
  callsPerSecond: number;
  latencyMs: number[];
}

async function drive(
  provider: Provider,
  request: ModelRequest,
  calls: number,
  concurrency: number,
): Promise<Round> {
  const latencyMs: number[] = [];
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls) {
        next++;
        const sent = performance.now();
        const outcome = await provider.complete(request);
        if (outcome.state !== 'ok')
          throw new Error(`the mock answered ${outcome.error.code}: ${outcome.error.message}`);
        latencyMs.push(performance.now() - sent);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    cpuUsPerCall: (used.user + used.system) / calls,
    callsPerSecond: (calls / elapsedMs) * 1000,
    latencyMs,
  };
}

function figures(rounds: Round[]): HttpClientFigures {
  return {
    cpuUsPerCall: median(rounds.map((r) => r.cpuUsPerCall)),
    callsPerSecond: median(rounds.map((r) => r.callsPerSecond)),
    latencyMs: {
      p50: median(rounds.map((r) => median(r.latencyMs))),
      p99: median(rounds.map((r) => p99(r.latencyMs))),
    },
  };
}

/** The provider of `sdk` on the loopback mock, with a given `fetch` (undefined: the global one). */
function providerOf(
  sdk: ProviderSdk,
  urls: { origin: string; openai: string },
  fetch: typeof globalThis.fetch | undefined,
): Provider {
  const common = { apiKey: 'mock-key', ...(fetch ? { fetch } : {}) };
  return sdk === 'openai'
    ? createOpenAICompatibleProvider({ baseURL: urls.openai, ...common })
    : createAnthropicProvider({ baseURL: urls.origin, ...common });
}

/**
 * The provider's HTTP client measured on its own: the bridge's simple-path call (streamed), on
 * each SDK that takes a `fetch` (openai, anthropic), against the loopback mock server in a
 * process of its own, through Node's global fetch and through undici's `request` on a
 * keep-alive pool, alternating, in this process.
 */
export async function measureHttpClients(
  options: HttpClientOptions = {},
): Promise<HttpClientComparison[]> {
  const calls = options.calls ?? 2000;
  const concurrency = options.concurrency ?? 16;
  const rounds = options.rounds ?? 3;
  const mock = await startChildService(
    process.execPath,
    [BENCH_BIN, ...mockServerArgs({ latency: 'zero', seed: 42 })],
    { name: 'bench mock-server' },
  );
  const pool = createUndiciFetch();
  try {
    const urls = JSON.parse(mock.firstLine) as { origin: string; openai: string };
    const config = resolveConfig({});
    const results: HttpClientComparison[] = [];
    for (const sdk of PROVIDER_SDKS) {
      const request: ModelRequest = {
        // The simple path's model, as the live backend of that provider sets it.
        model: PROVIDER_MODELS[sdk].simple,
        messages: [
          { role: 'system', content: createSupportDemo().prototype.instructions },
          { role: 'user', content: 'How long does standard shipping take?' },
        ],
        maxOutputTokens: config.paths.simple.maxOutputTokens,
        stream: config.stream,
      };
      const clients = {
        fetch: providerOf(sdk, urls, undefined),
        undici: providerOf(sdk, urls, pool.fetch),
      };
      const measured: Record<keyof typeof clients, Round[]> = { fetch: [], undici: [] };
      // Warm-up: sockets open and the JIT settles for both before anything counts.
      for (const provider of Object.values(clients))
        await drive(provider, request, Math.min(500, calls), concurrency);
      for (let round = 0; round < rounds; round++) {
        const order =
          round % 2 === 0 ? (['fetch', 'undici'] as const) : (['undici', 'fetch'] as const);
        for (const name of order)
          measured[name].push(await drive(clients[name], request, calls, concurrency));
      }
      const fetchFigures = figures(measured.fetch);
      const undiciFigures = figures(measured.undici);
      results.push({
        sdk,
        calls,
        concurrency,
        rounds,
        fetch: fetchFigures,
        undici: undiciFigures,
        cpuRatio: undiciFigures.cpuUsPerCall / fetchFigures.cpuUsPerCall,
      });
    }
    return results;
  } finally {
    await pool.close();
    await mock.stop();
  }
}
