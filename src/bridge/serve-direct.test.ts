import { describe, expect, it } from 'vitest';
import { createSupportDemo } from '../agents/index.js';
import type { CallOptions, ModelRequest, Provider } from '../providers/provider.js';
import { createBridge } from './create-bridge.js';

describe('agno-only without a caller signal', () => {
  it('gives each request a signal of its own, so per-call listeners die with the request', async () => {
    const signals: Array<AbortSignal | undefined> = [];
    const provider: Provider = {
      id: 'stub',
      complete: async (request: ModelRequest, options?: CallOptions) => {
        signals.push(options?.signal);
        return {
          state: 'ok',
          response: {
            text: 'Done.',
            toolCalls: [],
            usage: { inputTokens: 10, outputTokens: 2 },
            usageEstimated: false,
            latencyMs: 1,
            model: request.model,
            finishReason: 'stop',
          },
        };
      },
    };
    const { prototype, team } = createSupportDemo();
    const bridge = createBridge({ prototype, team, provider });
    for (let i = 0; i < 3; i++) {
      await bridge.run(
        { messages: [{ role: 'user', content: 'Do you ship to Canada?' }] },
        { mode: 'agno-only', requestId: `r${i}` },
      );
    }
    expect(signals).toHaveLength(3);
    expect(signals.every((s) => s instanceof AbortSignal)).toBe(true);
    expect(new Set(signals).size).toBe(3);
  });
});
