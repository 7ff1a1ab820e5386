import {
  type Cassette,
  createProviderMock,
  createRecorder,
  createReplayHandler,
  type FaultProfile,
  type FetchHandler,
  startHttpMockServer,
  withFaults,
} from '../../mocks/index.js';

export interface ServeMocksOptions {
  port?: number;
  host?: string;
  seed: number;
  latency?: 'realistic' | 'zero';
  timeScale?: number;
  faults?: FaultProfile;
  /** Serve this cassette instead of the modelled providers. */
  replay?: Cassette;
  /** Be a recording proxy to this live origin instead of a mock. */
  recordUpstream?: string;
}

export interface ServedMocks {
  /** Base URLs as each provider's client wants them. */
  urls: { origin: string; openai: string; anthropic: string; agnoAgentOS: string };
  /** What the recording proxy has recorded so far (only with `recordUpstream`). */
  recorded?: () => Cassette;
  close(): Promise<void>;
}

/**
 * The loopback mock server: every provider mock (or a cassette, or a recording proxy) on one
 * port, with an optional fault profile in front. What `bench mock-server` runs.
 */
export async function serveMocks(options: ServeMocksOptions): Promise<ServedMocks> {
  const recorder = options.recordUpstream
    ? createRecorder({ upstream: options.recordUpstream })
    : undefined;
  const base: FetchHandler =
    recorder?.handler ??
    (options.replay
      ? createReplayHandler(
          options.replay,
          options.timeScale === undefined ? {} : { timeScale: options.timeScale },
        )
      : createProviderMock({
          seed: options.seed,
          latency: options.latency ?? 'realistic',
          ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
        }));
  const handler = options.faults
    ? withFaults(base, { profile: options.faults, seed: options.seed })
    : base;
  const server = await startHttpMockServer({
    handler,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  return {
    urls: {
      origin: server.url,
      openai: `${server.url}/v1`,
      anthropic: server.url,
      agnoAgentOS: server.url,
    },
    ...(recorder ? { recorded: () => recorder.cassette() } : {}),
    close: () => server.close(),
  };
}
