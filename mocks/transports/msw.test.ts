import { afterEach, describe, expect, it } from 'vitest';
import { type InstalledMock, installMswMock } from './msw.js';

let installed: InstalledMock | undefined;
afterEach(() => {
  installed?.close();
  installed = undefined;
});

describe('installMswMock', () => {
  it('routes POST {baseUrl}/chat/completions to the handler', async () => {
    const seen: string[] = [];
    installed = installMswMock({
      baseUrl: 'http://mock.test/v1/',
      handler: async (request) => {
        seen.push(`${request.method} ${request.url} ${await request.text()}`);
        return Response.json({ ok: true });
      },
    });
    const response = await fetch('http://mock.test/v1/chat/completions', {
      method: 'POST',
      body: '{}',
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(seen).toEqual(['POST http://mock.test/v1/chat/completions {}']);
  });

  it('fails closed: any other request errors instead of reaching the network', async () => {
    installed = installMswMock({
      baseUrl: 'http://mock.test/v1',
      handler: async () => new Response(),
    });
    await expect(fetch('http://mock.test/v1/embeddings', { method: 'POST' })).rejects.toThrow();
    await expect(fetch('http://mock.test/v1/chat/completions')).rejects.toThrow();
  });

  it('lets a client cancel a streamed body (the unread msw copy is released)', async () => {
    let cancelled = false;
    installed = installMswMock({
      baseUrl: 'http://mock.test/v1',
      handler: async () =>
        new Response(
          new ReadableStream({
            pull: (controller) => controller.enqueue(new TextEncoder().encode('data: x\n\n')),
            cancel: () => {
              cancelled = true;
            },
          }),
        ),
    });
    const response = await fetch('http://mock.test/v1/chat/completions', { method: 'POST' });
    const reader = response.body?.getReader();
    await reader?.read();
    await reader?.cancel();
    expect(cancelled).toBe(true);
  });
});
