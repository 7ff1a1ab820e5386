import { startTimer } from '../clock.js';
import type { ModelOutcome } from '../providers/provider.js';
import type { PathName } from '../routing/path.js';
import type { Middleware } from './request-scope.js';

/**
 * Hedged attempts for streamed calls: when an attempt has not started answering `afterMs` into
 * it, a second one is sent, and whichever answers first wins (the other is aborted). A stall
 * before the first byte then costs `afterMs` instead of a whole attempt timeout, and a slow
 * start is raced instead of waited for. Paths without a value are never hedged.
 */
export function withHedge(afterMs: Readonly<Partial<Record<PathName, number>>>): Middleware {
  return (next) => async (request, options) => {
    const { scope } = options;
    const delayMs = afterMs[scope.tier];
    if (!request.stream || delayMs === undefined) return next(request, options);
    const parent = options.signal ?? scope.signal;
    const withinScopeDeadline = parent === scope.signal || options.withinScopeDeadline === true;

    const launch = (kind: 'first' | 'retry' | 'fallback' | 'hedge') => {
      const controller = new AbortController();
      const onParent = () => controller.abort(parent.reason);
      if (parent.aborted) onParent();
      else parent.addEventListener('abort', onParent, { once: true });
      let started!: () => void;
      const leg = { isStarted: false };
      const firstByte = new Promise<'started'>((resolve) => {
        started = () => {
          leg.isStarted = true;
          resolve('started');
        };
      });
      const done = next(request, {
        ...options,
        signal: controller.signal,
        withinScopeDeadline,
        attemptKind: kind,
        onFirstByte: () => {
          options.onFirstByte?.();
          started();
        },
      }).finally(() => parent.removeEventListener('abort', onParent));
      return { controller, firstByte, done, leg };
    };

    const primary = launch(options.attemptKind ?? 'first');
    let cancelHedge!: () => void;
    const hedgeDue = new Promise<'hedge'>((resolve) => {
      cancelHedge = startTimer(scope.clock, delayMs, () => resolve('hedge'));
    });
    const first = await Promise.race([
      primary.done.then(() => 'done' as const),
      primary.firstByte,
      hedgeDue,
    ]);
    if (first !== 'hedge') {
      cancelHedge();
      return primary.done;
    }
    scope.telemetry.fellBack({
      kind: 'model',
      from: request.model,
      to: `${request.model} (hedge)`,
      reason: `no first byte after ${delayMs} ms`,
    });
    const hedge = launch('hedge');
    const legs = [primary, hedge];
    // The first success wins. A leg that fails while the other is still silent ends the race at
    // once (the retry layer starts afresh rather than wait on a stalled twin); while the other is
    // streaming, it is waited for.
    const winner = await new Promise<ModelOutcome>((resolve) => {
      let failures = 0;
      for (const current of legs) {
        void current.done.then((outcome) => {
          if (outcome.state === 'ok') return resolve(outcome);
          failures++;
          const othersStreaming = legs.some((other) => other !== current && other.leg.isStarted);
          if (failures === legs.length || !othersStreaming) resolve(outcome);
        });
      }
    });
    for (const leg of legs)
      leg.controller.abort(
        new DOMException('The other hedged attempt answered first', 'AbortError'),
      );
    return winner;
  };
}
