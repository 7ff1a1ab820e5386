import { describe, expect, it } from 'vitest';
import type { ToolContext } from '../tool.js';
import { createSupportDemo } from './support-demo.js';

const context = (conversationId: string): ToolContext => ({
  signal: new AbortController().signal,
  conversationId,
  agent: 'test',
});

function tool(name: string) {
  const { prototype } = createSupportDemo();
  const found = prototype.tools.find((t) => t.name === name);
  if (!found) throw new Error(`no tool ${name}`);
  return { prototype, tool: found };
}

describe('support demo', () => {
  it('gives the prototype every domain tool and the team its handoffs', () => {
    const { prototype, team } = createSupportDemo();
    expect(prototype.tools.map((t) => t.name)).toContain('create_escalation_ticket');
    expect(team.entry).toBe('customer-service');
    expect(team.agents.get('customer-service')?.handoffs).toEqual([
      'technical-support',
      'escalation',
    ]);
    expect(team.agents.get('technical-support')?.handoffs).toEqual([
      'customer-service',
      'escalation',
    ]);
    expect(team.agents.get('technical-support')?.model).toBe('gpt-4o');
  });

  it('looks up an order with its tracking number', async () => {
    const { tool: lookup } = tool('lookup_order');
    expect(await lookup.execute({ order_id: 'ORD-10001' } as never, context('c1'))).toMatchObject({
      status: 'shipped',
      tracking_number: 'TRK10000001',
      total_usd: 89.99,
    });
  });

  it('refunds an eligible order once per conversation, however often it is asked', async () => {
    const { prototype } = createSupportDemo();
    const refund = prototype.tools.find((t) => t.name === 'initiate_refund');
    const args = { order_id: 'ORD-10002', reason: 'too small' } as never;
    const first = (await refund?.execute(args, context('c1'))) as Record<string, unknown>;
    const again = (await refund?.execute(args, context('c1'))) as Record<string, unknown>;
    const other = (await refund?.execute(args, context('c2'))) as Record<string, unknown>;
    expect(first).toMatchObject({ status: 'initiated', amount_usd: 120 });
    expect(again.refund_id).toBe(first.refund_id);
    expect(again.detail).toMatch(/not refunded twice/);
    expect(other.refund_id).not.toBe(first.refund_id);
  });

  it('refuses refunds outside the window, for digital goods and for refunded orders', async () => {
    const { tool: refund } = tool('initiate_refund');
    const run = (id: string) =>
      refund.execute({ order_id: id, reason: 'x' } as never, context('c'));
    expect(await run('ORD-10004')).toMatchObject({
      status: 'ineligible',
      detail: expect.stringMatching(/30-day/),
    });
    expect(await run('ORD-10006')).toMatchObject({ status: 'ineligible' });
    expect(await run('ORD-10010')).toMatchObject({
      status: 'ineligible',
      detail: expect.stringMatching(/already been refunded/),
    });
    expect(await run('ORD-10001')).toMatchObject({
      status: 'ineligible',
      detail: expect.stringMatching(/delivered/),
    });
  });

  it('matches known issues by error code and by words', async () => {
    const { tool: search } = tool('search_known_issues');
    expect(
      await search.execute({ query: 'anything', error_code: 'E104' } as never, context('c')),
    ).toMatchObject({
      count: 1,
      matches: [{ issue_id: 'KI-302' }],
    });
    expect(
      await search.execute({ query: 'my router keeps dropping wifi' } as never, context('c')),
    ).toMatchObject({
      matches: [{ issue_id: 'KI-301' }],
    });
  });

  it('opens one escalation ticket per conversation', async () => {
    const { tool: ticket } = tool('create_escalation_ticket');
    expect(ticket.escalates).toBe(true);
    const a = await ticket.execute({ priority: 'high', summary: 's' } as never, context('c9'));
    const b = await ticket.execute({ priority: 'low', summary: 's' } as never, context('c9'));
    expect(a).toMatchObject({ priority: 'high', eta_hours: 4 });
    expect(b).toEqual(a);
  });
});
