import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { createHealth } from './health.js';

describe('createHealth', () => {
  it('is live and ready with nothing registered', async () => {
    const health = createHealth();
    expect(health.live()).toEqual({ status: 'ok' });
    expect(await health.ready()).toEqual({ status: 'ok', openBreakers: [], checks: {} });
  });

  it('is degraded while a breaker is open, and ok again once it closes', async () => {
    const health = createHealth();
    health.breakerChanged({ key: 'openai/gpt-4o', from: 'closed', to: 'open' });
    health.breakerChanged({ key: 'anthropic/claude', from: 'closed', to: 'open' });
    expect(await health.ready()).toMatchObject({
      status: 'degraded',
      openBreakers: ['anthropic/claude', 'openai/gpt-4o'],
    });
    health.breakerChanged({ key: 'openai/gpt-4o', from: 'open', to: 'half-open' });
    health.breakerChanged({ key: 'anthropic/claude', from: 'half-open', to: 'closed' });
    expect(await health.ready()).toMatchObject({ status: 'ok', openBreakers: [] });
  });

  it('is unavailable when a check fails, naming why without secrets', async () => {
    const health = createHealth();
    health.addCheck('memory', () => true);
    health.addCheck('state', async () => {
      throw new Error('connect ECONNREFUSED redis://:hunter2@127.0.0.1:6379');
    });
    health.addCheck('flag', () => false);
    health.breakerChanged({ key: 'k', from: 'closed', to: 'open' });
    const readiness = await health.ready();
    expect(readiness.status).toBe('unavailable');
    expect(readiness.checks.memory).toBe('ok');
    expect(readiness.checks.flag).toBe('failed');
    expect(readiness.checks.state).toContain('ECONNREFUSED');
    expect(readiness.checks.state).not.toContain('hunter2');
    health.removeCheck('state');
    health.removeCheck('flag');
    expect((await health.ready()).status).toBe('degraded');
  });

  it('fails a check that does not settle in time', async () => {
    const clock = new ManualClock();
    const health = createHealth({ clock, checkTimeoutMs: 500 });
    let aborted = false;
    health.addCheck('state', (signal) => {
      signal.addEventListener('abort', () => {
        aborted = true;
      });
      return new Promise(() => undefined);
    });
    const pending = health.ready();
    await clock.whenSleeping();
    await clock.advance(500);
    const readiness = await pending;
    expect(readiness).toMatchObject({
      status: 'unavailable',
      checks: { state: 'timed out after 500 ms' },
    });
    expect(aborted).toBe(true);
  });
});
