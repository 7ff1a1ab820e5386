import { describe, expect, it } from 'vitest';
import { PriceTable } from '../cost/price-table.js';
import type { Provider } from '../providers/provider.js';
import { createScriptedProvider, type ScriptedStep } from '../providers/scripted.js';
import { createMemoryStore } from '../state/memory-store.js';
import { compose } from './compose.js';
import {
  type Dispatch,
  localFailure,
  type Middleware,
  type RequestScope,
} from './request-scope.js';
import { askModel, testScope } from './testing.js';
import { withAttemptTimeout } from './with-attempt-timeout.js';
import { withBreaker } from './with-breaker.js';
import { withBudget } from './with-budget.js';
import { withCache } from './with-cache.js';
import { withFallback } from './with-fallback.js';
import { withHedge } from './with-hedge.js';
import { withMeter } from './with-meter.js';
import { withRetry } from './with-retry.js';

const retry = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000, maxRetryAfterMs: 20_000 };
const breaker = {
  windowMs: 10_000,
  bucketMs: 1_000,
  minRequests: 3,
  failureRate: 0.5,
  openMs: 5_000,
  halfOpenProbes: 1,
  successesToClose: 1,
};
const prices = new PriceTable();

function stack(provider: Provider, middleware: Middleware[]): Dispatch {
  return compose([...middleware, withMeter(prices, provider.id)])(
    (request, { scope: _s, attemptKind: _k, ...options }) => provider.complete(request, options),
  );
}
const fail = (
  code: 'server_error' | 'rate_limited' | 'timeout',
  retryAfterMs?: number,
): ScriptedStep => ({
  error: {
    code,
    status: code === 'rate_limited' ? 429 : 500,
    ...(retryAfterMs ? { retryAfterMs } : {}),
  },
});
const ok: ScriptedStep = { text: 'fine', usage: { inputTokens: 100, outputTokens: 10 } };
const call = (dispatch: Dispatch, scope: RequestScope, model = 'gpt-4o') =>
  dispatch(askModel(model), { scope });

describe('withRetry', () => {
  it('retries retryable failures with backoff on the clock, honouring Retry-After', async () => {
    const scope = testScope();
    const provider = createScriptedProvider({
      clock: scope.clock,
      script: [fail('server_error'), fail('rate_limited', 3_000), ok],
    });
    const outcome = await scope.clock.run(call(stack(provider, [withRetry(retry)]), scope));
    expect(outcome.state).toBe('ok');
    expect(provider.calls).toHaveLength(3);
    expect(scope.events).toEqual([
      'retry gpt-4o #1 server_error 100ms',
      'retry gpt-4o #2 rate_limited 3000ms',
    ]);
    expect(scope.clock.now()).toBe(3_100);
    expect(scope.backoffMs).toBe(3_100);
    expect(scope.attempts.map((a) => `${a.kind}:${a.state}`)).toEqual([
      'first:error',
      'retry:error',
      'retry:ok',
    ]);
  });

  it('does not retry past the deadline: a Retry-After longer than the time left ends it', async () => {
    const scope = testScope({ deadlineAtMs: 2_000 });
    const provider = createScriptedProvider({
      clock: scope.clock,
      script: [fail('rate_limited', 5_000), ok],
    });
    const outcome = await scope.clock.run(call(stack(provider, [withRetry(retry)]), scope));
    expect(outcome.state === 'error' && outcome.error.code).toBe('rate_limited');
    expect(provider.calls).toHaveLength(1);
  });

  it('adds no attempts when the provider owns its retries', async () => {
    const scope = testScope();
    const provider = {
      ...createScriptedProvider({ script: [fail('server_error'), ok] }),
      retryOwner: 'provider' as const,
    };
    const outcome = await call(
      stack(provider, [withRetry(retry, provider.retryOwner === 'provider')]),
      scope,
    );
    expect(outcome.state).toBe('error');
    expect(scope.attempts).toHaveLength(1);
  });
});

