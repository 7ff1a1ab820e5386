import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { realClock } from '../../src/index.js';
import { quantile } from '../stats/statistics.js';
import { driveAutocannon } from './drive-autocannon.js';
import { correctedLatencyOf, type LoadRecord, latencyOf } from './load-record.js';
import { closedSchedule, openSchedule } from './send-schedule.js';

const servers: Server[] = [];
const closeAll = () =>
  Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((r) => s.close(r));
    }),
  );
afterEach(closeAll);

/**
 * Answers at once, except for one pause: the first request after `stallAfterMs` starts a
 * `stallMs` pause during which nothing is answered (a GC pause, a blocked dependency).
 */
async function stallingServer(options: { stallAfterMs: number; stallMs: number }) {
  const startedAt = realClock.now();
  let stallUntil: number | undefined;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const now = realClock.now();
      if (stallUntil === undefined && now - startedAt >= options.stallAfterMs)
        stallUntil = now + options.stallMs;
      const holdMs = stallUntil === undefined ? 0 : Math.max(0, stallUntil - now);
      setTimeout(() => {
        response.writeHead(200, {
          'content-type': 'application/json',
          'x-bench-path': request.headers['x-bench-path'] ?? 'simple',
          'x-bench-cost-usd': '0.00100000',
        });
        response.end('{"ok":true}');
      }, holdMs);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
}

const request = { id: 'q1', body: '{"model":"hybrid-bench"}', path: 'simple' as const, weight: 1 };
const values = (records: LoadRecord[], pick: (r: LoadRecord) => number | undefined) =>
  records.map(pick).filter((v): v is number => v !== undefined);

