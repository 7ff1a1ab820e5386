import { describe, expect, it } from 'vitest';
import { createSupportDemo } from '../agents/support/support-demo.js';
import { ManualClock } from '../clock.js';
import type { LoadedDeployment } from '../config/deployment/parse-deployment.js';
import { parseDeployment } from '../config/deployment/parse-deployment.js';
import { createScriptedProvider } from '../providers/scripted.js';
import { createBridge } from './create-bridge.js';

function deployment(simpleModel: string, experiment = ''): LoadedDeployment {
  const text = [
    'apiVersion: hybrid-bench/v1',
    'kind: AgentDeployment',
    'metadata: { name: support, environment: test }',
    'spec:',
    `  runtime: { paths: { simple: { model: ${simpleModel} } } }`,
    experiment ? `testing:\n  experiments:\n${experiment}` : '',
  ].join('\n');
  const parsed = parseDeployment(text, 'deployment.yaml');
  if (parsed.state !== 'ok') throw new Error(JSON.stringify(parsed.issues));
  return parsed.loaded;
}

const ask = (userId: string) => ({
  messages: [{ role: 'user' as const, content: 'Do you ship to Canada?' }],
  userId,
});

describe('a bridge on a live deployment', () => {
  it('keeps a request in flight on the config it started with while a reload takes effect for new ones', async () => {
    const clock = new ManualClock();
    let current = deployment('gpt-4o-mini');
    const provider = createScriptedProvider({
      clock,
      script: () => ({ text: 'Yes.', latencyMs: 1_000 }),
    });
    const { prototype, team } = createSupportDemo();
    const bridge = createBridge({
      prototype,
      team,
      provider,
      clock,
      deployment: { current: () => current },
    });
    const inFlight = bridge.run(ask('u1'), { mode: 'hybrid', requestId: 'before' });
    await clock.whenSleeping();
    current = deployment('gpt-4.1-nano');
    const after = bridge.run(ask('u2'), { mode: 'hybrid', requestId: 'after' });
    const [first, second] = await clock.run(Promise.all([inFlight, after]));
    expect(first.attempts.map((a) => a.model)).toEqual(['gpt-4o-mini']);
    expect(second.attempts.map((a) => a.model)).toEqual(['gpt-4.1-nano']);
    expect(bridge.config.paths.simple.model).toBe('gpt-4.1-nano');
  });

  it('assigns each user a sticky experiment arm, records it, and runs the arm’s config', async () => {
    const half =
      '    - { name: nano-simple, percentage: 50, sticky: userId, overrides: { paths: { simple: { model: gpt-4.1-nano } } } }';
    const loaded = deployment('gpt-4o-mini', half);
    const provider = createScriptedProvider({ script: () => ({ text: 'Yes.' }) });
    const { prototype, team } = createSupportDemo();
    const bridge = createBridge({
      prototype,
      team,
      provider,
      deployment: { current: () => loaded },
    });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        bridge.run(ask(`user-${i % 20}`), { mode: 'hybrid', requestId: `r${i}` }),
      ),
    );
    const arms = new Set(results.map((r) => r.experimentArm));
    expect(arms).toEqual(new Set(['control', 'nano-simple']));
    for (const r of results) {
      expect(r.attempts[0]?.model).toBe(
        r.experimentArm === 'nano-simple' ? 'gpt-4.1-nano' : 'gpt-4o-mini',
      );
    }
    const byUser = new Map<string, string | undefined>();
    results.forEach((r, i) => {
      const user = `user-${i % 20}`;
      if (byUser.has(user)) expect(byUser.get(user)).toBe(r.experimentArm);
      byUser.set(user, r.experimentArm);
    });
  });
});
