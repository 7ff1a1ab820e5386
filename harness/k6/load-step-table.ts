import type { LatencyPercentiles } from '../load/load-result.js';
import { formatUsd } from '../report/format.js';
import type { IngestedStep } from './summary-to-load-step.js';

const COLUMNS = ['p50', 'p90', 'p95', 'p99', 'max', 'mean'] as const;

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function rate(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

function latencyRow(label: string, latency: LatencyPercentiles, extra = ''): string {
  const cells = COLUMNS.map((c) => ms(latency[c]).padStart(8)).join('');
  return `  ${label.padEnd(14)}${cells}${extra}`;
}

/** A load step read from a k6 summary, as lines for a terminal. */
export function loadStepTable({ file, format, step }: IngestedStep): string {
  const target = step.targetRps === undefined ? '' : `, offered ${rate(step.targetRps)}/s`;
  const lines = [
    `${file} (${format})`,
    `  ${step.loop} loop${target}, ${step.connections} VUs, ${step.durationS.toFixed(1)} s`,
    `  requests      ${step.sent} sent: ${step.ok} ok, ${step.non2xx} non-2xx, ${step.errors} without an answer`,
    `  throughput    ${rate(step.throughputRps)} answers/s, goodput ${rate(step.goodputRps)}/s`,
    `  latency (ms)  ${COLUMNS.map((c) => c.padStart(8)).join('')}`,
    latencyRow('all', step.latencyMs),
  ];
  if (step.ttftMs) lines.push(latencyRow('first byte', step.ttftMs));
  for (const [path, figures] of Object.entries(step.byPath ?? {})) {
    const extra = `   ${figures.ok} ok, ${formatUsd(figures.costUsd)} in all`;
    lines.push(latencyRow(path, figures.latencyMs, extra));
  }
  if (step.thresholds && step.thresholds.length > 0) {
    const passed = step.thresholds.filter((t) => t.ok).length;
    lines.push(`  thresholds    ${passed} of ${step.thresholds.length} held`);
    const width = Math.max(...step.thresholds.map((t) => t.metric.length));
    for (const t of step.thresholds)
      lines.push(`    ${t.ok ? 'ok  ' : 'FAIL'}  ${t.metric.padEnd(width)}  ${t.expression}`);
  }
  return `${lines.join('\n')}\n`;
}
