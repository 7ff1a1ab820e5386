import type { Provider } from '../../src/index.js';

export const BACKEND_NAMES = ['mock', 'mock-server', 'live'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** A model backend the bridge's provider talks to, started for a run and closed after it. */
export interface Backend {
  readonly name: BackendName;
  /** Where the provider sends requests, for the report (never contains a key). */
  readonly baseUrl: string;
  readonly provider: Provider;
  close(): Promise<void>;
}
