import { chartSpecs } from './chart-specs.js';
import {
  escapeHtml as e,
  formatBackend,
  formatInUnit,
  formatMs,
  formatPct,
  formatUsd,
} from './format.js';
import type { HistoryEntry } from './history.js';
import { CHART_SCRIPT, HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { canvases, inlineJson, inlineScript } from './html-parts.js';
import { loadChartSpecs } from './load-chart-specs.js';
import { agentsSection } from './render-html-agents.js';
import {
  comparisonSection,
  consistencySection,
  regressionSection,
} from './render-html-statistics.js';
import { loadSection } from './render-load-html.js';
import type { Report } from './report-schema.js';
import { MAX_LISTED_REQUESTS, sampleRecords } from './sample-records.js';

function verdictBanner(report: Report): string {
  const { status, reasons, gatingModes } = report.verdict;
  const title = {
    pass: 'SLA met',
    fail: 'SLA failed',
    regressed: 'Regression against the baseline',
    interrupted: 'Run interrupted',
  }[status];
  const list =
    reasons.length > 0 ? `<ul>${reasons.map((r) => `<li>${e(r)}</li>`).join('')}</ul>` : '';
  const gates = (report.regression ?? []).map(
    (g) =>
      `${g.mode} against its baseline: ${g.result.regressed ? 'regressed' : g.result.comparable ? `no regression (${g.result.checks.length} checks)` : 'not comparable'}`,
  );
  return `<section class="banner ${status}" data-verdict="${status}"><h2>${title}</h2>
<p>Gating mode: ${e(gatingModes.join(', '))} · exit code ${report.verdict.exitCode}${gates.length ? ` · ${e(gates.join(' · '))}` : ''}</p>${list}</section>`;
}

function slaTable(report: Report): string {
  // The checks that decide the verdict first; the comparison mode's below them.
  const checks = [...report.sla.checks].sort((a, b) => Number(b.gating) - Number(a.gating));
  const rows = checks
    .map(
      (
        c,
      ) => `<tr class="${c.pass ? 'pass' : 'fail'}${c.gating ? '' : ' info'}"><td>${c.path}</td><td>${c.mode}${c.gating ? '' : ' (comparison)'}</td>
<td>${c.metric} ${e(c.stat)}</td><td class="num">${formatInUnit(c.unit, c.value)}${c.interval ? ` <span class="ci">[${formatInUnit(c.unit, c.interval.low)}, ${formatInUnit(c.unit, c.interval.high)}]</span>` : ''}</td><td class="num">${c.comparison} ${formatInUnit(c.unit, c.limit)}</td>
<td>${c.pass ? 'pass' : 'fail'}</td><td class="num">${c.requests}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th>Path</th><th>Mode</th><th>Check</th><th>Value [95 % interval]</th><th>Target</th><th>Result</th><th>Requests</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function summaryTable(report: Report): string {
  const rows = report.summaries
    .map(
      (
        s,
      ) => `<tr><td>${s.path}</td><td>${s.mode}</td><td class="num">${s.count}</td><td class="num">${formatPct(s.successRate)}</td>
<td class="num">${formatMs(s.latencyMs.p50)}</td><td class="num">${formatMs(s.latencyMs.p90)}</td><td class="num">${formatMs(s.latencyMs.p95)}</td><td class="num">${formatMs(s.latencyMs.p99)}</td>
<td class="num">${s.ttftMs ? formatMs(s.ttftMs.p50) : '–'}</td><td class="num">${formatUsd(s.costUsd.mean)}</td><td class="num">${formatUsd(s.costUsd.p95)}</td><td class="num">${formatUsd(s.costUsd.total)}</td>
<td class="num">${s.modelCallsMean.toFixed(1)}</td><td class="num">${Math.round(s.inputTokensMean)} / ${Math.round(s.outputTokensMean)}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th>Path</th><th>Mode</th><th>Requests</th><th>Success</th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>TTFT p50</th>
<th>Cost mean</th><th>Cost p95</th><th>Cost total</th><th>Model calls</th><th>Tokens in / out</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function reliabilityTable(report: Report): string {
  const rows = report.summaries
    .map((s) => {
      const r = s.reliability;
      return `<tr><td>${s.path}</td><td>${s.mode}</td><td class="num">${s.count}</td><td class="num">${r.rescued}</td><td class="num">${r.degraded}</td>
<td class="num">${r.canned}</td><td class="num">${r.rejected}</td><td class="num">${r.retries}</td><td class="num">${r.fallbacks}</td><td class="num">${r.failedAttempts}</td>
<td class="num">${r.cachedCalls}</td><td class="num">${r.extraCalls}</td><td class="num">${formatUsd(r.extraCostPer1kUsd)}</td><td class="num">${formatMs(r.extraLatencyMsMean)}</td></tr>`;
    })
    .join('\n');
  const c = report.reconciliation;
  const errors = Object.entries(c.errorsByCode)
    .map(([code, n]) => `${e(code)} ${n}`)
    .join(', ');
  return `<table><thead><tr><th>Path</th><th>Mode</th><th>Requests</th><th>Rescued</th><th>Degraded</th><th>Canned</th><th>Rejected</th><th>Retries</th><th>Fallbacks</th>
<th>Failed attempts</th><th>Cache hits</th><th>Extra calls</th><th>Extra $ per 1k</th><th>Extra latency (mean)</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">Rescued: succeeded only thanks to a retry, a fallback or a degraded path. Extra: calls, dollars and seconds spent on failed attempts, backoff and failed tiers.</p>
<p data-reconciliation class="${c.lost === 0 ? 'good' : 'bad'}">Every request accounted for: sent ${c.sent} = answered ${c.answered} + typed errors ${c.typedErrors}${errors ? ` (${errors})` : ''}${c.droppedByInterruption ? ` + cut by the interruption ${c.droppedByInterruption}` : ''}; lost ${c.lost}.</p>`;
}

function routingSection(report: Report): string {
  const r = report.routing;
  if (!r) return '<p>No hybrid requests were routed by rules in this run.</p>';
  const paths = ['simple', 'complex', 'full'] as const;
  const matrix = paths
    .map(
      (exp) =>
        `<tr><th>${exp}</th>${paths.map((to) => `<td class="num">${r.confusion[exp][to]}</td>`).join('')}</tr>`,
    )
    .join('');
  const misses = r.misses
    .map(
      (m) =>
        `<li>${e(m.id)}: expected ${m.expected}, routed ${m.routed}${m.rule ? ` by ${e(m.rule)}` : ''}</li>`,
    )
    .join('');
  return `<p>Accuracy ${formatPct(r.accuracy)} (${r.correct} of ${r.total} scenarios).</p>
<table class="matrix"><thead><tr><th>expected ＼ routed</th>${paths.map((p) => `<th>${p}</th>`).join('')}</tr></thead><tbody>${matrix}</tbody></table>
${misses ? `<ul>${misses}</ul>` : ''}`;
}

function requestTable(report: Report): string {
  const listed = sampleRecords(report.records);
  const rows = listed
    .map((r) => {
      const failed = r.assertions
        .filter((a) => !a.pass)
        .map((a) => `${a.name}${a.detail ? ` (${a.detail})` : ''}`);
      return `<tr class="${r.success ? 'pass' : 'fail'}"><td>${e(r.id)}</td><td>${r.mode}</td><td>${r.expectedPath}</td><td>${r.servedBy}</td>
<td>${r.success ? 'ok' : 'failed'}</td><td class="num">${formatMs(r.latencyMs)}</td><td class="num">${formatUsd(r.costUsd)}</td><td class="num">${r.calls.length}</td>
<td>${e(r.agents.join(' → '))}</td><td>${e(r.toolsCalled.join(', '))}</td>
<td><details><summary>${e(r.text.slice(0, 60) || (r.error ? `${r.error.code}: ${r.error.message}` : ''))}</summary><p>${e(r.text)}</p>${failed.length ? `<p class="bad">${e(failed.join('; '))}</p>` : ''}</details></td></tr>`;
    })
    .join('\n');
  const note =
    listed.length < report.records.length
      ? `<p class="note">Listing ${listed.length} of ${report.records.length} requests: every failure first (up to ${Math.floor(MAX_LISTED_REQUESTS / 2)}), then an even spread of the rest. All of them are in report.json.</p>`
      : '';
  return `${note}<input id="filter" type="search" placeholder="Filter requests (id, mode, path, text)…" aria-label="Filter requests">
<table id="requests"><thead><tr><th>Request</th><th>Mode</th><th>Path</th><th>Served by</th><th>Result</th><th>Latency</th><th>Cost</th><th>Calls</th><th>Agents</th><th>Tools</th><th>Answer</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

export interface HtmlAssets {
  /** chart.js's UMD build, inlined so the page draws offline. Without it the page has tables only. */
  chartJs?: string;
}

/** The report as one self-contained HTML page: no network requests, all model text escaped. */
export function renderHtml(
  report: Report,
  assets: HtmlAssets = {},
  trend: readonly HistoryEntry[] = [],
): string {
  const o = report.options;
  const specs = assets.chartJs
    ? [...chartSpecs(report, trend), ...(report.load ? loadChartSpecs(report.load) : [])]
    : [];
  const trendCharts = canvases(specs, (id) => id.startsWith('trend-'));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>hybrid-bench · ${e(report.suite.name)} · ${e(report.runId)}</title><style>${HTML_STYLE}</style></head>
<body><header><h1>hybrid-bench · ${e(report.suite.name)}</h1>
<p>Run ${e(report.runId)} · ${e(report.createdAt)} · backend ${e(formatBackend(o))} · modes ${e(o.modes.join(', '))} · seed ${o.seed}${o.faults ? ` · faults ${e(o.faults)}` : ''}${o.deployment ? ` · deployment ${e(o.deployment)}` : ''} · state ${o.sharedState} ·
concurrency ${o.concurrency} · ${report.records.length} requests in ${formatMs(report.wallTimeMs)} · node ${e(report.environment.node)}</p></header>
${verdictBanner(report)}
<h2>SLA per path</h2>${slaTable(report)}
<h2>Cost-benefit: agno-only vs hybrid</h2>${canvases(specs, (id) => id === 'cost-per-1k')}${comparisonSection(report)}
<h2>Regression against the baseline</h2>${regressionSection(report)}
<h2>Per-path figures</h2>${summaryTable(report)}
<h2>Trend across runs</h2>${trendCharts || `<p>${trend.length < 2 ? 'The trend starts with the next run of this suite on this backend (runs are remembered in the report folder’s history.jsonl).' : 'Charts need chart.js.'}</p>`}
<h2>Distributions</h2>${canvases(specs, (id) => id !== 'cost-per-1k' && !id.startsWith('trend-') && !id.startsWith('load-')) || '<p>Charts need chart.js (not found when this page was written).</p>'}
<h2>Consistency and goodput</h2>${consistencySection(report)}
<h2>Reliability: what it cost and what it bought</h2>${reliabilityTable(report)}
${agentsSection(report)}
<h2>Routing accuracy</h2>${routingSection(report)}
${
  report.load
    ? `<h2>Load results</h2>${loadSection(report.load, specs)}
`
    : ''
}<h2>Requests</h2>${requestTable(report)}
<script>${HTML_SCRIPT}</script>${
    specs.length > 0
      ? `\n<script type="application/json" id="chart-specs">${inlineJson(specs)}</script>\n<script>${inlineScript(assets.chartJs ?? '')}</script>\n<script>${CHART_SCRIPT}</script>`
      : ''
  }</body></html>
`;
}
