import { PATH_NAMES } from '../../src/index.js';
import { formatMsFine as formatMs, formatUsd } from '../report/format.js';
import type { LoadResults } from '../report/load-report-schema.js';
import type { LoadStep } from './load-result.js';

const COLUMNS: Array<[string, number]> = [
  ['load', 12],
  ['conns', 6],
  ['sent', 7],
  ['2xx', 7],
  ['non2xx', 7],
  ['errors', 7],
  ['unsent', 7],
  ['thru/s', 8],
  ['good/s', 8],
  ['p50', 9],
  ['p95', 9],
  ['p99', 9],
  ['c-p95', 9],
  ['c-p99', 9],
  ['lag-p99', 9],
];

const rps = (value: number) => value.toFixed(1);
const row = (cells: string[]) =>
  cells
    .map((cell, i) => (i === 0 ? cell.padEnd(12) : cell.padStart(COLUMNS[i]?.[1] ?? 8)))
    .join(' ');

/** The column titles of `stepRow`. */
export function stepHeader(): string {
  return row(COLUMNS.map(([title]) => title));
}

/** One step as a table row: load, counts, rates, latency (c- corrected, lag: send lag). */
export function stepRow(step: LoadStep): string {
  const c = step.correctedLatencyMs;
  return row([
    step.loop === 'open' ? `${step.targetRps}/s` : `closed ${step.connections}`,
    String(step.connections),
    String(step.sent),
    String(step.ok),
    String(step.non2xx),
    String(step.errors),
    step.dropped === undefined ? '–' : String(step.dropped),
    rps(step.throughputRps),
    rps(step.goodputRps),
    formatMs(step.latencyMs.p50),
    formatMs(step.latencyMs.p95),
    formatMs(step.latencyMs.p99),
    c ? formatMs(c.p95) : '–',
    c ? formatMs(c.p99) : '–',
    step.sendLagMs ? formatMs(step.sendLagMs.p99) : '–',
  ]);
}

/** One line per path served: answers, latency, corrected latency, cost. */
export function pathLines(step: LoadStep): string[] {
  return PATH_NAMES.flatMap((path) => {
    const f = step.byPath?.[path];
    if (!f) return [];
    return [
      `  ${path.padEnd(8)} ${String(f.ok).padStart(6)} 2xx · p50 ${formatMs(f.latencyMs.p50)} · p95 ${formatMs(f.latencyMs.p95)}${f.correctedLatencyMs ? ` (corrected ${formatMs(f.correctedLatencyMs.p95)})` : ''} · cost ${formatUsd(f.costUsd)}`,
    ];
  });
}

/** The terminal summary of a load run. Pure. */
export function loadSummaryText(load: LoadResults, dir: string | undefined): string {
  const lines = [stepHeader()];
  for (const step of load.steps) {
    lines.push(stepRow(step), ...pathLines(step));
    const failures = [
      ...Object.entries(step.non2xxByStatus ?? {}).map(([status, n]) => `${status} ×${n}`),
      ...Object.entries(step.errorsByReason ?? {}).map(([reason, n]) => `${reason} ×${n}`),
    ];
    if (failures.length > 0) lines.push(`  not answered 2xx: ${failures.join(' · ')}`);
    if (step.ttftMs)
      lines.push(
        `  time to first content: p50 ${formatMs(step.ttftMs.p50)} · p95 ${formatMs(step.ttftMs.p95)}`,
      );
  }
  const sweep = load.sweep;
  if (sweep) {
    lines.push(
      '',
      sweep.best
        ? `best goodput within SLA: ${rps(sweep.best.goodputRps)}/s at ${sweep.best.targetRps}/s offered`
        : 'no step met the SLA',
      sweep.brokeAt
        ? `saturated at ${sweep.brokeAt.targetRps}/s: ${sweep.brokeAt.reasons.join('; ')}`
        : 'no step saturated: raise --to to find the limit',
    );
  }
  const soak = load.soak;
  if (soak) {
    const mb = (bytes: number | undefined) =>
      bytes === undefined ? '–' : `${(bytes / 1_048_576).toFixed(1)} MB`;
    const pct = (value: number | undefined) =>
      value === undefined ? '–' : `${value > 0 ? '+' : ''}${value.toFixed(1)} %`;
    lines.push(
      '',
      `soak: ${soak.samples.length} samples every ${soak.intervalS} s${soak.failedScrapes ? ` (${soak.failedScrapes} failed)` : ''} · steady RSS ${mb(soak.steadyRssBytes)} · RSS growth ${pct(soak.rssGrowthPct)} · heap growth ${pct(soak.heapGrowthPct)} · max event-loop delay p99 ${soak.maxEventLoopP99Ms === undefined ? '–' : formatMs(soak.maxEventLoopP99Ms)}`,
      ...soak.notes.map((note) => `  ${note}`),
    );
  }
  if (load.interrupted) lines.push('', 'interrupted: the last step is partial');
  lines.push(...load.notes.map((note) => `note: ${note}`));
  if (dir) lines.push(`report: ${dir}/index.html`);
  return `${lines.join('\n')}\n`;
}
