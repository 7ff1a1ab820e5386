import { describe, expect, it } from 'vitest';
import { defineAgent } from '../../agents/agent.js';
import { defineTeam } from '../../agents/team.js';
import { defineTool } from '../../agents/tool.js';
import { realClock } from '../../clock.js';
import type { ModelRequest } from '../../providers/provider.js';
import { createScriptedProvider, type ScriptedStep } from '../../providers/scripted.js';
import type { PathContext } from '../path-result.js';
import { createFullPath, type FullPathOptions } from './full-path.js';

const diagnose = defineTool({
  name: 'diagnose',
  description: 'Runs a diagnosis.',
  parameters: (await import('zod')).z.object({}),
  execute: () => ({ diagnosis: 'firmware', healthy: false }),
});

const agents = {
  front: defineAgent({
    name: 'front',
    instructions: 'Front desk.',
    model: 'gpt-4o-mini',
    handoffs: ['tech', 'escalation'],
  }),
  tech: defineAgent({
    name: 'tech',
    instructions: 'Tech.',
    model: 'gpt-4o',
    tools: [diagnose],
    handoffs: ['front', 'escalation'],
  }),
  escalation: defineAgent({ name: 'escalation', instructions: 'Escalation.', model: 'gpt-4o' }),
};
const team = defineTeam({
  entry: 'front',
  escalation: 'escalation',
  agents: Object.values(agents),
});
const teamWithoutEscalation = defineTeam({
  entry: 'front',
  agents: [
    defineAgent({
      name: 'front',
      instructions: 'Front desk.',
      model: 'gpt-4o-mini',
      handoffs: ['tech'],
    }),
    defineAgent({ name: 'tech', instructions: 'Tech.', model: 'gpt-4o', handoffs: ['front'] }),
  ],
});

const agentOf = (request: ModelRequest) => {
  const system = request.messages[0]?.content ?? '';
  return system.startsWith('Front') ? 'front' : system.startsWith('Tech') ? 'tech' : 'escalation';
};
const handoff = (to: string): ScriptedStep => ({
  toolCalls: [
    {
      name: `transfer_to_${to}`,
      arguments: { reason: `needs ${to}`, summary: 'Router drops Wi-Fi' },
    },
  ],
});
const byAgent = (steps: Record<string, ScriptedStep>) =>
  createScriptedProvider({ script: (request) => steps[agentOf(request)] ?? { text: '?' } });

/** A request context whose calls each cost `costPerCall` (as the pipeline's meter would add). */
function context(
  call: ReturnType<typeof createScriptedProvider>['complete'],
  over: { costPerCall?: number; signal?: AbortSignal } = {},
): PathContext {
  let spentUsd = 0;
  return {
    call: async (request, options) => {
      const outcome = await call(request, options);
      spentUsd += over.costPerCall ?? 0;
      return outcome;
    },
    clock: realClock,
    signal: over.signal ?? new AbortController().signal,
    requestId: 'conv-1',
    stream: false,
    spentUsd: () => spentUsd,
  };
}
const messages = [{ role: 'user' as const, content: 'My router keeps dropping Wi-Fi' }];
const options: FullPathOptions = { maxHandoffs: 3, maxStepsPerAgent: 4, maxOutputTokens: 200 };
const chain = (result: { handoffs: Array<{ from: string; to: string; kind?: string }> }) =>
  result.handoffs.map((h) => `${h.from}>${h.to}${h.kind ? `:${h.kind}` : ''}`);

