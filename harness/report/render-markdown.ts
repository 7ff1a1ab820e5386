import {
  formatBackend,
  formatInUnit,
  formatMs,
  formatPct,
  formatSigned,
  formatUsd,
} from './format.js';
import type { Report } from './report-schema.js';

type SlaCheck = Report['sla']['checks'][number];

const ICON = { pass: '✅', fail: '❌', regressed: '📉', interrupted: '⏸️' } as const;

/** Pipes and line breaks would break a table row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * A summary that fits a CI job summary or a pull-request comment: verdict, SLA per path, the
 * paired comparison, the regression gate, and links to the PNG charts beside it. Pure.
 */
export function renderMarkdown(report: Report, pngs: readonly string[] = []): string {
  const v = report.verdict;
  const lines = [
    `## ${ICON[v.status]} hybrid-bench · ${cell(report.suite.name)} — ${v.status.toUpperCase()} (exit ${v.exitCode})`,
    '',
    `${report.records.length} requests · ${formatMs(report.wallTimeMs)} · backend \`${formatBackend(report.options)}\` · seed ${report.options.seed} · run \`${report.runId}\``,
  ];
  if (v.reasons.length > 0) lines.push('', ...v.reasons.map((r) => `- ${cell(r)}`));
  lines.push(
    '',
    '| Path | Mode | Latency | Cost | Success | SLA |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const s of report.summaries) {
    const checks = report.sla.checks.filter((c) => c.mode === s.mode && c.path === s.path);
    const of = (metric: SlaCheck['metric']) => {
      const c = checks.find((x) => x.metric === metric);
      return c
        ? `${c.stat} ${formatInUnit(c.unit, c.value)} (${c.comparison} ${formatInUnit(c.unit, c.limit)})`
        : '–';
    };
    const ok = checks.every((c) => c.pass);
    lines.push(
      `| ${s.path} | ${s.mode}${checks[0]?.gating ? '' : ' (comparison)'} | ${of('latency')} | ${of('cost')} | ${of('success')} | ${ok ? '✅' : '❌'} |`,
    );
  }
  if (report.comparison.length > 0) {
    lines.push(
      '',
      '**agno-only vs hybrid** (paired, 95 % bootstrap intervals)',
      '',
      '| Path | Cost per 1k | Hybrid saves per 1k | p95 | Success |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const c of report.comparison) {
      const s = c.allRequests.savingsPer1kUsd;
      const signed = (x: number) => formatSigned(x, formatUsd);
      lines.push(
        `| ${c.path} | ${formatUsd(c.agnoOnly.costPer1kUsd)} → ${formatUsd(c.hybrid.costPer1kUsd)} | ${signed(s.estimate)} [${signed(s.low)}, ${signed(s.high)}] | ${formatMs(c.agnoOnly.latencyP95Ms)} → ${formatMs(c.hybrid.latencyP95Ms)} | ${formatPct(c.agnoOnly.successRate)} → ${formatPct(c.hybrid.successRate)} |`,
      );
    }
  }
  for (const g of report.regression ?? []) {
    const r = g.result;
    const state = r.regressed ? '📉 regressed' : r.comparable ? 'no regression' : 'not comparable';
    lines.push('', `**Regression gate** (${g.mode} vs \`${g.baselineFile}\`): ${state}`);
    for (const c of r.checks.filter((x) => x.regressed)) {
      lines.push(
        `- ${c.path} ${c.metric} ${c.stat}: ${formatSigned(c.relativeChange * 100, (x) => `${x.toFixed(1)} %`)} (${c.test}${c.pValue === undefined ? '' : `, p ${c.pValue.toFixed(4)}`})`,
      );
    }
    for (const d of r.differences) lines.push(`- ${cell(d)}`);
  }
  if (pngs.length > 0) lines.push('', ...pngs.map((file) => `![${file}](${file})`));
  lines.push('', 'Full report: `index.html` in the run folder.', '');
  return lines.join('\n');
}
