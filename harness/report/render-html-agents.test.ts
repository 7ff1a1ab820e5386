import { describe, expect, it } from 'vitest';
import { fakeRecord } from '../../test/support/records.js';
import type { RequestRecord } from '../metrics/request-record.js';
import type { Suite } from '../scenario/index.js';
import { buildReport } from './build-report.js';
import { renderHtml } from './render-html.js';
import { agentsSection } from './render-html-agents.js';
import { ReportSchema } from './report-schema.js';

const CS = 'customer-service';
const TS = 'technical-support';
const ESC = 'escalation';

function full(mode: 'agno-only' | 'hybrid', over: Partial<RequestRecord> = {}): RequestRecord {
  const base = fakeRecord({ mode, expectedPath: 'full', routedPath: 'full', servedBy: 'full' });
  const call = base.calls[0] as RequestRecord['calls'][number];
  return {
    ...base,
    id: 'escalate-tech#0',
    scenarioId: 'escalate-tech',
    calls: [CS, TS, ESC].map((agent) => ({ ...call, agent })),
    agents: [CS, TS, ESC],
    handoffs: [
      { from: CS, to: TS, reason: 'router <b>drops</b> & "resets"' },
      { from: TS, to: ESC, reason: 'technical-support failed', kind: 'failure' },
    ],
    agentTurns: [
      {
        agent: CS,
        offsetMs: 0,
        latencyMs: 120,
        outcome: 'handed_off',
        calls: 1,
        toolRuns: 1,
        costUsd: 0.0002,
      },
      {
        agent: TS,
        offsetMs: 120,
        latencyMs: 2_400,
        outcome: 'failed',
        calls: 1,
        toolRuns: 0,
        costUsd: 0.004,
        errorCode: 'model_error',
      },
      {
        agent: ESC,
        offsetMs: 2_520,
        latencyMs: 900,
        outcome: 'answered',
        calls: 1,
        toolRuns: 1,
        costUsd: 0.003,
      },
    ],
    ...over,
  };
}

const report = (records: RequestRecord[]) =>
  buildReport({
    runId: 'run-1',
    createdAt: new Date('2026-11-25T09:00:00Z'),
    toolVersion: '0.1.0',
    suite: {
      file: 'scenarios/s.yaml',
      name: 's',
      version: '1',
      sla: {},
      repetitions: 1,
      requests: [{ id: 'escalate-tech' } as Suite['requests'][number]],
    },
    options: {
      modes: ['agno-only', 'hybrid'],
      backend: 'mock',
      latency: 'realistic',
      sharedState: 'memory',
      seed: 42,
      concurrency: 4,
      repetitions: 1,
    },
    records,
    wallTimeMs: 2_000,
    interrupted: false,
    counts: { planned: records.length, sent: records.length, droppedByInterruption: 0 },
  });

const agnoOnly = () =>
  full('agno-only', {
    servedBy: 'prototype',
    calls: [],
    agents: ['support-agent'],
    handoffs: [],
    agentTurns: [
      {
        agent: 'support-agent',
        offsetMs: 0,
        latencyMs: 3_000,
        outcome: 'answered',
        calls: 2,
        toolRuns: 1,
        costUsd: 0.008,
      },
    ],
  });

describe('the multi-agent section', () => {
  const built = report([full('hybrid'), agnoOnly()]);
  const html = agentsSection(built);

  it('is stored in report.json, valid against the schema', () => {
    expect(built.agents?.map((s) => s.mode)).toEqual(['agno-only', 'hybrid']);
    expect(() => ReportSchema.parse(built)).not.toThrow();
  });

  it('shows each agent per mode and the per-conversation figures with guard badges', () => {
    expect(html).toContain('<h2 id="multi-agent">Multi-agent path</h2>');
    const agentRows = html.split('<table id="agent-turns">')[1]?.split('</table>')[0] ?? '';
    expect(agentRows.match(/<tr>/g)?.length).toBe(5); // header + support-agent + three agents
    expect(agentRows).toMatch(
      /<td>hybrid<\/td><td>technical-support<\/td><td class="num">1<\/td>\s*<td class="num">0.0%<\/td><td class="num">0.0%<\/td><td class="num bad">100.0%<\/td>\s*<td class="num">2.40 s<\/td>/,
    );
    const conversations = html.split('<table id="agent-conversations">')[1] ?? '';
    expect(conversations).toContain(
      '<td>hybrid</td><td class="num">1</td><td class="num">3.0</td><td class="num">3.0</td><td class="num">3</td>',
    );
    expect(conversations).toContain('<span class="badge" data-kind="failure">failure</span> 1');
  });

  it('traces each hybrid conversation with escaped reasons, badges and per-agent figures', () => {
    const trace = html.split('<details id="handoff-traces">')[1] ?? '';
    expect(trace).toContain('Handoff trace of 1 hybrid conversation<');
    expect(trace).toContain('customer-service → technical-support → escalation');
    expect(trace).toContain('router &lt;b&gt;drops&lt;/b&gt; &amp; &quot;resets&quot;');
    expect(trace).not.toContain('<b>');
    expect(trace).toContain(
      'technical-support → escalation <span class="badge" data-kind="failure">failure</span>',
    );
    expect(trace).toContain(
      'technical-support 2.40 s · $0.00400 <span class="bad">failed (model_error)</span>',
    );
    expect(trace).toContain('<td>escalate-tech#0</td><td>resolved</td>');
    expect(trace).not.toContain('support-agent'); // agno-only is not traced
  });

  it('is left out when no request took the full path', () => {
    const simple = report([fakeRecord()]);
    expect(simple.agents).toBeUndefined();
    expect(renderHtml(simple)).not.toContain('Multi-agent path');
  });
});

describe('a report written before agent summaries and turns', () => {
  const old = JSON.parse(JSON.stringify(report([full('hybrid'), agnoOnly()])));
  delete old.agents;
  for (const record of old.records) delete record.agentTurns;

  it('still validates and renders, without the section', () => {
    const parsed = ReportSchema.parse(old);
    expect(parsed.agents).toBeUndefined();
    expect(renderHtml(parsed)).not.toContain('Multi-agent path');
  });
});