describe('full path: handoffs', () => {
  it('follows a handoff chain and gives the receiver a brief instead of the old tool history', async () => {
    const provider = byAgent({
      front: handoff('tech'),
      tech: handoff('escalation'),
      escalation: { text: 'Ticket opened.' },
    });
    const result = await createFullPath(team, options)(messages, context(provider.complete));
    expect(result).toMatchObject({
      state: 'ok',
      text: 'Ticket opened.',
      agents: ['front', 'tech', 'escalation'],
    });
    expect(chain(result)).toEqual(['front>tech', 'tech>escalation']);
    const techInput = provider.calls[1]?.messages ?? [];
    expect(techInput[0]?.content).toMatch(
      /^Tech\.\n\nHandoff from front: needs tech\.\nSummary: Router drops Wi-Fi\n/,
    );
    expect(techInput[0]?.content).toMatch(/Handoffs so far: front → tech \(needs tech\)\./);
    expect(techInput.slice(1)).toEqual(messages);
  });

  it('shows a receiving agent only the latest messages of a long conversation, and the facts', async () => {
    const long = [
      { role: 'user' as const, content: 'one' },
      { role: 'assistant' as const, content: 'two' },
      { role: 'user' as const, content: 'three' },
      { role: 'assistant' as const, content: 'four' },
      { role: 'user' as const, content: 'five' },
    ];
    let techCalls = 0;
    const provider = createScriptedProvider({
      script: (request) => {
        if (agentOf(request) === 'front') return handoff('tech');
        techCalls++;
        return techCalls === 1
          ? { toolCalls: [{ name: 'diagnose', arguments: {} }] }
          : {
              toolCalls: [
                { name: 'transfer_to_escalation', arguments: { reason: 'r', summary: 's' } },
              ],
            };
      },
    });
    const escalationSeen: ModelRequest[] = [];
    const call: typeof provider.complete = (request, callOptions) => {
      if (agentOf(request) === 'escalation') {
        escalationSeen.push(request);
        return Promise.resolve({
          state: 'ok',
          response: {
            text: 'Done.',
            toolCalls: [],
            usage: { inputTokens: 1, outputTokens: 1 },
            usageEstimated: false,
            finishReason: 'stop',
            model: request.model,
            latencyMs: 0,
          },
        } as Awaited<ReturnType<typeof provider.complete>>);
      }
      return provider.complete(request, callOptions);
    };
    const result = await createFullPath(team, { ...options, handoffTranscriptMessages: 2 })(
      long,
      context(call),
    );
    expect(result.state).toBe('ok');
    const techInput = provider.calls.find((r) => agentOf(r) === 'tech')?.messages ?? [];
    expect(techInput.slice(1).map((m) => m.content)).toEqual(['four', 'five']);
    expect(techInput[0]?.content).toMatch(/Only the last 2 of 5 conversation messages follow\./);
    const escalationInput = escalationSeen[0]?.messages ?? [];
    expect(escalationInput[0]?.content).toMatch(
      /Facts established so far: diagnosis=firmware, healthy=false\./,
    );
    // The tech agent's tool call and result are not passed on.
    expect(escalationInput.some((m) => m.role === 'tool')).toBe(false);
  });

  it('hands a loop (the same handoff asked for twice) to the escalation agent', async () => {
    const provider = byAgent({
      front: handoff('tech'),
      tech: handoff('front'),
      escalation: { text: 'A person takes it from here.' },
    });
    const result = await createFullPath(team, { ...options, maxHandoffs: 10 })(
      messages,
      context(provider.complete),
    );
    expect(result).toMatchObject({ state: 'ok', agents: ['front', 'tech', 'front', 'escalation'] });
    expect(chain(result)).toEqual(['front>tech', 'tech>front', 'front>escalation:loop']);
    expect(result.handoffs.at(-1)?.reason).toBe('handoff loop (front → tech again)');
  });

  it('fails a loop with handoff_loop when no escalation agent can take it', async () => {
    const provider = byAgent({ front: handoff('tech'), tech: handoff('front') });
    const result = await createFullPath(teamWithoutEscalation, { ...options, maxHandoffs: 10 })(
      messages,
      context(provider.complete),
    );
    expect(result.state === 'error' && result.error.code).toBe('handoff_loop');
    expect(result.agents).toEqual(['front', 'tech', 'front']);
    expect(provider.calls).toHaveLength(3);
  });

  it('escalates past the handoff limit, and fails with max_handoffs without an escalation agent', async () => {
    const steps = { front: handoff('tech'), tech: handoff('front'), escalation: { text: 'ok' } };
    const limited = await createFullPath(team, { ...options, maxHandoffs: 1 })(
      messages,
      context(byAgent(steps).complete),
    );
    expect(chain(limited)).toEqual(['front>tech', 'tech>escalation:limit']);
    expect(limited.state).toBe('ok');

    const failed = await createFullPath(teamWithoutEscalation, { ...options, maxHandoffs: 1 })(
      messages,
      context(byAgent(steps).complete),
    );
    expect(failed.state === 'error' && failed.error.code).toBe('max_handoffs');
  });
});

