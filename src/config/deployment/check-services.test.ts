import { describe, expect, it } from 'vitest';
import { HEAD, issuesOf, openai, services, where } from './testing/parse-lines.js';

describe('external service checks, each at its path and line', () => {
  it('an agno-agentos service needs its agent id, and only it may have one', () => {
    const found = issuesOf([
      ...HEAD,
      'spec:',
      ...services(
        '      - { name: agentos, kind: agno-agentos, baseUrl: "http://localhost:7777", models: [gpt-4o] }',
        openai(', agentId: x'),
      ),
    ]);
    expect(found.map(where)).toEqual([
      '7:9 spec.integrations.externalServices[0].agentId',
      '8:131 spec.integrations.externalServices[1].agentId',
    ]);
    expect(found[0]?.message).toBe('missing required field "agentId"');
  });

  it('every model a service lists has a price (built-in or in spec.runtime.prices)', () => {
    const found = issuesOf([
      ...HEAD,
      'spec:',
      '  runtime:',
      '    prices: { my-model: { inputUsdPerMTok: 1, outputUsdPerMTok: 2 } }',
      ...services(openai().replace('gpt-4.1-mini]', 'gpt-4.1-mini, my-model, gpt-4o-mimi]')),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      path: 'spec.integrations.externalServices[0].models[5]',
      line: 9,
      message: 'no price for model "gpt-4o-mimi": its cost could not be counted',
    });
    expect(found[0]?.fix).toMatch(/^did you mean "gpt-4o-mini"\?/);
  });

  it('every model the runtime calls is served by a service, fallbacks included', () => {
    const found = issuesOf([
      ...HEAD,
      'spec:',
      '  runtime: { paths: { complex: { model: gpt-5 } } }',
      ...services(
        '      - { name: openai, kind: openai, baseUrl: "https://api.openai.com/v1", models: [gpt-4o-mini] }',
      ),
    ]);
    expect(found.map((i) => `${where(i)} ${i.message}`)).toEqual([
      '5:3 spec.runtime.resilience.fallbacks.models["gpt-4o-mini"][0] fallback "gpt-4.1-mini" of gpt-4o-mini (a default fallback) is served by no external service',
      '5:41 spec.runtime.paths.complex.model "gpt-5" (this model) is served by no external service',
    ]);
  });

  it('refuses an API key where a variable name belongs, without repeating the key', () => {
    const key = 'sk-proj-AbCdEf0123456789AbCdEf0123456789';
    const found = issuesOf([...HEAD, 'spec:', ...services(openai(`, apiKeyEnv: ${key}`))]);
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('spec.integrations.externalServices[0].apiKeyEnv');
    expect(found[0]?.message).toMatch(/secrets come from the environment/);
    expect(JSON.stringify(found)).not.toContain(key);
  });

  it('requires an environment variable NAME for apiKeyEnv', () => {
    const [issue] = issuesOf([...HEAD, 'spec:', ...services(openai(', apiKeyEnv: openai_key'))]);
    expect(issue?.message).toBe(
      'must be the name of an environment variable: capitals, digits and _',
    );
  });

  it('requires an http(s) URL for a service', () => {
    const [issue] = issuesOf([
      ...HEAD,
      'spec:',
      ...services(openai().replace('https://api.openai.com/v1', 'api.openai.com')),
    ]);
    expect(issue).toMatchObject({
      path: 'spec.integrations.externalServices[0].baseUrl',
      message: 'not an http(s) URL',
    });
  });

  it('refuses credentials inside a service URL', () => {
    const line = openai().replace(
      'https://api.openai.com/v1',
      'https://api.openai.com/v1?api_key=abc',
    );
    const [issue] = issuesOf([...HEAD, 'spec:', ...services(line)]);
    expect(issue).toMatchObject({ path: 'spec.integrations.externalServices[0].baseUrl', line: 7 });
    expect(issue?.message).toMatch(/secrets come from the environment/);
  });

  it('services must agree on retries, which become the runtime maxAttempts', () => {
    const found = issuesOf([
      ...HEAD,
      'spec:',
      '  runtime: { resilience: { retry: { maxAttempts: 2 } } }',
      ...services(
        openai(', retries: 3'),
        openai(', retries: 1').replace('name: openai', 'name: backup'),
      ),
    ]);
    expect(found.map(where)).toEqual([
      '8:140 spec.integrations.externalServices[0].retries',
      '9:140 spec.integrations.externalServices[1].retries',
    ]);
    expect(found[0]?.message).toBe(
      'retries 3 means 4 attempts, but spec.runtime.resilience.retry.maxAttempts is 2',
    );
  });
});
