import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../defaults.js';
import { DEPLOYMENT_DEFAULTS } from './defaults.js';
import { parseDeployment } from './parse-deployment.js';
import { HEAD, issuesOf, loaded, where } from './testing/parse-lines.js';

describe('parseDeployment', () => {
  it('fills every default from the least a file must say', () => {
    const { deployment, bridgeConfig, arms } = loaded(HEAD);
    expect(deployment.spec.scaling).toEqual(DEPLOYMENT_DEFAULTS.scaling);
    expect(deployment.spec.resources).toEqual(DEPLOYMENT_DEFAULTS.resources);
    expect(deployment.spec.monitoring).toMatchObject({
      metrics: { enabled: true, path: '/metrics' },
      tracing: { enabled: false, sampleRatio: 1 },
      logging: { level: 'info' },
      alerts: [],
    });
    expect(deployment.metadata.labels).toEqual({});
    expect(deployment.testing).toEqual({ experiments: [], chaos: { enabled: false } });
    expect(bridgeConfig.paths.simple.model).toBe(DEFAULT_CONFIG.paths.simple.model);
    expect(bridgeConfig.resilience.rateLimits).toEqual({ perProvider: {} });
    expect(Object.keys(arms)).toEqual(['control']);
  });

  it('fills defaults inside list items', () => {
    const { deployment } = loaded([
      ...HEAD,
      'spec:',
      '  monitoring:',
      '    alerts: [{ name: slow, metric: latency_p95_ms, threshold: 3000 }]',
      '  integrations:',
      '    externalServices:',
      '      - { name: openai, kind: openai, baseUrl: "https://api.openai.com/v1", models: [gpt-4o-mini, gpt-4o, gpt-4.1, gpt-4.1-mini] }',
      'testing:',
      '  experiments: [{ name: a, percentage: 5 }]',
    ]);
    expect(deployment.spec.monitoring.alerts[0]).toMatchObject({ for: '5m', severity: 'warning' });
    expect(deployment.spec.integrations.externalServices[0]).toMatchObject({ timeoutMs: 30_000 });
    expect(deployment.testing.experiments[0]).toMatchObject({
      enabled: true,
      sticky: 'userId',
      overrides: {},
    });
  });

  it('returns a frozen snapshot, so requests in flight cannot see it change', () => {
    const snapshot = loaded(HEAD);
    expect(Object.isFrozen(snapshot.bridgeConfig.resilience.retry)).toBe(true);
    expect(Object.isFrozen(snapshot.deployment.spec.scaling)).toBe(true);
    expect(() => {
      (snapshot.deployment.spec.scaling as { maxReplicas: number }).maxReplicas = 9;
    }).toThrow(TypeError);
  });

  it('gives the same revision to the same content, however it is laid out', () => {
    const a = loaded(HEAD).revision;
    const b = loaded(['# a comment', ...HEAD, 'spec: {}']).revision;
    const c = loaded([...HEAD, 'spec: { scaling: { maxReplicas: 2 } }']).revision;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('names the file, line and column of a YAML syntax error', () => {
    const result = parseDeployment([...HEAD, 'spec: { scaling: [1, 2 }'].join('\n'), 'd.yaml');
    expect(result).toMatchObject({ state: 'invalid', reason: 'syntax' });
    const [issue] = result.state === 'invalid' ? result.issues : [];
    expect(issue).toMatchObject({ source: 'file', file: 'd.yaml', line: 4 });
  });

  it('says what a deployment looks like when the file is empty', () => {
    const [issue] = issuesOf(['# nothing yet']);
    expect(issue).toMatchObject({ message: 'the file is empty' });
    expect(issue?.fix).toMatch(/apiVersion: hybrid-bench\/v1/);
  });

  it('rejects a wrong apiVersion and an unknown key, with did-you-mean', () => {
    const found = issuesOf([
      'apiVersion: hybrid-bench/v2',
      'kind: AgentDeployment',
      'metadata: { name: demo, environment: prodution }',
      'spec: { scalling: {} }',
    ]);
    expect(found.map(where)).toEqual([
      '1:13 apiVersion',
      '3:38 metadata.environment',
      '4:9 spec.scalling',
    ]);
    expect(found[1]?.fix).toBe(
      'did you mean "production"? allowed: development | test | staging | production',
    );
    expect(found[2]?.fix).toBe('did you mean "scaling"?');
  });
});
