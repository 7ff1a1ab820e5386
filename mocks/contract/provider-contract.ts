import { afterAll, describe, expect, it } from 'vitest';
import { createSupportDemo } from '../../src/agents/support/support-demo.js';
import { PriceTable } from '../../src/cost/price-table.js';
import type {
  ChatMessage,
  FailureCode,
  ModelRequest,
  Provider,
  ToolSpec,
} from '../../src/providers/provider.js';
import type { FaultKind, FaultProfile } from '../faults/index.js';
import type { FetchHandler } from '../handler.js';
import { createProviderMock } from '../provider-mock.js';
import { startHttpMockServer } from '../transports/http-server.js';
import { installMswMock } from '../transports/msw.js';

/** One provider client and the mock that speaks its wire format. */
export interface ContractSubject {
  name: string;
  model: string;
  /** Builds the project's client for a mock served at `origin` (e.g. `http://127.0.0.1:41234`). */
  client: (origin: string) => Provider;
  /** The backend runs tools itself (AgentOS): one call returns the tools it ran and the answer. */
  serverSideTools: boolean;
  /** What the client reports for each fault, where it differs from the common expectation. */
  faultCodes?: Partial<Record<FaultKind, FailureCode>>;
  /**
   * The transports to run over (default both). A client on its own sockets (undici's pool)
   * bypasses msw, so it runs over the loopback server only.
   */
  transports?: readonly Transport[];
}

const COMMON_FAULT_CODES: Partial<Record<FaultKind, FailureCode>> = {
  rate_limit: 'rate_limited',
  server_error: 'server_error',
  unavailable: 'server_error',
  context_length: 'context_length_exceeded',
  reset: 'network',
  malformed_json: 'invalid_response',
};

const FAQ = 'Acme facts:\n- Standard shipping takes 3-5 business days.\n- Gift cards never expire.';
const ask = (content: string): ChatMessage[] => [
  { role: 'system', content: FAQ },
  { role: 'user', content },
];
const ORDER_TOOLS: ToolSpec[] = createSupportDemo()
  .prototype.tools.filter((t) => t.name === 'lookup_order' || t.name === 'track_shipment')
  .map((t) => t.spec);

export type Transport = 'msw' | 'loopback';

async function serve(
  transport: Transport,
  handler: FetchHandler,
): Promise<{ origin: string; close(): Promise<void> }> {
  if (transport === 'loopback') {
    const server = await startHttpMockServer({ handler });
    return { origin: server.url, close: () => server.close() };
  }
  const origin = 'http://contract.invalid';
  const mock = installMswMock({ baseUrl: origin, paths: ['/*'], handler });
  return { origin, close: async () => mock.close() };
}

const always = (fault: FaultKind, params?: Record<string, unknown>): FaultProfile =>
  ({
    name: `always-${fault}`,
    description: '',
    rules: [{ fault, probability: 1, ...(params ? { params } : {}) }],
  }) as FaultProfile;

/**
 * The contract every provider client and its mock keep, over both transports: a plain answer, a
 * stream with time to first token, a tool-call round trip, usage that prices, each error class,
 * and cancellation through the deadline's signal.
 */
