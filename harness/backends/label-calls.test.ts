import { describe, expect, it } from 'vitest';
import type { CallOptions, ModelRequest, Provider } from '../../src/index.js';
import { createScriptedProvider } from '../../src/providers/scripted.js';
import {
  labelCalls,
  PATH_LABEL_HEADER,
  SCENARIO_LABEL_HEADER,
  suiteCallLabels,
} from './label-calls.js';

const request: ModelRequest = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] };

/** A provider that keeps the call options it was given. */
function recording(): { provider: Provider; seen: CallOptions[] } {
  const scripted = createScriptedProvider({ script: () => ({ text: 'ok' }) });
  const seen: CallOptions[] = [];
  return {
    seen,
    provider: {
      id: 'recording',
      complete: (req, options = {}) => {
        seen.push(options);
        return scripted.complete(req, options);
      },
    },
  };
}

const suite = [
  { id: 'faq-shipping-time', expect: { path: 'simple' } },
  { id: 'tech-agent-failure', expect: { path: 'full' } },
];

describe('labelCalls', () => {
  it("sends the scenario's request id and labelled path, keeping the caller's headers", async () => {
    const { provider, seen } = recording();
    const labelled = labelCalls(provider, suiteCallLabels(suite));
    expect(labelled.id).toBe('recording');
    const signal = new AbortController().signal;
    await labelled.complete(request, {
      signal,
      requestId: 'tech-agent-failure#2',
      headers: { 'x-bench-agent': 'technical-support' },
    });
    expect(seen).toEqual([
      {
        signal,
        requestId: 'tech-agent-failure#2',
        headers: {
          'x-bench-agent': 'technical-support',
          [PATH_LABEL_HEADER]: 'full',
          [SCENARIO_LABEL_HEADER]: 'tech-agent-failure',
        },
      },
    ]);
    expect([PATH_LABEL_HEADER, SCENARIO_LABEL_HEADER]).toEqual([
      'x-bench-path',
      'x-bench-scenario',
    ]);
  });

  it('keeps who owns retries, so the pipeline never retries on top of a provider that does', () => {
    const { provider } = recording();
    const labels = suiteCallLabels(suite);
    expect(labelCalls({ ...provider, retryOwner: 'provider' }, labels).retryOwner).toBe('provider');
    expect(labelCalls(provider, labels)).not.toHaveProperty('retryOwner');
  });

  it('leaves calls alone that name no request, or one the suite does not have', async () => {
    const { provider, seen } = recording();
    const labelled = labelCalls(provider, suiteCallLabels(suite));
    await labelled.complete(request);
    await labelled.complete(request, { requestId: 'not-in-suite#0', headers: { a: 'b' } });
    expect(seen).toEqual([{}, { requestId: 'not-in-suite#0', headers: { a: 'b' } }]);
  });
});

describe('suiteCallLabels', () => {
  it('reads the scenario out of a job id (`<id>#<repetition>`) and finds its path', () => {
    const labelsOf = suiteCallLabels(suite);
    expect(labelsOf('faq-shipping-time#0')).toEqual({
      path: 'simple',
      scenario: 'faq-shipping-time',
    });
    expect(labelsOf('tech-agent-failure')).toEqual({
      path: 'full',
      scenario: 'tech-agent-failure',
    });
    expect(labelsOf('unknown#0')).toBeUndefined();
  });
});
