import { Agent, request } from 'node:http';

export interface HttpTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface PacedResult {
  sent: number;
  ok: number;
  failed: number;
  /** Send to last byte, per answered request. */
  latencyMs: number[];
  /** Intended send time (its slot in the schedule) to last byte: queueing behind slow answers counts. */
  correctedMs: number[];
  /** Send to the first body byte (for a stream: its first event). */
  firstByteMs: number[];
  elapsedMs: number;
}

/**
 * Sends `rate` requests per second for `durationMs`, evenly spaced, whatever the answers do
 * (open loop), over a keep-alive pool of at most `maxSockets` connections. Each answer is timed
 * both from its real send and from its slot in the schedule.
 */
export async function sendPaced(
  target: HttpTarget,
  options: { rate: number; durationMs: number; maxSockets?: number },
): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256 });
  const url = new URL(target.url);
  const headers = { ...target.headers, 'content-length': String(Buffer.byteLength(target.body)) };
  const total = Math.max(1, Math.round((options.rate * options.durationMs) / 1000));
  const interval = 1000 / options.rate;
  const result: PacedResult = {
    sent: 0,
    ok: 0,
    failed: 0,
    latencyMs: [],
    correctedMs: [],
    firstByteMs: [],
    elapsedMs: 0,
  };
  const start = performance.now();
  let settled = 0;
  await new Promise<void>((done) => {
    const finish = (intended: number, sentAt: number, ok: boolean) => {
      const end = performance.now();
      if (ok) {
        result.ok++;
        result.latencyMs.push(end - sentAt);
        result.correctedMs.push(end - intended);
      } else result.failed++;
      if (++settled === total) done();
    };
    const fire = (intended: number) => {
      const sentAt = performance.now();
      result.sent++;
      const outgoing = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent },
        (answer) => {
          answer.once('data', () => result.firstByteMs.push(performance.now() - sentAt));
          answer.on('data', () => {});
          answer.on('end', () => finish(intended, sentAt, (answer.statusCode ?? 0) < 300));
          answer.on('error', () => finish(intended, sentAt, false));
        },
      );
      outgoing.on('error', () => finish(intended, sentAt, false));
      outgoing.end(target.body);
    };
    let k = 0;
    const tick = () => {
      const now = performance.now();
      while (k < total && start + k * interval <= now) fire(start + k++ * interval);
      if (k < total) setTimeout(tick, Math.max(0, start + k * interval - performance.now()));
    };
    tick();
  });
  result.elapsedMs = performance.now() - start;
  agent.destroy();
  return result;
}
