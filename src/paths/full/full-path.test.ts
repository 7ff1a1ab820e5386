import { describe, expect, it } from 'vitest';
import { defineAgent } from '../../agents/agent.js';
import { defineTeam } from '../../agents/team.js';
import { realClock } from '../../clock.js';
import type { ModelRequest } from '../../providers/provider.js';
import { createScriptedProvider, type ScriptedStep } from '../../providers/scripted.js';
import { createFullPath } from './full-path.js';

const team = defineTeam({
  entry: 'front',
  escalation: 'escalation',
  agents: [
    defineAgent({
      name: 'front',
      instructions: 'Front desk.',
      model: 'gpt-4o-mini',
      handoffs: ['tech', 'escalation'],
    }),
    defineAgent({
      name: 'tech',
      instructions: 'Tech.',
      model: 'gpt-4o',
      handoffs: ['front', 'escalation'],
    }),
    defineAgent({ name: 'escalation', instructions: 'Escalation.', model: 'gpt-4o' }),
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
const context = (call: ReturnType<typeof createScriptedProvider>['complete']) => ({
  call,
  clock: realClock,
  signal: new AbortController().signal,
  requestId: 'conv-1',
  stream: false,
});
const messages = [{ role: 'user' as const, content: 'My router keeps dropping Wi-Fi' }];
const options = { maxHandoffs: 3, maxStepsPerAgent: 4, maxOutputTokens: 200 };

describe('full path', () => {
  it('follows a handoff chain and gives the receiver a note instead of the old tool history', async () => {
    const provider = createScriptedProvider({
      script: (request) =>
        ({
          front: handoff('tech'),
          tech: handoff('escalation'),
          escalation: { text: 'Ticket opened.' },
        })[agentOf(request)],
    });
    const result = await createFullPath(team, options)(messages, context(provider.complete));
    expect(result).toMatchObject({
      state: 'ok',
      text: 'Ticket opened.',
      agents: ['front', 'tech', 'escalation'],
    });
    expect(result.handoffs.map((h) => `${h.from}>${h.to}`)).toEqual([
      'front>tech',
      'tech>escalation',
    ]);
    const techInput = provider.calls[1]?.messages ?? [];
    expect(techInput[0]?.content).toMatch(
      /Handoff from front: needs tech\.\nSummary: Router drops Wi-Fi/,
    );
    expect(techInput.slice(1)).toEqual(messages);
  });

  it('stops a handoff loop with a defined outcome', async () => {
    let turn = 0;
    const provider = createScriptedProvider({
      script: (request) => {
        turn++;
        return agentOf(request) === 'front' ? handoff('tech') : handoff('front');
      },
    });
    const result = await createFullPath(team, { ...options, maxHandoffs: 10 })(
      messages,
      context(provider.complete),
    );
    expect(result.state === 'error' && result.error.code).toBe('handoff_loop');
    expect(result.agents).toEqual(['front', 'tech', 'front']);
    expect(turn).toBe(3);
  });

  it('bounds the number of handoffs', async () => {
    const provider = createScriptedProvider({
      script: (request) => (agentOf(request) === 'front' ? handoff('tech') : handoff('escalation')),
    });
    const result = await createFullPath(team, { ...options, maxHandoffs: 1 })(
      messages,
      context(provider.complete),
    );
    expect(result.state === 'error' && result.error.code).toBe('max_handoffs');
  });

  it('hands a failed agent’s conversation to the escalation agent', async () => {
    const provider = createScriptedProvider({
      script: (request) =>
        agentOf(request) === 'escalation'
          ? { text: 'A person will call you.' }
          : { error: { code: 'server_error', status: 500 } },
    });
    const result = await createFullPath(team, options)(messages, context(provider.complete));
    expect(result).toMatchObject({ state: 'ok', agents: ['front', 'escalation'] });
    expect(result.handoffs[0]).toMatchObject({
      from: 'front',
      to: 'escalation',
      reason: 'agent failed (model_error)',
    });
  });

  it('fails when the escalation agent itself fails', async () => {
    const provider = createScriptedProvider({
      script: () => ({ error: { code: 'server_error', status: 500 } }),
    });
    const result = await createFullPath(team, options)(messages, context(provider.complete));
    expect(result.state === 'error' && result.error.code).toBe('model_error');
    expect(result.agents).toEqual(['front', 'escalation']);
  });
});