describe('full path: what the handoff limit counts', () => {
  it('counts only the handoffs agents ask for, not the guard’s escalations', async () => {
    // escalation may hand back to tech here: failure (guard) → escalation → tech (agent, 1 of 1)
    // → front (agent, 2 > 1) → the limit, with escalation already used → max_handoffs.
    const looping = defineTeam({
      entry: 'front',
      escalation: 'escalation',
      agents: [
        defineAgent({
          name: 'front',
          instructions: 'Front desk.',
          model: 'gpt-4o-mini',
          handoffs: ['tech', 'escalation'],
        }),
        defineAgent({ name: 'tech', instructions: 'Tech.', model: 'gpt-4o', handoffs: ['front'] }),
        defineAgent({
          name: 'escalation',
          instructions: 'Escalation.',
          model: 'gpt-4o',
          handoffs: ['tech'],
        }),
      ],
    });
    let frontCalls = 0;
    const provider = createScriptedProvider({
      script: (request) => {
        const agent = agentOf(request);
        if (agent === 'front')
          return ++frontCalls === 1
            ? { error: { code: 'server_error', status: 500 } }
            : { text: 'x' };
        return agent === 'escalation' ? handoff('tech') : handoff('front');
      },
    });
    const result = await createFullPath(looping, { ...options, maxHandoffs: 1 })(
      messages,
      context(provider.complete),
    );
    expect(chain(result)).toEqual(['front>escalation:failure', 'escalation>tech']);
    expect(result.state === 'error' && result.error.code).toBe('max_handoffs');
    expect(result.agents).toEqual(['front', 'escalation', 'tech']);
  });
});

