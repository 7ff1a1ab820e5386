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

  it('serves other POST routes when given, as msw path patterns', async () => {
    installed = installMswMock({
      baseUrl: 'http://mock.test',
      paths: ['/v1/messages', '/agents/:agentId/runs'],
      handler: async (request) => Response.json({ path: new URL(request.url).pathname }),
    });
    const paths = [];
    for (const path of ['/v1/messages', '/agents/support/runs']) {
      const response = await fetch(`http://mock.test${path}`, { method: 'POST' });
      paths.push(((await response.json()) as { path: string }).path);
    }
    expect(paths).toEqual(['/v1/messages', '/agents/support/runs']);
    await expect(
      fetch('http://mock.test/v1/chat/completions', { method: 'POST' }),
    ).rejects.toThrow();
  });

  it('turns Response.error() into a network error, as a reset would be', async () => {
    installed = installMswMock({
      baseUrl: 'http://mock.test/v1',
      handler: async () => Response.error(),
    });
    await expect(fetch('http://mock.test/v1/chat/completions', { method: 'POST' })).rejects.toThrow(
      TypeError,
    );
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
