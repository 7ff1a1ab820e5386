import { describe, expect, it } from 'vitest';
import { parseApiKeys } from '../../src/index.js';
import { PLACEHOLDER } from './render-secret.js';
import { exampleText, exampleWith, renderText } from './testing.js';

const keys = (text: string) => renderText(text).plan.secretEntries.map((e) => e.key);

describe('planDeploy', () => {
  it('reads REDIS_URL from the Secret whenever more than one replica may run, and says so', () => {
    expect(keys(exampleText())).toEqual(['HB_API_KEYS', 'OPENAI_API_KEY', 'REDIS_URL']);
    expect(renderText(exampleText()).plan.notes[0]).toMatch(
      /^2 to 10 replicas: the pods read REDIS_URL from the Secret/,
    );
    const fixed = exampleWith([[['spec', 'scaling'], { minReplicas: 3, maxReplicas: 3 }]]);
    expect(keys(fixed)).toContain('REDIS_URL');
    expect(renderText(fixed).plan.notes[0]).toMatch(/^3 replicas: /);
    const single = exampleWith([[['spec', 'scaling'], { minReplicas: 1, maxReplicas: 1 }]]);
    expect(keys(single)).toEqual(['HB_API_KEYS', 'OPENAI_API_KEY']);
    expect(renderText(single).plan.notes.join('\n')).not.toMatch(/REDIS_URL/);
  });

  it('serves the first service live and names every key variable once', () => {
    const text = exampleWith([
      [
        ['spec', 'integrations', 'externalServices', 1],
        {
          name: 'backup',
          kind: 'openai',
          baseUrl: 'https://openai.example.com/v1',
          apiKeyEnv: 'OPENAI_API_KEY',
          models: ['gpt-4o'],
        },
      ],
      [
        ['spec', 'integrations', 'externalServices', 2],
        {
          name: 'agentos',
          kind: 'agno-agentos',
          baseUrl: 'http://agentos:7777',
          agentId: 'support-agent',
          models: ['gpt-4o'],
        },
      ],
    ]);
    const { plan } = renderText(text);
    expect(plan.serveArgs.slice(7)).toEqual([
      '--backend',
      'live',
      '--provider',
      'openai',
      '--base-url',
      'https://api.openai.com/v1',
      '--api-key-env',
      'OPENAI_API_KEY',
    ]);
    expect(plan.secretEntries.map((e) => e.key)).toEqual([
      'HB_API_KEYS',
      'OPENAI_API_KEY',
      'REDIS_URL',
    ]);
    expect(plan.notes).toContain(
      'bench serve calls one backend, the first service (openai); backup, agentos are declared but not called',
    );
  });

  it('passes an AgentOS agent id, and falls back to the mock with a note when no service is declared', () => {
    const agentos = renderText(
      exampleWith([
        [
          ['spec', 'integrations', 'externalServices'],
          [
            {
              name: 'agentos',
              kind: 'agno-agentos',
              baseUrl: 'http://agentos:7777',
              apiKeyEnv: 'OS_SECURITY_KEY',
              agentId: 'support-agent',
              models: ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-4.1', 'gpt-4.1-nano'],
            },
          ],
        ],
      ]),
    );
    expect(agentos.plan.serveArgs.slice(-4)).toEqual([
      '--api-key-env',
      'OS_SECURITY_KEY',
      '--agent-id',
      'support-agent',
    ]);
    const none = renderText(exampleWith([[['spec', 'integrations', 'externalServices'], []]]));
    expect(none.plan.serveArgs.slice(7)).toEqual(['--backend', 'mock']);
    expect(none.plan.notes.join('\n')).toMatch(
      /externalServices is empty: the pods serve the mock backend/,
    );
  });

  it('scrapes /metrics, the one path the server has, and says a metrics key is needed', () => {
    const custom = renderText(exampleWith([[['spec', 'monitoring', 'metrics', 'path'], '/prom']]));
    expect(custom.plan.scrape).toEqual({ path: '/metrics' });
    expect(custom.plan.notes.join('\n')).toMatch(
      /metrics\.path is \/prom, but bench serve serves its metrics at \/metrics only/,
    );
    expect(custom.plan.notes.join('\n')).toMatch(/bearer key with role metrics or admin/);
    const off = renderText(exampleWith([[['spec', 'monitoring', 'metrics', 'enabled'], false]]));
    expect(off.plan.scrape).toBeUndefined();
  });

  it('carries HB__ overrides into the pod, and sizes the heap from the memory limit', () => {
    const { plan } = renderText(exampleText(), {
      env: { HB__spec__scaling__maxReplicas: '20', UNRELATED: 'x' },
    });
    expect(plan.maxReplicas).toBe(20);
    expect(plan.overrides).toEqual([{ name: 'HB__spec__scaling__maxReplicas', value: '20' }]);
    expect(plan.notes.join('\n')).toMatch(
      /HB__spec__scaling__maxReplicas was applied from the environment/,
    );
    expect(plan.heapMiB).toBe(768);
  });

  it('fills the Secret example with a placeholder bench serve refuses as a key', () => {
    expect(() => parseApiKeys(PLACEHOLDER, 'HB_API_KEYS')).toThrow(/must start with name:secret/);
  });
});
