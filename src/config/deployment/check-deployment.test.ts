import { describe, expect, it } from 'vitest';
import { formatDeploymentIssue } from './deployment-issue.js';
import { HEAD, issuesOf, openai, services, where } from './testing/parse-lines.js';

describe('cross-field checks, each at its path and line', () => {
  it('minReplicas may not exceed maxReplicas', () => {
    const [issue] = issuesOf([
      ...HEAD,
      'spec:',
      '  scaling:',
      '    minReplicas: 4',
      '    maxReplicas: 2',
    ]);
    expect(issue).toMatchObject({ line: 7, column: 18, path: 'spec.scaling.maxReplicas' });
    expect(issue?.message).toBe('minReplicas (4) is above maxReplicas (2)');
  });

  it('counts the default maxReplicas when only minReplicas is given', () => {
    const [issue] = issuesOf([...HEAD, 'spec: { scaling: { minReplicas: 3 } }']);
    expect(issue?.message).toBe('minReplicas (3) is above maxReplicas (1, the default)');
    expect(where(issue as never)).toBe('4:33 spec.scaling.minReplicas');
  });

  it('validates Kubernetes quantities and keeps requests within limits', () => {
    const found = issuesOf([
      ...HEAD,
      'spec:',
      '  resources:',
      '    requests: { cpu: 2, memory: 512m }',
      '    limits: { memory: one }',
    ]);
    expect(found.map((i) => `${where(i)}: ${i.message}`)).toEqual([
      '6:22 spec.resources.requests.cpu: the cpu request (2) is above its limit (1)',
      '6:33 spec.resources.requests.memory: 512m is 0.512 bytes: m means milli',
      '7:23 spec.resources.limits.memory: not a Kubernetes quantity',
    ]);
    expect(found[1]?.fix).toBe('did you mean 512Mi?');
  });

  it('experiment percentages are 0 to 100 and add up to at most 100', () => {
    const found = issuesOf([
      ...HEAD,
      'testing:',
      '  experiments:',
      '    - { name: a, percentage: 60 }',
      '    - { name: b, percentage: 50 }',
      '    - { name: c, percentage: 120 }',
    ]);
    expect(found.map((i) => `${where(i)}: ${i.message}`)).toEqual([
      "7:30 testing.experiments[1].percentage: the experiments' percentages add up to 110, over 100 from this one on",
      '8:30 testing.experiments[2].percentage: must be at most 100',
    ]);
  });

  it('rejects duplicate names, pointing at the first use', () => {
    const found = issuesOf([
      ...HEAD,
      'spec:',
      '  monitoring:',
      '    alerts:',
      '      - { name: slow, metric: latency_p95_ms, threshold: 3000 }',
      '      - { name: slow, metric: error_rate, threshold: 5 }',
      'testing:',
      '  experiments: [{ name: control, percentage: 1 }]',
    ]);
    expect(found.map((i) => `${where(i)}: ${i.message} (${i.fix})`)).toEqual([
      '8:17 spec.monitoring.alerts[1].name: duplicate name "slow" (names must be unique: first used at line 7)',
      '8:54 spec.monitoring.alerts[1].threshold: error_rate is a share from 0 to 1, so 5 can never be crossed (write 0.05 for 5 %)',
      '10:25 testing.experiments[0].name: "control" is the arm of requests in no experiment (choose another name)',
    ]);
  });

  it('chaos that is on needs a profile', () => {
    const [issue] = issuesOf([...HEAD, 'testing:', '  chaos: { enabled: true }']);
    expect(issue).toMatchObject({ line: 5, path: 'testing.chaos.profile' });
  });

  it('reports schema and cross-field problems of one file together, in reading order', () => {
    const found = issuesOf([
      'apiVersion: hybrid-bench/v1',
      'kind: AgentDeployment',
      'metadata: { name: Demo, environment: test }',
      'spec:',
      '  scaling: { minReplicas: 5, maxReplicas: 3, targetCPUUtilizationPercentage: "70" }',
      ...services(openai(', apiKeyEnv: sk-live-0123456789abcdefABCDEF')),
      '  security:',
      '    rateLimiting:',
      '      rules: [{ name: p, scope: provider, provider: anthropic, requestsPerMinute: 60, burst: 5 }]',
      'testing:',
      '  experiments: [{ name: a, percentage: 70 }, { name: b, percentage: 40 }]',
    ]);
    expect(found.map(where)).toEqual([
      '3:19 metadata.name',
      '5:43 spec.scaling.maxReplicas',
      '5:78 spec.scaling.targetCPUUtilizationPercentage',
      '8:142 spec.integrations.externalServices[0].apiKeyEnv',
      '11:53 spec.security.rateLimiting.rules[0].provider',
      '13:69 testing.experiments[1].percentage',
    ]);
    expect(formatDeploymentIssue(found[2] as never)).toBe(
      'd.yaml:5:78 spec.scaling.targetCPUUtilizationPercentage: expected a number, got "70" (fix: remove the quotes: 70)',
    );
  });
});
