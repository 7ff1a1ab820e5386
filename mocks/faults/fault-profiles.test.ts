import { describe, expect, it } from 'vitest';
import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import { FAULT_KINDS } from './fault-profile.js';
import { FAULT_PROFILES, getFaultProfile } from './fault-profiles.js';
import { parseFaultProfile } from './load-fault-profile.js';
import { mixProfiles } from './mix-profiles.js';

const total = (name: string) =>
  getFaultProfile(name).rules.reduce((sum, rule) => sum + rule.probability, 0);

describe('built-in fault profiles', () => {
  it('has the documented names, each valid as a profile file would be', () => {
    expect(Object.keys(FAULT_PROFILES)).toEqual([
      'none',
      'mixed-20',
      'rate-limited',
      'flaky-5xx',
      'overloaded',
      'flapping',
      'slow-stream',
      'broken-streams',
      'chaos',
    ]);
    for (const profile of Object.values(FAULT_PROFILES)) {
      expect(parseFaultProfile(profile, profile.name)).toEqual(profile);
    }
  });

  it('keeps mixed-20 at 20 % in all, and chaos touching every kind but flapping', () => {
    expect(total('mixed-20')).toBeCloseTo(0.2, 10);
    const kinds = new Set(getFaultProfile('chaos').rules.map((rule) => rule.fault));
    expect(FAULT_KINDS.filter((kind) => !kinds.has(kind))).toEqual(['flapping']);
  });

  it('rejects an unknown name with a setup error that lists the known ones', () => {
    expect(() => getFaultProfile('mixed20')).toThrow(MockSetupError);
    try {
      getFaultProfile('toString');
    } catch (error) {
      expect((error as MockSetupError).code).toBe(MockSetupErrorCodes.invalidFaultProfile);
      expect((error as Error).message).toContain('none, mixed-20, rate-limited');
    }
    expect.assertions(3);
  });
});

describe('mixProfiles', () => {
  it('keeps every rule in order under a combined name', () => {
    const mixed = mixProfiles(getFaultProfile('rate-limited'), getFaultProfile('flaky-5xx'));
    expect(mixed.name).toBe('rate-limited+flaky-5xx');
    expect(mixed.rules.map((rule) => rule.fault)).toEqual([
      'rate_limit',
      'server_error',
      'unavailable',
    ]);
    expect(mixed.description).toContain('flaky-5xx: ');
  });
});
