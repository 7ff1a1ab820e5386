import { describe, expect, it } from 'vitest';
import { fakeRecord } from '../../test/support/records.js';
import { buildReport } from '../report/index.js';
import type { Suite } from '../scenario/index.js';
import { summaryText } from './summary-text.js';

const suite: Suite = {
  file: 'scenarios/s.yaml',
  name: 's',
  version: '1',
  sla: {},
  repetitions: 1,
  requests: [{ id: 'faq' } as Suite['requests'][number]],
};

const report = (records: ReturnType<typeof fakeRecord>[]) =>
  buildReport({
    runId: 'run-1',
    createdAt: new Date('2026-11-25T09:00:00Z'),
    toolVersion: '0.1.0',
    suite,
    options: {
      modes: ['agno-only', 'hybrid'],
      backend: 'mock',
      latency: 'zero',
      sharedState: 'memory',
      seed: 42,
      concurrency: 4,
      repetitions: 1,
    },
    records,
    wallTimeMs: 1_000,
    interrupted: false,
    counts: { planned: records.length, sent: records.length, droppedByInterruption: 0 },
  });

describe('summaryText', () => {
  it('gives the full path model calls and handoffs per conversation, per mode', () => {
    const call = fakeRecord().calls[0] as ReturnType<typeof fakeRecord>['calls'][number];
    const full = {
      expectedPath: 'full' as const,
      routedPath: 'full' as const,
      servedBy: 'full' as const,
    };
    const text = summaryText(
      report([
        fakeRecord({ ...full, mode: 'agno-only', servedBy: 'prototype', calls: [call, call] }),
        fakeRecord({
          ...full,
          calls: [call, call, call, call],
          handoffs: [
            { from: 'customer-service', to: 'technical-support', reason: 'device' },
            { from: 'technical-support', to: 'escalation', reason: 'failed', kind: 'failure' },
          ],
        }),
        fakeRecord({ ...full, id: 'b#0', calls: [call, call], handoffs: [] }),
      ]),
      'reports/run-1',
    );
    expect(text).toContain(
      '\nfull path per conversation: agno-only 2.0 model calls, 0.0 handoffs · hybrid 3.0 model calls, 1.0 handoffs (by the guard: failure 1)\n',
    );
  });

  it('has no such line without full-path requests', () => {
    expect(summaryText(report([fakeRecord()]), 'reports/run-1')).not.toContain('full path per');
  });
});

describe('summaryText header', () => {
  it('names the backend, and the adapter that spoke to it', () => {
    const mock = report([fakeRecord()]);
    expect(summaryText(mock, 'r').split('\n')[0]).toContain('· backend mock ·');
    const live = { ...mock, options: { ...mock.options, backend: 'live', provider: 'langchain' } };
    expect(summaryText(live, 'r').split('\n')[0]).toContain('· backend live (adapter langchain) ·');
  });
});
