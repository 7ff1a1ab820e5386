import { describe, expect, it } from 'vitest';
import { noTelemetry } from './telemetry.js';

describe('noTelemetry', () => {
  it('runs the span body and passes its value through', async () => {
    await expect(noTelemetry.span('request', { a: 1 }, async () => 42)).resolves.toBe(42);
  });

  it('passes the span body rejection through', async () => {
    const error = new Error('boom');
    await expect(noTelemetry.span('path', {}, () => Promise.reject(error))).rejects.toBe(error);
  });

  it('accepts every hook and returns nothing', () => {
    expect(
      noTelemetry.retried({ model: 'm', attempt: 1, reason: 'timeout', delayMs: 1 }),
    ).toBeUndefined();
    expect(noTelemetry.cacheLookup({ hit: true, model: 'm' })).toBeUndefined();
    expect(noTelemetry.breakerChanged({ key: 'k', from: 'closed', to: 'open' })).toBeUndefined();
  });
});