describe('driveAutocannon', () => {
  it('corrects for coordinated omission: requests queued behind a pause show it', async () => {
    const url = await stallingServer({ stallAfterMs: 600, stallMs: 500 });
    const startMs = realClock.now();
    const { records, unsent } = await driveAutocannon({
      url,
      apiKey: 'k',
      nextRequest: () => request,
      connections: 2,
      schedule: openSchedule({ startMs, endMs: startMs + 2000, rate: 200 }),
      endAtMs: startMs + 2000,
      drainMs: 2000,
      timeoutS: 10,
      stream: false,
    });
    expect(unsent).toBe(0);
    expect(records.length).toBeGreaterThan(380);
    expect(records.every((r) => r.outcome === 'ok' && r.servedPath === 'simple')).toBe(true);
    const raw = values(records, latencyOf);
    const corrected = values(records, correctedLatencyOf);
    // Only the couple of requests caught by the pause were slow on the wire…
    expect(raw.filter((ms) => ms > 200).length).toBeLessThanOrEqual(10);
    expect(quantile(raw, 0.95)).toBeLessThan(100);
    // …but the ~100 slots that fell due meanwhile waited for a connection, and that counts.
    const slow = (values: number[]) => values.filter((ms) => ms > 100).length;
    expect(slow(corrected)).toBeGreaterThan(slow(raw) + 40);
    expect(quantile(corrected, 0.95)).toBeGreaterThan(quantile(raw, 0.95) + 100);
    expect(Math.max(...corrected)).toBeGreaterThan(400);
    // Every request left in schedule order, none before its slot (timers may fire a ms early).
    expect(records.every((r, i) => r.seq === i && r.sentAtMs >= r.intendedAtMs - 2)).toBe(true);
  });

  it('keeps an even schedule, not one burst a second', async () => {
    const url = await stallingServer({ stallAfterMs: Number.POSITIVE_INFINITY, stallMs: 0 });
    const startMs = realClock.now();
    const { records } = await driveAutocannon({
      url,
      apiKey: 'k',
      nextRequest: () => request,
      connections: 4,
      schedule: openSchedule({ startMs, endMs: startMs + 1000, rate: 50 }),
      endAtMs: startMs + 1000,
      drainMs: 1000,
      timeoutS: 10,
      stream: false,
    });
    expect(records).toHaveLength(50);
    const late = values(records, (r) => r.sentAtMs - r.intendedAtMs);
    expect(quantile(late, 0.95)).toBeLessThan(50);
    // Each 200 ms fifth of the second carries about a fifth of the requests.
    const fifths = [0, 1, 2, 3, 4].map(
      (f) => records.filter((r) => Math.floor((r.sentAtMs - startMs) / 200) === f).length,
    );
    // (autocannon's own overallRate would send all 50 in the first fifth.)
    for (const count of fifths) expect(count).toBeGreaterThanOrEqual(5);
  });

  it('closed loop: as fast as answers come, then drains; nothing is lost', async () => {
    const url = await stallingServer({ stallAfterMs: Number.POSITIVE_INFINITY, stallMs: 0 });
    const startMs = realClock.now();
    const { records, unsent } = await driveAutocannon({
      url,
      apiKey: 'k',
      nextRequest: () => request,
      connections: 3,
      schedule: closedSchedule({ endMs: startMs + 500 }),
      endAtMs: startMs + 500,
      drainMs: 2000,
      timeoutS: 10,
      stream: false,
    });
    expect(unsent).toBe(0);
    expect(records.length).toBeGreaterThan(50);
    expect(records.every((r) => r.outcome === 'ok' && r.intendedAtMs === r.sentAtMs)).toBe(true);
    expect(records.every((r) => r.costUsd === 0.001)).toBe(true);
  });

  it('fails a request that gets no answer within the timeout, and goes on', async () => {
    let seen = 0;
    const server = createServer((request, response) => {
      request.resume();
      // The third request never gets an answer.
      if (++seen === 3) return;
      request.on('end', () => response.end('{}'));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
    const startMs = realClock.now();
    const { records } = await driveAutocannon({
      url,
      apiKey: 'k',
      nextRequest: () => request,
      connections: 2,
      schedule: openSchedule({ startMs, endMs: startMs + 1000, rate: 10 }),
      endAtMs: startMs + 1000,
      drainMs: 3000,
      timeoutS: 1,
      stream: false,
    });
    expect(records).toHaveLength(10);
    const failed = records.filter((r) => r.outcome === 'error');
    expect(failed.map((r) => [r.seq, r.error])).toEqual([[2, 'no answer within 1 s']]);
    expect(records.filter((r) => r.outcome === 'ok')).toHaveLength(9);
  });

  it('streaming: times the first chunk with content, not the role-only opener', async () => {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'x-bench-path': 'full' });
        response.write('data: {"choices":[{"delta":{"role":"assistant","content":""}}]}\n\n');
        setTimeout(() => {
          response.write('data: {"choices":[{"delta":{"content":"Hello"}}]}\n\n');
          setTimeout(() => response.end('data: [DONE]\n\n'), 200);
        }, 100);
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
    const startMs = realClock.now();
    const { records } = await driveAutocannon({
      url,
      apiKey: 'k',
      nextRequest: () => request,
      connections: 1,
      schedule: openSchedule({ startMs, endMs: startMs + 100, rate: 10 }),
      endAtMs: startMs + 100,
      drainMs: 2000,
      timeoutS: 10,
      stream: true,
    });
    const [only] = records;
    expect(records).toHaveLength(1);
    expect(only?.servedPath).toBe('full');
    const ttft = (only?.firstContentAtMs ?? 0) - (only?.sentAtMs ?? 0);
    const latency = (only?.answeredAtMs ?? 0) - (only?.sentAtMs ?? 0);
    expect(ttft).toBeGreaterThanOrEqual(90);
    expect(ttft).toBeLessThan(250);
    expect(latency - ttft).toBeGreaterThanOrEqual(180);
  });

  it('records a refused connection as an error, not an answer', async () => {
    const url = await stallingServer({ stallAfterMs: Number.POSITIVE_INFINITY, stallMs: 0 });
    await closeAll();
    const startMs = realClock.now();
    const { records } = await driveAutocannon({
      url,
      apiKey: 'k',
      nextRequest: () => request,
      connections: 1,
      schedule: openSchedule({ startMs, endMs: startMs + 300, rate: 10 }),
      endAtMs: startMs + 300,
      drainMs: 500,
      timeoutS: 10,
      stream: false,
    });
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.outcome === 'error' && /ECONNREFUSED/.test(r.error ?? ''))).toBe(
      true,
    );
  });
});
