import { describe, expect, it } from 'vitest';
import { PROTOTYPE_INSTRUCTIONS } from '../../src/agents/support/instructions.js';
import { createSupportDemo } from '../../src/agents/support/support-demo.js';
import type { AgnoMockTool, AgnoMockToolContext } from './agent-definition.js';
import { createDefaultAgnoAgents, createSupportAgent } from './support-agent.js';

const run = (sessionId: string): AgnoMockToolContext => ({
  runId: 'run-1',
  sessionId,
  agentId: 'support-agent',
});

function toolNamed(tools: readonly AgnoMockTool[], name: string): AgnoMockTool {
  const tool = tools.find((t) => t.name === name);
  if (!tool?.execute) throw new Error(`no tool ${name}`);
  return tool;
}

describe('the default support-agent', () => {
  it('is the prototype: its instructions, model and tool specs', () => {
    const agent = createDefaultAgnoAgents()['support-agent'];
    const { prototype } = createSupportDemo();
    expect(agent?.instructions).toBe(PROTOTYPE_INSTRUCTIONS);
    expect(agent?.model).toBe('gpt-4o');
    expect(
      agent?.tools.map(({ name, description, parameters }) => ({ name, description, parameters })),
    ).toEqual(prototype.tools.map((tool) => tool.spec));
  });

  it('runs the real tools on the dataset', async () => {
    const lookup = toolNamed(createSupportAgent().tools, 'lookup_order');
    expect(await lookup.execute?.({ order_id: 'ORD-10001' }, run('s1'))).toMatchObject({
      status: 'shipped',
      tracking_number: 'TRK10000001',
    });
  });

  it('throws on arguments its zod schema refuses, naming the field', async () => {
    const lookup = toolNamed(createSupportAgent().tools, 'lookup_order');
    await expect(lookup.execute?.({ order_id: '10001' }, run('s1'))).rejects.toThrow(
      /Invalid arguments for lookup_order: order_id:/,
    );
  });

  it('keys side effects on the session: one ticket per session, a new one in another', async () => {
    const ticket = toolNamed(createSupportAgent().tools, 'create_escalation_ticket');
    const args = { priority: 'high', summary: 'Wants a manager' };
    const first = (await ticket.execute?.(args, run('s1'))) as { ticket_id: string };
    const again = (await ticket.execute?.(args, run('s1'))) as { ticket_id: string };
    const other = (await ticket.execute?.(args, run('s2'))) as { ticket_id: string };
    expect(first.ticket_id).toMatch(/^ESC-/);
    expect(again.ticket_id).toBe(first.ticket_id);
    expect(other.ticket_id).not.toBe(first.ticket_id);
  });
});
