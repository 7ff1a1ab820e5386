import { describe, expect, it } from 'vitest';
import { getFaultProfile } from '../../mocks/index.js';
import { ConfigError, realClock } from '../../src/index.js';
import { LiveBackendErrorCodes } from './live-options.js';
import { startBackend } from './start-backend.js';

const live = {
  provider: 'openai',
  baseUrl: 'http://127.0.0.1:9/v1',
  env: { OPENAI_API_KEY: 'k' },
} as const;

describe('startBackend', () => {
  it('refuses faults on a live backend: they are injected by the mocks only', async () => {
    const failed = startBackend({
      backend: 'live',
      live,
      seed: 1,
      faults: getFaultProfile('mixed-20'),
      clock: realClock,
    });
    await expect(failed).rejects.toThrow(ConfigError);
    await expect(failed).rejects.toThrow(/mixed-20\) are injected by the mock backends only/);
  });

  it('refuses a time scale on a live backend', async () => {
    await expect(
      startBackend({ backend: 'live', live, seed: 1, timeScale: 0.1, clock: realClock }),
    ).rejects.toThrow(/--time-scale/);
  });

  it('needs live options with the live backend, and refuses them with a mock', async () => {
    await expect(startBackend({ backend: 'live', seed: 1, clock: realClock })).rejects.toThrow(
      expect.objectContaining({ code: LiveBackendErrorCodes.invalid }),
    );
    await expect(
      startBackend({ backend: 'mock', live, seed: 1, clock: realClock }),
    ).rejects.toThrow(/need --backend live, not mock/);
  });

  it('starts a live backend without contacting an OpenAI endpoint', async () => {
    const backend = await startBackend({ backend: 'live', live, seed: 1, clock: realClock });
    expect(backend).toMatchObject({ name: 'live', providerName: 'openai', baseUrl: live.baseUrl });
    await backend.close();
  });
});
