import type { Provider } from '../../src/index.js';
import type { LiveProvider, ProviderModels } from './provider-models.js';

export const BACKEND_NAMES = ['mock', 'mock-server', 'live', 'plugin'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** A model backend the bridge's provider talks to, started for a run and closed after it. */
export interface Backend {
  readonly name: BackendName;
  /** Where the provider sends requests, for the report (never contains a key). */
  readonly baseUrl: string;
  readonly provider: Provider;
  /**
   * Live backends: the protocol spoken (`openai`, `anthropic`, `agno-agentos`); plugin backends:
   * the plugin provider's name. For the report.
   */
  readonly providerName?: LiveProvider | (string & {});
  /**
   * The model names to run with, when the backend does not serve the runtime's defaults (the
   * mocks serve them; a live Anthropic or AgentOS backend does not).
   */
  readonly models?: ProviderModels;
  close(): Promise<void>;
}
