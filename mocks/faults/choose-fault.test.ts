import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../random/seeded-random.js';
import { chooseFault, isDownWindow, matchesCall } from './choose-fault.js';
import type { FaultKind } from './fault-profile.js';
import { getFaultProfile } from './fault-profiles.js';

const plain = {
  dialect: 'openai',
  model: 'gpt-4o-mini',
  streaming: false,
  benchPath: null,
  benchAgent: null,
  benchScenario: null,
} as const;

describe('chooseFault', () => {
  it('gives mixed-20 its documented mix: 8 % 429, 6 % 500, 6 % stalls', () => {
    const { rules } = getFaultProfile('mixed-20');
    const counts = new Map<FaultKind | 'none', number>();
    const n = 20_000;
    for (let i = 0; i < n; i += 1) {
      const kind = chooseFault(rules, plain, createSeededRandom([i]).float(), 0)?.fault ?? 'none';
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    const share = (kind: FaultKind | 'none') => (counts.get(kind) ?? 0) / n;
    // Binomial sd at n = 20 000 is under 0.003 for each share.
    expect(share('none')).toBeCloseTo(0.8, 1.7);
    expect(share('rate_limit')).toBeCloseTo(0.08, 1.7);
    expect(share('server_error')).toBeCloseTo(0.06, 1.7);
    expect(share('stall_before_first_byte')).toBeCloseTo(0.06, 1.7);
  });

  it('lays rules side by side on one draw, in order', () => {
    const rules = [
      { fault: 'rate_limit', probability: 0.25 },
      { fault: 'server_error', probability: 0.25 },
    ] as const;
    expect(chooseFault(rules, plain, 0.1, 0)?.fault).toBe('rate_limit');
    expect(chooseFault(rules, plain, 0.3, 0)?.fault).toBe('server_error');
    expect(chooseFault(rules, plain, 0.5, 0)).toBeUndefined();
  });
});

describe('matchesCall', () => {
  it('needs every given list to hold the call, and treats a missing bench path as empty', () => {
    expect(matchesCall(undefined, plain)).toBe(true);
    expect(matchesCall({ models: ['gpt-4o-mini'], providers: ['openai'] }, plain)).toBe(true);
    expect(matchesCall({ models: ['gpt-4o-mini'], providers: ['anthropic'] }, plain)).toBe(false);
    expect(matchesCall({ paths: ['simple'] }, plain)).toBe(false);
    expect(matchesCall({ paths: ['simple'] }, { ...plain, benchPath: 'simple' })).toBe(true);
  });

  it('matches the agent and the scenario a call is labelled with, and never an unlabelled call', () => {
    const labelled = {
      ...plain,
      benchPath: 'full',
      benchAgent: 'technical-support',
      benchScenario: 'tech-agent-failure',
    };
    const rule = { scenarios: ['tech-agent-failure'], agents: ['technical-support'] };
    expect(matchesCall(rule, labelled)).toBe(true);
    expect(matchesCall(rule, { ...labelled, benchAgent: 'escalation' })).toBe(false);
    expect(matchesCall(rule, { ...labelled, benchAgent: 'support-agent' })).toBe(false);
    expect(matchesCall(rule, { ...labelled, benchScenario: 'tech-router-firmware' })).toBe(false);
    expect(matchesCall(rule, plain)).toBe(false);
    expect(
      matchesCall({ agents: ['technical-support'] }, { ...plain, benchAgent: 'technical-support' }),
    ).toBe(true);
    expect(matchesCall({ scenarios: ['a'] }, { ...labelled, benchScenario: null })).toBe(false);
    expect(matchesCall({ scenarios: [] }, labelled)).toBe(false);
  });
});

describe('isDownWindow', () => {
  it('is up for upMs, then down for downMs, repeating', () => {
    const down = [0, 999, 1_000, 1_499, 1_500, 2_499, 2_500].map((ms) =>
      isDownWindow(ms, 1_000, 500),
    );
    expect(down).toEqual([false, false, true, true, false, false, true]);
  });
});