describe('withBreaker', () => {
  it('opens after the failure rate, refuses without calling the backend, probes after the cool-down and recovers', async () => {
    const scope = testScope();
    const store = createMemoryStore({ now: () => scope.clock.wallNow() });
    let healthy = false;
    const provider = createScriptedProvider({
      script: () => (healthy ? ok : fail('server_error')),
    });
    const dispatch = stack(provider, [withBreaker(store, 'p', breaker)]);
    for (let i = 0; i < 3; i++) await call(dispatch, scope);
    expect(scope.events).toEqual(['breaker p:gpt-4o closed→open']);
    const refused = await call(dispatch, scope);
    expect(refused.state === 'error' && refused.error).toMatchObject({
      code: 'circuit_open',
      retryAfterMs: 5_000,
    });
    expect(provider.calls).toHaveLength(3);
    await scope.clock.advance(5_000);
    healthy = true;
    expect((await call(dispatch, scope)).state).toBe('ok');
    expect(scope.events).toEqual([
      'breaker p:gpt-4o closed→open',
      'breaker p:gpt-4o open→half-open',
      'breaker p:gpt-4o half-open→closed',
    ]);
    expect((await call(dispatch, scope)).state).toBe('ok');
  });

  it('keeps one breaker per provider and model', async () => {
    const scope = testScope();
    const store = createMemoryStore({ now: () => scope.clock.wallNow() });
    const provider = createScriptedProvider({
      script: (request) => (request.model === 'gpt-4o' ? fail('server_error') : ok),
    });
    const dispatch = stack(provider, [withBreaker(store, 'p', breaker)]);
    for (let i = 0; i < 4; i++) await call(dispatch, scope);
    expect((await call(dispatch, scope, 'gpt-4o-mini')).state).toBe('ok');
  });
});

describe('withFallback', () => {
  it('tries the fallback model when the primary keeps failing, each with its own retries', async () => {
    const scope = testScope();
    const provider = createScriptedProvider({
      clock: scope.clock,
      script: (r) => (r.model === 'gpt-4o' ? fail('server_error') : ok),
    });
    const dispatch = stack(provider, [withFallback({ 'gpt-4o': ['gpt-4.1'] }), withRetry(retry)]);
    const outcome = await scope.clock.run(call(dispatch, scope));
    expect(outcome.state).toBe('ok');
    expect(provider.calls.map((c) => c.model)).toEqual(['gpt-4o', 'gpt-4o', 'gpt-4o', 'gpt-4.1']);
    expect(scope.attempts.map((a) => a.kind)).toEqual(['first', 'retry', 'retry', 'fallback']);
    expect(scope.events.at(-1)).toBe('fallback model gpt-4o→gpt-4.1');
  });

  it('does not fall back from a bad request', async () => {
    const scope = testScope();
    const provider = createScriptedProvider({
      script: [{ error: { code: 'bad_request', status: 400 } }, ok],
    });
    const outcome = await call(stack(provider, [withFallback({ 'gpt-4o': ['gpt-4.1'] })]), scope);
    expect(outcome.state === 'error' && outcome.error.code).toBe('bad_request');
    expect(provider.calls).toHaveLength(1);
  });
});

describe('withCache', () => {
  it('answers a repeated request from the cache, flagged, free and without a backend call', async () => {
    const scope = testScope();
    const store = createMemoryStore({ now: () => scope.clock.wallNow() });
    const provider = createScriptedProvider({ script: () => ok });
    const dispatch = stack(provider, [withCache(store, 60_000)]);
    await call(dispatch, scope);
    const again = await call(dispatch, scope);
    expect(again.state === 'ok' && again.response).toMatchObject({
      text: 'fine',
      cached: true,
      usage: { inputTokens: 0, outputTokens: 0 },
    });
    expect(provider.calls).toHaveLength(1);
    expect(scope.attempts.map((a) => a.cached)).toEqual([false, true]);
    expect(scope.events).toEqual(['cache miss', 'cache hit']);
  });

  it('never caches a failure or a cut-off answer', async () => {
    const scope = testScope();
    const store = createMemoryStore({ now: () => scope.clock.wallNow() });
    const provider = createScriptedProvider({
      script: [fail('server_error'), { text: 'cut', finishReason: 'length' }, ok, ok],
    });
    const dispatch = stack(provider, [withCache(store, 60_000)]);
    for (let i = 0; i < 3; i++) await call(dispatch, scope);
    expect(provider.calls).toHaveLength(3);
  });

  it('expires entries after their TTL', async () => {
    const scope = testScope();
    const store = createMemoryStore({ now: () => scope.clock.wallNow() });
    const provider = createScriptedProvider({ script: () => ok });
    const dispatch = stack(provider, [withCache(store, 1_000)]);
    await call(dispatch, scope);
    await scope.clock.advance(1_001);
    await call(dispatch, scope);
    expect(provider.calls).toHaveLength(2);
  });
});

