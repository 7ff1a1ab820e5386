import { formatMs, formatPct, formatUsd, type Report } from '../report/index.js';

const pad = (text: string, width: number) => text.padEnd(width);
const padStart = (text: string, width: number) => text.padStart(width);

/** The terminal summary of a run: per path and mode, the SLA figures, then the verdict. Pure. */
export function summaryText(report: Report, dir: string): string {
  const lines = [
    `hybrid-bench ${report.suite.name} · ${report.records.length} requests · ${formatMs(report.wallTimeMs)} · seed ${report.options.seed}`,
    '',
    `${pad('path', 8)} ${pad('mode', 10)} ${padStart('n', 4)} ${padStart('success', 8)} ${padStart('p50', 9)} ${padStart('p95', 9)} ${padStart('cost mean', 10)} ${padStart('cost/1k', 9)}  SLA`,
  ];
  for (const s of report.summaries) {
    const checks = report.sla.checks.filter((c) => c.mode === s.mode && c.path === s.path);
    const sla = checks.every((c) => c.pass)
      ? 'pass'
      : `FAIL (${checks
          .filter((c) => !c.pass)
          .map((c) => c.metric)
          .join(', ')})`;
    lines.push(
      `${pad(s.path, 8)} ${pad(s.mode, 10)} ${padStart(String(s.count), 4)} ${padStart(formatPct(s.successRate), 8)} ${padStart(formatMs(s.latencyMs.p50), 9)} ${padStart(formatMs(s.latencyMs.p95), 9)} ${padStart(formatUsd(s.costUsd.mean), 10)} ${padStart(formatUsd(s.costUsd.mean * 1000), 9)}  ${sla}${checks[0]?.gating ? '' : ' (not gating)'}`,
    );
  }
  const hybrid = report.summaries.filter((s) => s.mode === 'hybrid');
  if (
    hybrid.some((s) => s.reliability.retries + s.reliability.fallbacks + s.reliability.degraded > 0)
  ) {
    lines.push(
      '',
      'hybrid reliability (rescued / degraded / retries / fallbacks / extra $ per 1k):',
    );
    for (const s of hybrid) {
      const r = s.reliability;
      lines.push(
        `  ${pad(s.path, 8)} ${r.rescued} / ${r.degraded} / ${r.retries} / ${r.fallbacks} / ${formatUsd(r.extraCostPer1kUsd)}`,
      );
    }
  }
  const c = report.reconciliation;
  lines.push(
    '',
    `requests: sent ${c.sent} = answered ${c.answered} + typed errors ${c.typedErrors}${c.droppedByInterruption ? ` + interrupted ${c.droppedByInterruption}` : ''}; lost ${c.lost}`,
  );
  if (report.routing) {
    lines.push(
      '',
      `routing accuracy ${formatPct(report.routing.accuracy)} (${report.routing.correct}/${report.routing.total})`,
    );
  }
  const v = report.verdict;
  lines.push(
    '',
    `verdict: ${v.status.toUpperCase()}${v.reasons.length ? `\n  ${v.reasons.join('\n  ')}` : ''}`,
    `report: ${dir}/index.html`,
  );
  return `${lines.join('\n')}\n`;
}
