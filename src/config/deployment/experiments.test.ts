import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../resolve-config.js';
import { DeploymentError, DeploymentErrorCodes } from './errors.js';
import { assignArm, configForArm, isFeatureEnabled } from './experiments.js';
import type { Experiment } from './schema.js';
import { HEAD, issuesOf, loaded, openai, services } from './testing/parse-lines.js';

const experiment = (
  name: string,
  percentage: number,
  extra: Partial<Experiment> = {},
): Experiment => ({
  name,
  percentage,
  enabled: true,
  sticky: 'userId',
  overrides: {},
  ...extra,
});

function shares(
  experiments: Experiment[],
  n: number,
  keyOf: (i: number) => { userId?: string; requestId: string },
) {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const { arm } = assignArm(experiments, keyOf(i));
    counts.set(arm, (counts.get(arm) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].map(([arm, count]) => [arm, count / n]));
}

describe('assignArm', () => {
  const experiments = [experiment('nano', 20), experiment('big', 30, { sticky: 'requestId' })];

  it('keeps a user in the same arm for every request', () => {
    const arms = new Set(
      Array.from(
        { length: 50 },
        (_, i) => assignArm([experiment('nano', 50)], { userId: 'u-7', requestId: `r-${i}` }).arm,
      ),
    );
    expect(arms.size).toBe(1);
  });

  it('honours the percentages over many users, within 1.5 points', () => {
    // 40 000 draws: one standard deviation of a 20 % share is 0.2 points.
    const got = shares(experiments, 40_000, (i) => ({
      userId: `user-${i}`,
      requestId: `req-${i}`,
    }));
    expect(Math.abs((got.nano ?? 0) - 0.2)).toBeLessThan(0.015);
    expect(Math.abs((got.big ?? 0) - 0.3)).toBeLessThan(0.015);
    expect(Math.abs((got.control ?? 0) - 0.5)).toBeLessThan(0.015);
  });

  it('keys a request without a user by its request id', () => {
    const got = shares([experiment('nano', 20)], 20_000, (i) => ({ requestId: `req-${i}` }));
    expect(Math.abs((got.nano ?? 0) - 0.2)).toBeLessThan(0.015);
  });

  it('sends a disabled experiment to control and moves nobody else', () => {
    const off = [experiment('nano', 20, { enabled: false }), experiments[1] as Experiment];
    for (let i = 0; i < 2_000; i += 1) {
      const keys = { userId: `user-${i}`, requestId: `req-${i}` };
      const before = assignArm(experiments, keys).arm;
      const after = assignArm(off, keys).arm;
      expect(after).toBe(before === 'nano' ? 'control' : before);
    }
  });

  it('puts everyone in control when there are no experiments', () => {
    expect(assignArm([], { requestId: 'r' })).toEqual({ arm: 'control' });
  });
});

describe('configForArm', () => {
  const base = Object.freeze(resolveConfig({}));

  it('deep-merges the overrides and keeps the rest of the config', () => {
    const config = configForArm(
      base,
      experiment('nano', 10, { overrides: { paths: { simple: { model: 'gpt-4.1-nano' } } } }),
    );
    expect(config.paths.simple).toEqual({
      model: 'gpt-4.1-nano',
      maxOutputTokens: base.paths.simple.maxOutputTokens,
    });
    expect(config.paths.complex).toEqual(base.paths.complex);
    expect(base.paths.simple.model).toBe('gpt-4o-mini');
  });

  it('restores a default where an override says null', () => {
    const withBudget = resolveConfig({ resilience: { budgets: { perUserDailyUsd: 2 } } });
    const config = configForArm(
      withBudget,
      experiment('x', 1, { overrides: { resilience: { budgets: { perUserDailyUsd: null } } } }),
    );
    expect(config.resilience.budgets.perUserDailyUsd).toBeUndefined();
  });

  it('computes an arm once per config snapshot', () => {
    const nano = experiment('nano', 10, { overrides: { stream: false } });
    expect(configForArm(base, nano)).toBe(configForArm(base, nano));
    expect(configForArm(resolveConfig({}), nano)).not.toBe(configForArm(base, nano));
  });

  it('names the experiment and the path of a bad override', () => {
    const bad = experiment('nano', 10, { overrides: { paths: { simple: { model: 3 } } } });
    const error = (() => {
      try {
        return configForArm(base, bad);
      } catch (caught: unknown) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DeploymentError);
    expect(error).toMatchObject({
      code: DeploymentErrorCodes.experimentInvalid,
      isUserError: true,
    });
    expect((error as Error).message).toMatch(/^Experiment "nano": .*\n {2}paths\.simple\.model: /);
  });

  it('freezes the arm of a frozen snapshot', () => {
    const config = configForArm(base, experiment('frozen', 1, { overrides: { stream: false } }));
    expect(Object.isFrozen(config.paths.simple)).toBe(true);
  });

  it('needs a backend for a model an experiment switches to', () => {
    const [issue, ...rest] = issuesOf([
      ...HEAD,
      'spec:',
      ...services(openai()),
      'testing:',
      '  experiments: [{ name: five, percentage: 5, overrides: { paths: { simple: { model: gpt-5 } } } }]',
    ]);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      line: 9,
      path: 'testing.experiments[0].overrides.paths.simple.model',
      message: '"gpt-5" is served by no external service',
    });
  });

  it('is checked when the deployment loads, at the line of the override', () => {
    const found = issuesOf([
      ...HEAD,
      'testing:',
      '  experiments:',
      '    - name: nano',
      '      percentage: 10',
      '      overrides: { paths: { simple: { modle: gpt-4.1-nano } } }',
    ]);
    expect(found).toEqual([
      expect.objectContaining({
        line: 8,
        column: 39,
        path: 'testing.experiments[0].overrides.paths.simple.modle',
        fix: 'did you mean "model"?',
      }),
    ]);
  });
});

describe('isFeatureEnabled', () => {
  it('is true only for a flag set to true', () => {
    const { deployment } = loaded([
      ...HEAD,
      'spec: { features: { flags: { cache: true, multiAgent: false } } }',
    ]);
    expect(isFeatureEnabled(deployment, 'cache')).toBe(true);
    expect(isFeatureEnabled(deployment, 'multiAgent')).toBe(false);
    expect(isFeatureEnabled(deployment, 'toString')).toBe(false);
  });
});