describe('withBudget and withAttemptTimeout', () => {
  it('refuses calls once the request’s cost cap is spent', async () => {
    const scope = testScope({ capUsd: 0.0001 });
    const provider = createScriptedProvider({ script: () => ok });
    const dispatch = stack(provider, [withBudget()]);
    expect((await call(dispatch, scope)).state).toBe('ok');
    const refused = await call(dispatch, scope);
    expect(refused.state === 'error' && refused.error.code).toBe('budget_exceeded');
    expect(provider.calls).toHaveLength(1);
  });

  it('cuts a stalled attempt at its ceiling and retries within the deadline', async () => {
    const scope = testScope({ deadlineAtMs: 30_000 });
    const provider = createScriptedProvider({
      clock: scope.clock,
      script: [
        { ...ok, latencyMs: 120_000 },
        { ...ok, latencyMs: 500 },
      ],
    });
    const dispatch = stack(provider, [
      withRetry(retry),
      withAttemptTimeout({
        simple: { attemptTimeoutMs: 4_000 },
        complex: { attemptTimeoutMs: 4_000 },
        full: { attemptTimeoutMs: 4_000 },
      }),
    ]);
    const outcome = await scope.clock.run(call(dispatch, scope));
    expect(outcome.state).toBe('ok');
    expect(scope.attempts.map((a) => a.code ?? 'ok')).toEqual(['timeout', 'ok']);
    expect(scope.clock.now()).toBe(4_000 + 100 + 500);
  });
});

describe('withAttemptTimeout on streams', () => {
  const timeouts = {
    simple: { attemptTimeoutMs: 4_000, firstByteTimeoutMs: 1_000 },
    complex: { attemptTimeoutMs: 4_000 },
    full: { attemptTimeoutMs: 4_000 },
  };
  /** The attempt layer over a dispatch that records the signal and limits each call gets. */
  function recorded() {
    const seen: Array<{ signal?: AbortSignal; firstByteTimeoutMs?: number }> = [];
    const dispatch = withAttemptTimeout(timeouts)(async (request, options) => {
      seen.push({
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.firstByteTimeoutMs === undefined
          ? {}
          : { firstByteTimeoutMs: options.firstByteTimeoutMs }),
      });
      return localFailure(request, 'aborted', 'stub');
    });
    return { seen, dispatch };
  }
  const stream = { ...askModel('gpt-4o-mini'), stream: true };

  it('gives a stream under the scope’s deadline that very signal, with its stream limits', async () => {
    const scope = testScope({ tier: 'simple', deadlineAtMs: 5_000 });
    const { seen, dispatch } = recorded();
    await dispatch(stream, { scope });
    const leg = new AbortController().signal;
    await dispatch(stream, { scope, signal: leg, withinScopeDeadline: true });
    expect(seen).toEqual([
      { signal: scope.signal, firstByteTimeoutMs: 1_000 },
      { signal: leg, firstByteTimeoutMs: 1_000 },
    ]);
  });

  it('gives a stream under a signal of another origin a deadline of its own at the scope’s', async () => {
    const scope = testScope({ tier: 'simple', deadlineAtMs: 5_000 });
    const elsewhere = new AbortController().signal;
    let given: AbortSignal | undefined;
    // A stalled stream: it ends only when its signal aborts.
    const dispatch = withAttemptTimeout(timeouts)((request, options) => {
      given = options.signal;
      return new Promise((resolve) =>
        options.signal?.addEventListener('abort', () =>
          resolve(
            localFailure(request, 'timeout', String(options.signal?.reason), {
              latencyMs: scope.clock.now(),
            }),
          ),
        ),
      );
    });
    const outcome = scope.clock.run(dispatch(stream, { scope, signal: elsewhere }));
    expect(await outcome).toMatchObject({ state: 'error', latencyMs: 5_000 });
    expect(given).not.toBe(elsewhere);
    expect(given?.reason).toBeInstanceOf(DOMException);
    expect(given?.reason).toMatchObject({ name: 'TimeoutError' });
    expect(elsewhere.aborted).toBe(false);
  });
});

