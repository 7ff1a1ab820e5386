import { describe, expect, it } from 'vitest';
import type { AgentTurn } from '../../src/index.js';
import { fakeRecord } from '../../test/support/records.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { summarizeAgents } from './summarize-agents.js';

const turn = (
  agent: string,
  outcome: AgentTurn['outcome'],
  latencyMs: number,
  costUsd: number,
  more: Partial<AgentTurn> = {},
): AgentTurn => ({
  agent,
  offsetMs: 0,
  latencyMs,
  outcome,
  calls: 1,
  toolRuns: 0,
  costUsd,
  ...more,
});

/** A full-path record whose calls name the agents given, one call per name. */
function full(over: Partial<RequestRecord> & { callAgents: string[] }): RequestRecord {
  const { callAgents, ...rest } = over;
  const base = fakeRecord({ expectedPath: 'full', routedPath: 'full', servedBy: 'full' });
  const call = base.calls[0] as RequestRecord['calls'][number];
  return { ...base, calls: callAgents.map((agent) => ({ ...call, agent })), ...rest };
}

const CS = 'customer-service';
const TS = 'technical-support';
const ESC = 'escalation';

const records: RequestRecord[] = [
  // The agent hands on; technical support answers.
  full({
    callAgents: [CS, TS, TS],
    agents: [CS, TS],
    handoffs: [{ from: CS, to: TS, reason: 'router drops' }],
    agentTurns: [turn(CS, 'handed_off', 100, 0.001), turn(TS, 'answered', 300, 0.004)],
  }),
  // Technical support fails; the guard hands the conversation to escalation.
  full({
    callAgents: [CS, TS, ESC, ESC],
    agents: [CS, TS, ESC],
    handoffs: [
      { from: CS, to: TS, reason: 'router drops' },
      { from: TS, to: ESC, reason: 'technical-support failed', kind: 'failure' },
    ],
    agentTurns: [
      turn(CS, 'handed_off', 200, 0.001),
      turn(TS, 'failed', 500, 0.002, { errorCode: 'model_error' }),
      turn(ESC, 'answered', 400, 0.003),
    ],
    success: false,
  }),
  // Customer service runs over its time budget, then a loop: both decided by the guard.
  full({
    callAgents: [CS, ESC],
    agents: [CS, ESC],
    handoffs: [
      { from: CS, to: ESC, reason: 'over budget', kind: 'budget' },
      { from: ESC, to: ESC, reason: 'loop', kind: 'loop' },
    ],
    agentTurns: [
      turn(CS, 'handed_off', 300, 0.001, { budget: 'time' }),
      turn(ESC, 'answered', 600, 0.005),
    ],
  }),
  // Written before agent turns were recorded: counts for calls and handoffs, not for turns.
  full({
    callAgents: [CS, TS, 'old-agent'],
    agents: [CS, TS, 'old-agent'],
    handoffs: [
      { from: CS, to: TS, reason: 'x' },
      { from: TS, to: 'old-agent', reason: 'y' },
    ],
  }),
  // Not the full path, and another mode: neither counts for hybrid.
  fakeRecord({ agentTurns: [turn('a', 'answered', 50, 0.001)] }),
  full({
    mode: 'agno-only',
    servedBy: 'prototype',
    callAgents: ['support-agent', 'support-agent'],
    agents: ['support-agent'],
    handoffs: [],
    agentTurns: [turn('support-agent', 'answered', 900, 0.008, { calls: 2 })],
  }),
];

describe('summarizeAgents', () => {
  const summaries = summarizeAgents(records);
  const hybrid = summaries.find((s) => s.mode === 'hybrid');
  const agent = (name: string) => hybrid?.agents.find((a) => a.agent === name);

  it('summarises each mode with full-path requests, agno-only first', () => {
    expect(summaries.map((s) => [s.mode, s.conversations, s.withTurns])).toEqual([
      ['agno-only', 1, 1],
      ['hybrid', 4, 3],
    ]);
    expect(summaries[0]?.agents).toEqual([
      {
        agent: 'support-agent',
        turns: 1,
        answeredRate: 1,
        handedOffRate: 0,
        failedRate: 0,
        latencyMs: { mean: 900, p95: 900 },
        costPerTurnUsd: 0.008,
        modelCalls: 2,
      },
    ]);
  });

  it('orders agents by their usual place in the chain', () => {
    expect(hybrid?.agents.map((a) => a.agent)).toEqual([CS, TS, ESC, 'old-agent']);
  });

  it('gives each agent its turns, outcome shares, latency, cost per turn and model calls', () => {
    expect(agent(CS)).toEqual({
      agent: CS,
      turns: 3,
      answeredRate: 0,
      handedOffRate: 1,
      failedRate: 0,
      latencyMs: { mean: 200, p95: 290 },
      costPerTurnUsd: 0.001,
      modelCalls: 4,
    });
    expect(agent(TS)).toMatchObject({
      turns: 2,
      answeredRate: 0.5,
      failedRate: 0.5,
      latencyMs: { mean: 400, p95: 490 },
      modelCalls: 4,
    });
    expect(agent(TS)?.costPerTurnUsd).toBeCloseTo(0.003, 12);
    expect(agent(ESC)).toMatchObject({ turns: 2, answeredRate: 1, modelCalls: 3 });
  });

  it('counts an agent seen only in records without turns for its calls alone', () => {
    expect(agent('old-agent')).toEqual({
      agent: 'old-agent',
      turns: 0,
      answeredRate: 0,
      handedOffRate: 0,
      failedRate: 0,
      modelCalls: 1,
    });
  });

  it('gives model calls and handoffs per conversation and the handoffs the guard decided', () => {
    // Calls per conversation 3, 4, 2, 3; handoffs 1, 2, 2, 2.
    expect(hybrid?.modelCallsPerConversation).toMatchObject({ mean: 3, max: 4 });
    expect(hybrid?.modelCallsPerConversation.p95).toBeCloseTo(3.85, 12);
    expect(hybrid?.handoffsPerConversation).toEqual({ mean: 1.75, max: 2 });
    expect(hybrid?.handoffsByKind).toEqual({ agent: 4, loop: 1, limit: 0, failure: 1, budget: 1 });
  });

  it('is empty without full-path requests', () => {
    expect(summarizeAgents([fakeRecord()])).toEqual([]);
    expect(summarizeAgents([])).toEqual([]);
  });
});
