import { describe, expect, it } from 'vitest';
import { HEAD, issuesOf, loaded, openai, services, where } from './testing/parse-lines.js';

describe('rate-limit checks, each at its path and line', () => {
  it('a provider rate-limit rule names a declared service', () => {
    const found = issuesOf([
      ...HEAD,
      'spec:',
      ...services(openai()),
      '  security:',
      '    rateLimiting:',
      '      rules:',
      '        - { name: a, scope: provider, provider: opnai, requestsPerMinute: 60, burst: 5 }',
      '        - { name: b, scope: provider, requestsPerMinute: 60, burst: 5 }',
      '        - { name: c, scope: user, provider: openai, requestsPerMinute: 60, burst: 5 }',
    ]);
    expect(found.map((i) => `${where(i)}: ${i.message}`)).toEqual([
      '11:49 spec.security.rateLimiting.rules[0].provider: no external service named "opnai"',
      '12:11 spec.security.rateLimiting.rules[1].provider: missing required field "provider"',
      '13:35 spec.security.rateLimiting.rules[2].provider: provider only applies to scope: provider, not user',
    ]);
    expect(found[0]?.fix).toBe('did you mean "openai"?');
  });

  it('each rate limit is set in one place', () => {
    const found = issuesOf([
      ...HEAD,
      'spec:',
      '  runtime:',
      '    resilience: { rateLimits: { global: { capacity: 5, refillPerSecond: 1 } } }',
      '  security:',
      '    rateLimiting:',
      '      rules:',
      '        - { name: a, scope: user, requestsPerMinute: 60, burst: 5 }',
      '        - { name: b, scope: user, requestsPerMinute: 60, burst: 5 }',
      '        - { name: c, scope: global, requestsPerMinute: 60, burst: 5 }',
    ]);
    expect(found.map((i) => `${where(i)}: ${i.message}`)).toEqual([
      '11:29 spec.security.rateLimiting.rules[1].scope: a second rule for the user limit',
      '12:29 spec.security.rateLimiting.rules[2].scope: spec.runtime.resilience.rateLimits.global (line 6) sets the same limit',
    ]);
    expect(found[0]?.fix).toBe('merge it with the rule at line 10');
  });

  it('accepts a deployment whose names all refer to each other correctly', () => {
    const snapshot = loaded([
      ...HEAD,
      'spec:',
      ...services(openai(', retries: 1, rateLimit: { requestsPerMinute: 600, burst: 20 }')),
      '  security:',
      '    rateLimiting:',
      '      rules: [{ name: p, scope: provider, provider: openai, requestsPerMinute: 1200, burst: 10 }]',
    ]);
    expect(snapshot.bridgeConfig.resilience.retry.maxAttempts).toBe(2);
    // Both limits hold: the smaller burst of the rule, the slower rate of the service.
    expect(snapshot.bridgeConfig.resilience.rateLimits.perProvider.openai).toEqual({
      capacity: 10,
      refillPerSecond: 10,
    });
  });
});