describe('withHedge', () => {
  it('tells the layers below that its legs end with the scope’s deadline', async () => {
    const scope = testScope({ tier: 'simple' });
    const flags: Array<boolean | undefined> = [];
    const dispatch = withHedge({ simple: 1_500 })(async (request, options) => {
      flags.push(options.withinScopeDeadline);
      return localFailure(request, 'aborted', 'stub');
    });
    const stream = { ...askModel('gpt-4o-mini'), stream: true };
    await dispatch(stream, { scope });
    await dispatch(stream, { scope, signal: new AbortController().signal });
    expect(flags).toEqual([true, false]);
  });

  const streamed = (dispatch: Dispatch, scope: RequestScope) =>
    dispatch({ ...askModel('gpt-4o-mini'), stream: true }, { scope });

  it('races a twin when the first attempt has not started answering, and keeps the winner', async () => {
    const scope = testScope({ tier: 'simple' });
    const provider = createScriptedProvider({
      clock: scope.clock,
      script: [
        { ...ok, ttftMs: 60_000, latencyMs: 61_000 },
        { ...ok, ttftMs: 200, latencyMs: 500 },
      ],
    });
    const outcome = await scope.clock.run(
      streamed(stack(provider, [withHedge({ simple: 1_500 })]), scope),
    );
    expect(outcome.state).toBe('ok');
    expect(scope.clock.now()).toBe(2_000);
    expect(scope.attempts.map((a) => `${a.kind}:${a.code ?? 'ok'}`)).toEqual([
      'hedge:ok',
      'first:aborted',
    ]);
  });

  it('ends the race when the twin fails while the first attempt is still silent, for the retry layer to start afresh', async () => {
    const scope = testScope({ tier: 'simple' });
    const provider = createScriptedProvider({
      clock: scope.clock,
      script: [
        { ...ok, ttftMs: 60_000, latencyMs: 61_000 },
        fail('server_error'),
        { ...ok, ttftMs: 100, latencyMs: 300 },
      ],
    });
    const dispatch = stack(provider, [withRetry(retry), withHedge({ simple: 1_000 })]);
    const outcome = await scope.clock.run(streamed(dispatch, scope));
    expect(outcome.state).toBe('ok');
    expect(scope.clock.now()).toBe(1_000 + 100 + 300);
  });

  it('sends no twin when the attempt starts in time', async () => {
    const scope = testScope({ tier: 'simple' });
    const provider = createScriptedProvider({
      clock: scope.clock,
      script: [{ ...ok, ttftMs: 800, latencyMs: 3_000 }, ok],
    });
    const outcome = await scope.clock.run(
      streamed(stack(provider, [withHedge({ simple: 1_500 })]), scope),
    );
    expect(outcome.state).toBe('ok');
    expect(provider.calls).toHaveLength(1);
  });

  it('does not hedge paths without a delay, or calls that do not stream', async () => {
    const scope = testScope({ tier: 'complex' });
    const provider = createScriptedProvider({
      clock: scope.clock,
      script: () => ({ ...ok, ttftMs: 5_000, latencyMs: 6_000 }),
    });
    await scope.clock.run(streamed(stack(provider, [withHedge({ simple: 1_500 })]), scope));
    expect(provider.calls).toHaveLength(1);
  });
});
