import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, realClock } from '../../src/index.js';
import { runK6 } from '../k6/run-k6.js';
import { SCRIPT_FILE, writeK6Files } from '../k6/write-k6-files.js';
import type { LoadReport, LoadResults } from '../report/index.js';
import { loadSuite } from '../scenario/index.js';
import { type LoadServer, reachServer } from './server-process.js';
import { describeTarget, latencySlaOf, writeLoadRun } from './write-load-run.js';

export interface K6LoadOptions {
  suitePath: string;
  /** Requests per second (constant arrival rate); absent: the suite's own load. */
  rate?: number;
  durationMs?: number;
  stream: boolean;
  server: LoadServer;
  outDir: string;
  clock?: Clock;
  signal?: AbortSignal;
  /** k6's own output as it comes (its progress lines). */
  onOutput?: (chunk: string) => void;
  onServer?: (url: string, pid?: number) => void;
}

/**
 * `bench load --engine k6`: the suite as a generated k6 script (`bench k6 generate`), run by the
 * `k6` on PATH against the server, its summary read back as a load step into the same report.
 * @throws K6RunError when k6 is missing or fails; ConfigError for a bad suite.
 */
export async function runK6Load(
  options: K6LoadOptions,
): Promise<{ report: LoadReport; dir: string }> {
  const clock = options.clock ?? realClock;
  const suite = await loadSuite(options.suitePath);
  const sla = latencySlaOf(suite);
  const createdAt = new Date(clock.wallNow());
  const startedMs = clock.now();
  const notes: string[] = [];
  const server = options.server;
  const { baseUrl, apiKey, pid, stop } = await reachServer(server);
  options.onServer?.(baseUrl, pid);
  const scripts = await mkdtemp(join(tmpdir(), 'hb-k6-script-'));
  let steps: LoadResults['steps'];
  try {
    await writeK6Files(
      suite,
      {
        baseUrl,
        stream: options.stream,
        runners: 1,
        ...(options.rate === undefined ? {} : { rate: options.rate }),
        ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
      },
      scripts,
    );
    steps = await runK6(join(scripts, SCRIPT_FILE), {
      env: { ...process.env, HB_BASE_URL: baseUrl, HB_API_KEY: apiKey },
      ...(options.signal ? { signal: options.signal } : {}),
      onOutput: (chunk) => options.onOutput?.(chunk),
      onWarning: (warning) => notes.push(warning),
    });
  } finally {
    await rm(scripts, { recursive: true, force: true });
    const code = await stop();
    if (code !== undefined && code !== 0 && code !== null)
      notes.push(`bench serve exited with code ${code}`);
  }
  const load: LoadResults = {
    kind: 'step',
    target: describeTarget(server, baseUrl),
    stream: options.stream,
    sla,
    steps,
    interrupted: options.signal?.aborted ?? false,
    notes,
  };
  return writeLoadRun({
    suite,
    load,
    createdAt,
    wallTimeMs: clock.now() - startedMs,
    outDir: options.outDir,
  });
}
