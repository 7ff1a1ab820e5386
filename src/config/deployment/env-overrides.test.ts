import { describe, expect, it } from 'vitest';
import { formatDeploymentIssue } from './deployment-issue.js';
import { HEAD, issuesOf, loaded } from './testing/parse-lines.js';

describe('HB__ environment overrides', () => {
  it('reads values as YAML: numbers, booleans, strings, lists', () => {
    const { deployment, bridgeConfig } = loaded(HEAD, {
      HB__spec__scaling__maxReplicas: '20',
      HB__spec__runtime__stream: 'false',
      HB__spec__runtime__paths__simple__model: 'gpt-4.1-nano',
      HB__metadata__labels__build: '"0042"',
      HB__spec__runtime__resilience__degradation__order: '[simple, canned]',
      OTHER__spec__scaling__minReplicas: '9',
    });
    expect(deployment.spec.scaling.maxReplicas).toBe(20);
    expect(deployment.spec.scaling.minReplicas).toBe(1);
    expect(bridgeConfig.stream).toBe(false);
    expect(bridgeConfig.paths.simple.model).toBe('gpt-4.1-nano');
    expect(deployment.metadata.labels.build).toBe('0042');
    expect(bridgeConfig.resilience.degradation.order).toEqual(['simple', 'canned']);
  });

  it('names the variable when its value is the wrong type', () => {
    const [issue, ...rest] = issuesOf(HEAD, { HB__spec__scaling__maxReplicas: 'many' });
    expect(rest).toEqual([]);
    expect(formatDeploymentIssue(issue as never)).toMatch(
      /^HB__spec__scaling__maxReplicas \(from the environment\): expected a number, got "many"/,
    );
  });

  it('rejects a variable whose path the deployment does not have, suggesting the near one', () => {
    const found = issuesOf(HEAD, {
      HB__spec__scaling__maxReplica: '3',
      HB__spec__integrations__externalServices__first__name: 'x',
      HB__spec____scaling: '{}',
    });
    expect(found.map((i) => (i.source === 'env' ? `${i.variable}: ${i.message}` : ''))).toEqual([
      'HB__spec____scaling: the name has an empty field',
      'HB__spec__scaling__maxReplica: no field "maxReplica" at this place in a deployment',
      'HB__spec__integrations__externalServices__first__name: "first" is not a list index',
    ]);
    expect(found[1]?.fix).toBe('did you mean "maxReplicas"?');
  });

  it('lets an override fix an invalid value in the file', () => {
    const lines = [...HEAD, 'spec:', '  scaling: { minReplicas: 2, maxReplicas: lots }'];
    expect(issuesOf(lines)[0]).toMatchObject({ source: 'file', line: 5 });
    expect(
      loaded(lines, { HB__spec__scaling__maxReplicas: '4' }).deployment.spec.scaling.maxReplicas,
    ).toBe(4);
  });

  it('blames the variable for a cross-field problem it causes', () => {
    const [issue] = issuesOf([...HEAD, 'spec: { scaling: { minReplicas: 3, maxReplicas: 5 } }'], {
      HB__spec__scaling__maxReplicas: '2',
    });
    expect(issue).toMatchObject({
      source: 'env',
      variable: 'HB__spec__scaling__maxReplicas',
      path: 'spec.scaling.maxReplicas',
      message: 'minReplicas (3) is above maxReplicas (2)',
    });
  });

  it('reaches into list items and experiment overrides', () => {
    const { deployment, arms } = loaded(
      [...HEAD, 'testing:', '  experiments: [{ name: nano, percentage: 10 }]'],
      {
        HB__testing__experiments__0__percentage: '25',
        HB__testing__experiments__0__overrides__paths__simple__model: 'gpt-4.1-nano',
      },
    );
    expect(deployment.testing.experiments[0]?.percentage).toBe(25);
    expect(arms.nano?.paths.simple.model).toBe('gpt-4.1-nano');
  });

  it('checks paths below experiment overrides against the runtime schema', () => {
    const [issue] = issuesOf(
      [...HEAD, 'testing:', '  experiments: [{ name: nano, percentage: 10 }]'],
      {
        HB__testing__experiments__0__overrides__paths__simpel__model: 'x',
      },
    );
    expect(issue).toMatchObject({ source: 'env', fix: 'did you mean "simple"?' });
  });

  it('refuses an index past the end of a list', () => {
    const [issue] = issuesOf(HEAD, { HB__testing__experiments__1__name: 'x' });
    expect(issue).toMatchObject({
      source: 'env',
      message: 'the list index is past the end of the list',
    });
  });

  it('applies a whole mapping first, then the more specific variable over it', () => {
    const { deployment } = loaded(HEAD, {
      HB__spec__scaling__maxReplicas: '7',
      HB__spec__scaling: '{ minReplicas: 2, maxReplicas: 3 }',
    });
    expect(deployment.spec.scaling).toMatchObject({ minReplicas: 2, maxReplicas: 7 });
  });
});
