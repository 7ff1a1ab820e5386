import type { Mode } from '../../src/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { formatMs, formatUsd } from '../report/index.js';
import type { Suite } from '../scenario/index.js';
import { type PathSlaTargets, resolveSla, SLA_DEFAULTS } from '../verdict/index.js';
import { renderProgress } from './progress-bar.js';

/** One line per finished request, for logs (a non-TTY stderr with `--progress`). */
export function progressLine(record: RequestRecord, done: number, total: number): string {
  const width = String(total).length;
  const result = record.success
    ? 'ok'
    : record.state === 'error'
      ? `error ${record.error?.code ?? ''}`
      : 'failed';
  return `[${String(done).padStart(width)}/${total}] ${record.mode.padEnd(9)} ${record.expectedPath.padEnd(7)} ${record.id.padEnd(32)} ${result.padEnd(8)} ${formatMs(record.latencyMs).padStart(8)} ${formatUsd(record.costUsd)}\n`;
}

export interface ProgressReporter {
  onStart(suite: Suite): void;
  onRecord(record: RequestRecord, done: number, total: number): void;
  finish(): void;
}

const REDRAW_MS = 100;

/**
 * Progress on stderr: on a TTY, one bar redrawn in place (rate, ETA, running SLA status of the
 * gating mode); elsewhere, with `--progress`, one line per request. Off otherwise.
 */
export function createProgressReporter(options: {
  enabled: boolean;
  tty: boolean;
  gatingMode: Mode;
  write: (text: string) => void;
  now?: () => number;
}): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const startedMs = now();
  const records: RequestRecord[] = [];
  let sla: Readonly<Record<'simple' | 'complex' | 'full', PathSlaTargets>> = SLA_DEFAULTS;
  let lastDrawMs = Number.NEGATIVE_INFINITY;
  let drawn = false;
  let latest = { done: 0, total: 0 };
  const draw = () => {
    options.write(
      `\r${renderProgress({ ...latest, elapsedMs: now() - startedMs, records, gatingMode: options.gatingMode, sla })}\x1b[K`,
    );
    drawn = true;
    lastDrawMs = now();
  };
  return {
    onStart(suite) {
      sla = resolveSla(suite.sla);
    },
    onRecord(record, done, total) {
      if (!options.enabled) return;
      latest = { done, total };
      if (!options.tty) {
        options.write(progressLine(record, done, total));
        return;
      }
      records.push(record);
      if (now() - lastDrawMs >= REDRAW_MS || done === total) draw();
    },
    finish() {
      if (options.enabled && options.tty && drawn) options.write('\n');
    },
  };
}
