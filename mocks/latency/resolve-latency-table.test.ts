import { describe, expect, it } from 'vitest';
import { MockSetupError } from '../errors.js';
import { defaultLatencyProfiles, zeroLatencyProfile } from './defaults.js';
import type { LatencyProfile } from './latency-profile.js';
import { resolveLatencyTable } from './resolve-latency-table.js';

describe('resolveLatencyTable', () => {
  it('defaults to the realistic profiles of the five models', () => {
    const table = resolveLatencyTable(undefined);
    expect([...table.keys()].sort()).toEqual(
      ['gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-4o', 'gpt-4o-mini'].sort(),
    );
    expect(table.get('gpt-4o-mini')).toBe(defaultLatencyProfiles['gpt-4o-mini']);
  });

  it('keeps the model names but drops every delay for zero', () => {
    const table = resolveLatencyTable('zero');
    expect(table.get('gpt-4.1-nano')).toBe(zeroLatencyProfile);
    expect(table.size).toBe(5);
  });

  it('reports every problem of a custom table at once, each with its path', () => {
    const broken = { ttftMedianMs: -1, tailProbability: 2 } as unknown as LatencyProfile;
    try {
      resolveLatencyTable({ 'my-model': broken });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MockSetupError);
      const message = (error as MockSetupError).message;
      expect(message).toContain('latency.my-model.ttftMedianMs');
      expect(message).toContain('latency.my-model.tailProbability');
      expect(message).toContain('latency.my-model.ttftP90Ms');
      expect((error as MockSetupError).code).toBe('MOCK_INVALID_OPTIONS');
    }
  });

  it('accepts Infinity as a speed that costs no generation time', () => {
    const instant = { ...zeroLatencyProfile, ttftMedianMs: 100, ttftP90Ms: 200 };
    expect(resolveLatencyTable({ instant }).get('instant')).toEqual(instant);
  });
});
