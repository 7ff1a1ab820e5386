import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { progressGuard } from './progress-guard.js';

/** When the guard's signal aborted (virtual ms) and why, or undefined. */
function watchAbort(clock: ManualClock, signal: AbortSignal | undefined) {
  const seen: { atMs?: number; reason?: unknown } = {};
  signal?.addEventListener('abort', () => {
    seen.atMs = clock.now();
    seen.reason = signal.reason;
  });
  return seen;
}

describe('progressGuard', () => {
  it('aborts with a TimeoutError when nothing starts within the first-byte limit', async () => {
    const clock = new ManualClock();
    const guard = progressGuard(clock, { firstByteMs: 1_000, idleMs: 200 }, undefined);
    const seen = watchAbort(clock, guard.signal);
    await clock.advance(999);
    expect(seen.atMs).toBeUndefined();
    await clock.advance(1);
    expect(seen.atMs).toBe(1_000);
    expect(seen.reason).toMatchObject({
      name: 'TimeoutError',
      message: 'No response within 1000 ms',
    });
  });

  it('lets a stream that keeps flowing run past every limit, and cuts it once it goes quiet', async () => {
    const clock = new ManualClock();
    const guard = progressGuard(clock, { firstByteMs: 1_000, idleMs: 200 }, undefined);
    const seen = watchAbort(clock, guard.signal);
    for (let i = 0; i < 50; i++) {
      await clock.advance(150); // a chunk every 150 ms: 7.5 s in all
      guard.progress();
    }
    expect(seen.atMs).toBeUndefined();
    await clock.advance(1_000);
    expect(seen.atMs).toBe(7_500 + 200);
    expect(seen.reason).toMatchObject({ message: 'Nothing streamed within 200 ms' });
  });

  it('applies the idle limit from the first byte, not when the first-byte timer would have fired', async () => {
    const clock = new ManualClock();
    const guard = progressGuard(clock, { firstByteMs: 10_000, idleMs: 500 }, undefined);
    const seen = watchAbort(clock, guard.signal);
    await clock.advance(100);
    guard.progress();
    await clock.advance(5_000);
    expect(seen.atMs).toBe(600);
  });

  it('keeps one timer however many chunks arrive', async () => {
    const clock = new ManualClock();
    const guard = progressGuard(clock, { firstByteMs: 1_000, idleMs: 200 }, undefined);
    guard.progress();
    for (let i = 0; i < 100; i++) guard.progress();
    await clock.whenSleeping(1);
    expect(clock.pending).toBe(1);
    guard.done();
  });

  it('stops its timers when done, and passes the caller’s abort through', async () => {
    const clock = new ManualClock();
    const finished = progressGuard(clock, { firstByteMs: 100 }, undefined);
    const quiet = watchAbort(clock, finished.signal);
    finished.done();
    await clock.advance(1_000);
    expect(quiet.atMs).toBeUndefined();
    expect(clock.pending).toBe(0);

    const caller = new AbortController();
    const guarded = progressGuard(clock, { idleMs: 100 }, caller.signal);
    caller.abort(new Error('user left'));
    expect(guarded.signal?.reason).toEqual(new Error('user left'));
    guarded.done();
  });
});
