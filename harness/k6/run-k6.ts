import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { LoadStep } from '../load/load-result.js';
import { ingestK6Summary } from './ingest-k6-summary.js';
import { K6ErrorCodes, K6RunError } from './k6-errors.js';

/** k6's exit code when the run finished but thresholds failed: the summary is still written. */
const THRESHOLDS_FAILED = 99;
const STDERR_TAIL_CHARS = 2000;

export interface RunK6Options {
  /** The environment k6 runs in (its PATH finds k6); default this process's. */
  env?: NodeJS.ProcessEnv;
  /** More `k6 run` arguments, placed before the script, e.g. `['--quiet']`. */
  args?: readonly string[];
  signal?: AbortSignal;
  /** k6's own output (progress, text summary) as it comes; default: dropped. */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
  /** What ingest had to assume about the summary, one sentence each. */
  onWarning?: (message: string) => void;
}

/** Whether a `k6` executable is on the PATH of `env`. */
export function k6Available(env: NodeJS.ProcessEnv = process.env): boolean {
  const names = process.platform === 'win32' ? ['k6.exe', 'k6.cmd', 'k6'] : ['k6'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of names) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

function exitOf(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}

/**
 * Runs `k6 run --summary-export <tmp> [args] script` and reads the summary as load steps (one
 * per run). Failed thresholds (exit 99) still give steps, with `thresholds` saying which failed.
 * @throws K6RunError when k6 is not on PATH or ends without a summary; K6SummaryError when the
 * summary cannot be read.
 */
export async function runK6(scriptPath: string, options: RunK6Options = {}): Promise<LoadStep[]> {
  const env = options.env ?? process.env;
  if (!k6Available(env))
    throw new K6RunError(
      K6ErrorCodes.notInstalled,
      'k6 is not on PATH: install it (https://grafana.com/docs/k6/latest/set-up/install-k6/) or use the autocannon engine.',
    );
  const dir = await mkdtemp(join(tmpdir(), 'hb-k6-'));
  try {
    const summary = join(dir, 'summary.json');
    const child = spawn(
      'k6',
      ['run', '--summary-export', summary, ...(options.args ?? []), scriptPath],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => options.onOutput?.(chunk.toString(), 'stdout'));
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr = (stderr + text).slice(-STDERR_TAIL_CHARS);
      options.onOutput?.(text, 'stderr');
    });
    const code = await exitOf(child);
    const written = await stat(summary).then(
      () => true,
      () => false,
    );
    if ((code !== 0 && code !== THRESHOLDS_FAILED) || !written) {
      const why = written
        ? `exited with code ${code}`
        : `exited with code ${code} and wrote no summary`;
      throw new K6RunError(
        K6ErrorCodes.runFailed,
        `k6 run ${scriptPath} ${why}${stderr.trim() === '' ? '' : `:\n${stderr.trim()}`}`,
        code ?? undefined,
      );
    }
    const ingested = await ingestK6Summary(summary);
    for (const warning of ingested.warnings) options.onWarning?.(warning);
    return [ingested.step];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