describe('full path: failures and budgets', () => {
  it('hands a failed agent’s conversation to the escalation agent', async () => {
    const provider = byAgent({
      front: { error: { code: 'server_error', status: 500 } },
      escalation: { text: 'A person will call you.' },
    });
    const result = await createFullPath(team, options)(messages, context(provider.complete));
    expect(result).toMatchObject({ state: 'ok', agents: ['front', 'escalation'] });
    expect(result.handoffs[0]).toMatchObject({
      from: 'front',
      to: 'escalation',
      reason: 'agent failed (model_error)',
      kind: 'failure',
    });
    expect(result.turns.map((t) => [t.agent, t.outcome, t.errorCode])).toEqual([
      ['front', 'failed', 'model_error'],
      ['escalation', 'answered', undefined],
    ]);
  });

  it('fails when the escalation agent itself fails', async () => {
    const provider = createScriptedProvider({
      script: () => ({ error: { code: 'server_error', status: 500 } }),
    });
    const result = await createFullPath(team, options)(messages, context(provider.complete));
    expect(result.state === 'error' && result.error.code).toBe('model_error');
    expect(result.agents).toEqual(['front', 'escalation']);
  });

  it('ends an agent’s turn at its own time budget and escalates with the time left', async () => {
    const provider = byAgent({
      front: handoff('tech'),
      tech: { text: 'too late', latencyMs: 2_000 },
      escalation: { text: 'Escalated.' },
    });
    const started = performance.now();
    const result = await createFullPath(team, {
      ...options,
      agentBudgets: { tech: { maxMs: 50 } },
    })(messages, context(provider.complete));
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(result).toMatchObject({ state: 'ok', text: 'Escalated.' });
    expect(chain(result)).toEqual(['front>tech', 'tech>escalation:budget']);
    expect(result.handoffs[1]?.reason).toBe('agent over its time budget');
    expect(result.turns[1]).toMatchObject({
      agent: 'tech',
      outcome: 'failed',
      budget: 'time',
      errorCode: 'timeout',
    });
  });

  it('refuses an agent’s model call once its calls have spent its cost budget', async () => {
    const provider = byAgent({
      front: handoff('tech'),
      tech: { toolCalls: [{ name: 'diagnose', arguments: {} }] },
      escalation: { text: 'Escalated.' },
    });
    const result = await createFullPath(team, {
      ...options,
      maxStepsPerAgent: 10,
      agentBudget: { maxCostUsd: 0.025 },
    })(messages, context(provider.complete, { costPerCall: 0.01 }));
    expect(chain(result)).toEqual(['front>tech', 'tech>escalation:budget']);
    const tech = result.turns[1];
    // Checked before each call: 0, 0.01 and 0.02 spent let three calls through; the fourth is refused.
    expect(tech).toMatchObject({
      agent: 'tech',
      budget: 'cost',
      errorCode: 'budget_exceeded',
      callCount: 4,
    });
    expect(tech?.costUsd).toBeCloseTo(0.03);
    expect(provider.calls.filter((r) => agentOf(r) === 'tech')).toHaveLength(3);
    expect(result.state).toBe('ok');
  });

  it('fails at once when the request’s own cost cap is spent mid-chain', async () => {
    const provider = byAgent({
      front: handoff('tech'),
      tech: { error: { code: 'budget_exceeded' } },
      escalation: { text: 'never' },
    });
    const result = await createFullPath(team, options)(messages, context(provider.complete));
    expect(result.state === 'error' && result.error.code).toBe('budget_exceeded');
    expect(result.agents).toEqual(['front', 'tech']);
  });

  it('fails at once when the request’s deadline passes mid-chain', async () => {
    const provider = byAgent({
      front: handoff('tech'),
      tech: { text: 'slow', latencyMs: 2_000 },
      escalation: { text: 'never' },
    });
    const signal = AbortSignal.timeout(80);
    const result = await createFullPath(team, options)(
      messages,
      context(provider.complete, { signal }),
    );
    expect(result.state === 'error' && result.error.code).toBe('timeout');
    expect(result.agents).toEqual(['front', 'tech']);
  });

  it('records each agent’s turn: outcome, calls, tool runs and cost', async () => {
    let techCalls = 0;
    const provider = createScriptedProvider({
      script: (request) => {
        if (agentOf(request) === 'front') return handoff('tech');
        techCalls++;
        return techCalls === 1
          ? { toolCalls: [{ name: 'diagnose', arguments: {} }] }
          : { text: 'Fixed.' };
      },
    });
    const result = await createFullPath(team, options)(
      messages,
      context(provider.complete, { costPerCall: 0.001 }),
    );
    expect(
      result.turns.map(({ agent, outcome, firstCall, callCount, toolRunCount }) => ({
        agent,
        outcome,
        firstCall,
        callCount,
        toolRunCount,
      })),
    ).toEqual([
      { agent: 'front', outcome: 'handed_off', firstCall: 0, callCount: 1, toolRunCount: 1 },
      { agent: 'tech', outcome: 'answered', firstCall: 1, callCount: 2, toolRunCount: 1 },
    ]);
    expect(result.turns[1]?.costUsd).toBeCloseTo(0.002);
  });

  it('names an unknown agent in agentBudgets with its config path', () => {
    expect(() =>
      createFullPath(team, { ...options, agentBudgets: { tehc: { maxMs: 1 } } }),
    ).toThrow(
      'paths.full.agentBudgets.tehc: no agent "tehc" in the team; use one of front, tech, escalation.',
    );
  });
});
