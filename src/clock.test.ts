import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type Clock, ManualClock, realClock, startTimer } from './clock.js';

describe('ManualClock', () => {
  it('resolves a sleep only once time has advanced past it', async () => {
    const clock = new ManualClock();
    let woke = false;
    const sleeping = clock.sleep(100).then(() => {
      woke = true;
    });
    await clock.advance(99);
    expect(woke).toBe(false);
    await clock.advance(1);
    await sleeping;
    expect(woke).toBe(true);
    expect(clock.now()).toBe(100);
  });

  it('wakes sleepers in time order and lets them schedule new sleeps', async () => {
    const clock = new ManualClock();
    const order: string[] = [];
    void clock.sleep(30).then(() => order.push('b'));
    void clock.sleep(10).then(async () => {
      order.push('a');
      await clock.sleep(30);
      order.push('c');
    });
    await clock.advance(50);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('lets go of the abort listener once a sleep wakes', async () => {
    const clock = new ManualClock();
    const signal = new AbortController().signal;
    for (let i = 0; i < 20; i++) {
      const sleeping = clock.sleep(1, signal);
      await clock.advance(1);
      await sleeping;
    }
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('rejects a sleep with the signal reason on abort', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pending).toBe(0);
  });
});

describe('realClock', () => {
  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(realClock.sleep(10_000, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('stops sleeping when aborted mid-way', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const sleeping = realClock.sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new DOMException('late', 'TimeoutError')), 5);
    await expect(sleeping).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('startTimer', () => {
  it('fires a manual clock’s timer at its time, and never once cancelled', async () => {
    const clock = new ManualClock();
    const fired: string[] = [];
    startTimer(clock, 100, () => fired.push('a'));
    const cancel = startTimer(clock, 50, () => fired.push('b'));
    expect(clock.pending).toBe(2);
    cancel();
    expect(clock.pending).toBe(1);
    await clock.advance(99);
    expect(fired).toEqual([]);
    await clock.advance(1);
    expect(fired).toEqual(['a']);
    expect(clock.pending).toBe(0);
  });

  it('fires on the real clock, and not after cancel', async () => {
    const fired: string[] = [];
    startTimer(realClock, 5, () => fired.push('kept'));
    const cancel = startTimer(realClock, 5, () => fired.push('cancelled'));
    cancel();
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toEqual(['kept']);
  });

  it('stands in with a sleep on a clock that has no timer of its own', async () => {
    const manual = new ManualClock();
    const sleepOnly: Clock = {
      now: () => manual.now(),
      wallNow: () => manual.wallNow(),
      sleep: (ms, signal) => manual.sleep(ms, signal),
    };
    const fired: string[] = [];
    startTimer(sleepOnly, 10, () => fired.push('a'));
    const cancel = startTimer(sleepOnly, 10, () => fired.push('b'));
    cancel();
    await manual.advance(10);
    await Promise.resolve();
    expect(fired).toEqual(['a']);
    expect(manual.pending).toBe(0);
  });
});