export function describeProviderContract(subject: ContractSubject): void {
  for (const transport of subject.transports ?? (['msw', 'loopback'] as const)) {
    describe(`${subject.name} over ${transport}`, () => {
      let served: { origin: string; close(): Promise<void> } | undefined;
      const use = async (faults?: FaultProfile, latency: 'zero' | 'realistic' = 'zero') => {
        await served?.close();
        served = await serve(
          transport,
          createProviderMock({ seed: 7, latency, timeScale: 0.05, ...(faults ? { faults } : {}) }),
        );
        return subject.client(served.origin);
      };
      const request = (
        messages: ChatMessage[],
        extra: Partial<ModelRequest> = {},
      ): ModelRequest => ({
        model: subject.model,
        messages,
        ...extra,
      });
      afterAll(async () => {
        await served?.close();
      });

      it('answers plainly with text, usage and a stop', async () => {
        const provider = await use();
        const outcome = await provider.complete(
          request(ask('How long does standard shipping take?')),
          { requestId: 'c-plain' },
        );
        expect(outcome.state).toBe('ok');
        if (outcome.state !== 'ok') return;
        expect(outcome.response.text).toContain('3-5 business days');
        expect(outcome.response.usage.inputTokens).toBeGreaterThan(0);
        expect(outcome.response.usage.outputTokens).toBeGreaterThan(0);
        expect(outcome.response.finishReason).toBe('stop');
        expect(
          new PriceTable().costOf(outcome.response.model, outcome.response.usage).totalUsd,
        ).toBeGreaterThan(0);
      });

      it('streams, with a time to first token inside the call’s latency', async () => {
        const provider = await use(undefined, 'realistic');
        const outcome = await provider.complete(
          request(ask('How long does standard shipping take?'), { stream: true }),
          { requestId: 'c-stream' },
        );
        expect(outcome.state).toBe('ok');
        if (outcome.state !== 'ok') return;
        expect(outcome.response.text).toContain('3-5 business days');
        expect(outcome.response.ttftMs).toBeGreaterThan(0);
        expect(outcome.response.ttftMs).toBeLessThanOrEqual(outcome.response.latencyMs);
      });

      it('round-trips tool calls', async () => {
        const provider = await use();
        const messages = ask('Where is my order ORD-10001?');
        if (subject.serverSideTools) {
          const outcome = await provider.complete(request(messages, { tools: ORDER_TOOLS }), {
            requestId: 'c-tools',
          });
          expect(
            outcome.state === 'ok' && outcome.response.serverToolCalls?.map((c) => c.name),
          ).toEqual(expect.arrayContaining(['lookup_order']));
          return;
        }
        const first = await provider.complete(request(messages, { tools: ORDER_TOOLS }), {
          requestId: 'c-tools',
        });
        expect(first.state === 'ok' && first.response.finishReason).toBe('tool_calls');
        if (first.state !== 'ok') return;
        const [call] = first.response.toolCalls;
        expect(call?.name).toBe('lookup_order');
        expect(JSON.parse(call?.arguments ?? '{}')).toEqual({ order_id: 'ORD-10001' });
        const result = { order_id: 'ORD-10001', status: 'shipped', tracking_number: 'TRK10000001' };
        const second = await provider.complete(
          request(
            [
              ...messages,
              { role: 'assistant', content: '', toolCalls: first.response.toolCalls },
              { role: 'tool', toolCallId: call?.id ?? '', content: JSON.stringify(result) },
            ],
            { tools: ORDER_TOOLS },
          ),
          { requestId: 'c-tools' },
        );
        expect(
          second.state === 'ok' && second.response.toolCalls.map((c) => JSON.parse(c.arguments)),
        ).toEqual([{ tracking_number: 'TRK10000001' }]);
      });

      const codes = { ...COMMON_FAULT_CODES, ...subject.faultCodes };
      for (const [fault, code] of Object.entries(codes) as Array<[FaultKind, FailureCode]>) {
        it(`reports ${fault} as ${code}`, async () => {
          const provider = await use(always(fault));
          const outcome = await provider.complete(request(ask('Hi')), { requestId: `c-${fault}` });
          expect(outcome.state === 'error' && outcome.error.code).toBe(code);
          if (fault === 'rate_limit')
            expect(outcome.state === 'error' && outcome.error.retryAfterMs).toBeGreaterThan(0);
        });
      }

      it('reports a stream cut before its end as invalid_response', async () => {
        const provider = await use(always('stream_cut'));
        const outcome = await provider.complete(request(ask('Hi'), { stream: true }), {
          requestId: 'c-cut',
        });
        expect(outcome.state === 'error' && outcome.error.code).toBe('invalid_response');
      });

      it('stops at the deadline (timeout) and on the caller’s abort (aborted)', async () => {
        const provider = await use(always('stall_before_first_byte', { stallMs: 60_000 }));
        const timedOut = await provider.complete(request(ask('Hi')), {
          requestId: 'c-deadline',
          signal: AbortSignal.timeout(50),
        });
        expect(timedOut.state === 'error' && timedOut.error).toMatchObject({
          code: 'timeout',
          isAbort: false,
        });
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 30);
        const aborted = await provider.complete(request(ask('Hi')), {
          requestId: 'c-abort',
          signal: controller.signal,
        });
        expect(aborted.state === 'error' && aborted.error).toMatchObject({
          code: 'aborted',
          isAbort: true,
        });
      });
    });
  }
}
