import {
  formatBackend,
  formatMs,
  formatPct,
  formatSigned,
  formatUsd,
  type Report,
} from '../report/index.js';

const pad = (text: string, width: number) => text.padEnd(width);
const padStart = (text: string, width: number) => text.padStart(width);

/** The terminal summary of a run: per path and mode, the SLA figures, then the verdict. Pure. */
export function summaryText(report: Report, dir: string): string {
  const lines = [
    `hybrid-bench ${report.suite.name} · ${report.records.length} requests · ${formatMs(report.wallTimeMs)} · backend ${formatBackend(report.options)} · seed ${report.options.seed}`,
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
  lines.push(
    ...agentLines(report),
    ...comparisonLines(report),
    ...regressionLines(report),
    ...consistencyLines(report),
  );
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

/** The full path's depth per mode: model calls and handoffs per conversation. */
function agentLines(report: Report): string[] {
  const summaries = report.agents ?? [];
  if (summaries.length === 0) return [];
  const modes = summaries.map((s) => {
    const guard = Object.entries(s.handoffsByKind)
      .filter(([kind, n]) => kind !== 'agent' && n > 0)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    return `${s.mode} ${s.modelCallsPerConversation.mean.toFixed(1)} model calls, ${s.handoffsPerConversation.mean.toFixed(1)} handoffs${guard ? ` (by the guard: ${guard})` : ''}`;
  });
  return ['', `full path per conversation: ${modes.join(' · ')}`];
}

function comparisonLines(report: Report): string[] {
  if (report.comparison.length === 0) return [];
  const signedUsd = (v: number) => formatSigned(v, formatUsd);
  const signedMs = (v: number) => formatSigned(v, formatMs);
  const lines = ['', 'agno-only vs hybrid, paired (95% bootstrap intervals, all requests):'];
  for (const c of report.comparison) {
    const s = c.allRequests.savingsPer1kUsd;
    const d = c.allRequests.latencyP95DeltaMs;
    lines.push(
      `  ${pad(c.path, 8)} saves ${signedUsd(s.estimate)} per 1k [${signedUsd(s.low)}, ${signedUsd(s.high)}] · p95 ${formatMs(c.agnoOnly.latencyP95Ms)} → ${formatMs(c.hybrid.latencyP95Ms)} (${signedMs(d.estimate)} [${signedMs(d.low)}, ${signedMs(d.high)}]) · success ${formatPct(c.agnoOnly.successRate)} → ${formatPct(c.hybrid.successRate)}`,
    );
  }
  return lines;
}

function regressionLines(report: Report): string[] {
  return (report.regression ?? []).flatMap((g) => {
    const r = g.result;
    const state = r.regressed ? 'REGRESSED' : r.comparable ? 'no regression' : 'not comparable';
    const head = `regression gate, ${g.mode} vs ${g.baselineFile}: ${state} (${r.checks.length} checks, ${r.paired ? 'paired' : 'unpaired'})`;
    const details = [
      ...r.differences.map((d) => `  ${d}`),
      ...r.checks
        .filter((c) => c.regressed)
        .map(
          (c) =>
            `  ${c.path} ${c.metric} ${c.stat} ${formatSigned(c.relativeChange * 100, (v) => `${v.toFixed(1)}%`)} (threshold ${(c.threshold * 100).toFixed(1)}%, ${c.test}${c.pValue === undefined ? '' : `, p ${c.pValue.toFixed(4)}`})`,
        ),
    ];
    return ['', head, ...details];
  });
}

function consistencyLines(report: Report): string[] {
  const lines = report.goodput.map(
    (g) =>
      `goodput ${g.mode}: ${g.goodRequestsPerSecond.toFixed(2)} of ${g.requestsPerSecond.toFixed(2)} req/s met their SLA (${g.metSla}/${g.requests})`,
  );
  for (const p of report.passK) {
    const last = p.points.at(-1);
    if (!last || last.k < 2) continue;
    lines.push(
      `pass^${last.k} ${p.mode} ${p.path}: ${formatPct(last.value)} (${formatPct(last.underSla)} under SLA)`,
    );
  }
  return lines.length ? ['', ...lines] : [];
}
