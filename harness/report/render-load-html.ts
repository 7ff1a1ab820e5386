import { PATH_NAMES } from '../../src/index.js';
import type { ChartSpec } from './chart-specs.js';
import { escapeHtml as e, formatMsFine as formatMs, formatPct, formatUsd } from './format.js';
import { CHART_SCRIPT, HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { canvases, inlineJson, inlineScript } from './html-parts.js';
import { loadChartSpecs } from './load-chart-specs.js';
import type { LoadReport, LoadResults } from './load-report-schema.js';
import type { HtmlAssets } from './render-html.js';

type Step = LoadResults['steps'][number];

const rps = (value: number) => value.toFixed(value >= 100 ? 0 : 1);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const num = (text: string) => `<td class="num">${text}</td>`;

function stepsTable(load: LoadResults): string {
  const stream = load.steps.some((s) => s.ttftMs);
  const sweep = load.sweep !== undefined;
  const rows = load.steps
    .map((s, i) => {
      const verdict = load.sweep?.steps[i];
      const state = verdict ? (verdict.saturated ? 'fail' : 'pass') : '';
      const corrected = s.correctedLatencyMs;
      return `<tr class="${state}"><td>${s.loop === 'open' ? `${rps(s.targetRps ?? 0)}/s` : `closed, ${s.connections}`}</td>${num(String(s.connections))}
${num(String(s.sent))}${num(String(s.ok))}${num(String(s.non2xx))}${num(String(s.errors))}${num(s.dropped === undefined ? '–' : String(s.dropped))}
${num(rps(s.throughputRps))}${num(rps(s.goodputRps))}${num(formatMs(s.latencyMs.p50))}${num(formatMs(s.latencyMs.p95))}${num(formatMs(s.latencyMs.p99))}
${num(corrected ? formatMs(corrected.p95) : '–')}${num(corrected ? formatMs(corrected.p99) : '–')}${num(s.sendLagMs ? formatMs(s.sendLagMs.p99) : '–')}${stream ? num(s.ttftMs ? formatMs(s.ttftMs.p50) : '–') : ''}
${sweep ? `<td>${verdict?.saturated ? `saturated: ${e(verdict.reasons.join('; '))}` : 'held'}</td>` : ''}</tr>`;
    })
    .join('\n');
  return `<table id="load-steps"><thead><tr><th>Load</th><th>Conns</th><th>Sent</th><th>2xx</th><th>Non-2xx</th><th>Errors</th><th>Never sent</th>
<th>Throughput /s</th><th>Goodput /s</th><th>p50</th><th>p95</th><th>p99</th><th>p95 corrected</th><th>p99 corrected</th><th>Send lag p99</th>${stream ? '<th>TTFT p50</th>' : ''}${sweep ? '<th>Sweep</th>' : ''}</tr></thead>
<tbody>${rows}</tbody></table>
<p class="note">Counts, percentiles and per-path figures cover the requests of each step's measured window (after warm-up), drained to their answers; percentiles are over 2xx answers. Throughput and goodput count the 2xx answers that arrived inside the window, per second of it; goodput only those under their path's SLA latency. Corrected latency runs from each request's slot in the open-loop schedule to its answer, so waiting behind a slow request counts (coordinated omission). Send lag: how late requests left after their slot.</p>`;
}

function pathsTable(load: LoadResults): string {
  const rows = load.steps.flatMap((s: Step) =>
    PATH_NAMES.flatMap((path) => {
      const f = s.byPath?.[path];
      if (!f) return [];
      const sla = load.sla[path];
      const latency = f.correctedLatencyMs ?? f.latencyMs;
      const pass = latency[sla.stat] < sla.maxMs;
      return [
        `<tr class="${pass ? 'pass' : 'fail'}"><td>${s.loop === 'open' ? `${rps(s.targetRps ?? 0)}/s` : `closed, ${s.connections}`}</td><td>${path}</td>${num(String(f.ok))}
${num(formatMs(f.latencyMs.p50))}${num(formatMs(f.latencyMs.p95))}${num(f.correctedLatencyMs ? formatMs(f.correctedLatencyMs.p95) : '–')}
<td>${sla.stat} ${f.correctedLatencyMs ? 'corrected ' : ''}${formatMs(latency[sla.stat])} &lt; ${formatMs(sla.maxMs)}: ${pass ? 'pass' : 'fail'}</td>${num(formatUsd(f.costUsd))}${num(formatUsd(f.ok > 0 ? (f.costUsd / f.ok) * 1000 : 0))}</tr>`,
      ];
    }),
  );
  return `<table id="load-paths"><thead><tr><th>Load</th><th>Path</th><th>2xx</th><th>p50</th><th>p95</th><th>p95 corrected</th><th>SLA latency</th><th>Cost</th><th>Cost per 1k</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function sweepText(load: LoadResults): string {
  const sweep = load.sweep;
  if (!sweep) return '';
  const best = sweep.best
    ? `<p data-sweep-best>Highest goodput that still met the SLA: <strong>${rps(sweep.best.goodputRps)}/s</strong> at an offered ${rps(sweep.best.targetRps)}/s.</p>`
    : '<p data-sweep-best class="bad">No step met the SLA: the first rate already saturated the server.</p>';
  const broke = sweep.brokeAt
    ? `<p data-sweep-broke class="bad">Saturated at ${rps(sweep.brokeAt.targetRps)}/s: ${e(sweep.brokeAt.reasons.join('; '))}.</p>`
    : '<p data-sweep-broke class="good">No step saturated: raise --to to find the limit.</p>';
  const r = sweep.rules;
  return `${best}${broke}<p class="note">A step saturates when its throughput falls under ${formatPct(r.minThroughputRatio, 0)} of the offered rate, more than ${formatPct(r.maxErrorRate, 0)} of its requests fail (non-2xx, no answer, or never sent), or ${e(r.latency)}.</p>`;
}

function soakText(load: LoadResults): string {
  const soak = load.soak;
  if (!soak) return '';
  const growth = (pct: number | undefined) =>
    pct === undefined ? '–' : `${pct > 0 ? '+' : ''}${pct.toFixed(1)} %`;
  const windows =
    soak.firstWindowS && soak.lastWindowS
      ? ` (median of ${soak.firstWindowS[0].toFixed(0)}–${soak.firstWindowS[1].toFixed(0)} s against ${soak.lastWindowS[0].toFixed(0)}–${soak.lastWindowS[1].toFixed(0)} s)`
      : '';
  return `<table id="load-soak" class="matrix"><tbody>
<tr><th>Samples</th>${num(`${soak.samples.length} every ${soak.intervalS} s${soak.failedScrapes ? `, ${soak.failedScrapes} failed` : ''}`)}</tr>
<tr><th>Steady RSS</th>${num(soak.steadyRssBytes === undefined ? '–' : mb(soak.steadyRssBytes))}</tr>
<tr><th>RSS growth${e(windows)}</th>${num(growth(soak.rssGrowthPct))}</tr>
<tr><th>Heap growth</th>${num(growth(soak.heapGrowthPct))}</tr>
<tr><th>Max event-loop delay p99</th>${num(soak.maxEventLoopP99Ms === undefined ? '–' : formatMs(soak.maxEventLoopP99Ms))}</tr>
</tbody></table>
<p class="note">Read from the server's /metrics (prom-client): process_resident_memory_bytes, nodejs_heap_size_used_bytes and nodejs_eventloop_lag_p99_seconds, the latter over the time since the previous scrape and sampled every 10 ms, so an idle loop reads about 10 ms.${soak.notes.length ? ` ${e(soak.notes.join('; '))}.` : ''}</p>`;
}

/**
 * The "Load results" part of a page: the steps, per-path figures, the sweep's or soak's verdict
 * and their charts (canvases drawn from `specs` when chart.js is inlined).
 */
export function loadSection(load: LoadResults, specs: readonly ChartSpec[]): string {
  const t = load.target;
  const target =
    t.kind === 'child'
      ? `bench serve (${[t.backend, t.latency ? `latency ${t.latency}` : '', t.seed === undefined ? '' : `seed ${t.seed}`, t.workers ? `${t.workers} workers` : '', t.config ? `config ${t.config}` : ''].filter(Boolean).join(', ')}) started for the run`
      : t.url.startsWith('k6 summaries:')
        ? t.url
        : `${t.url}, already running`;
  const engines = [...new Set(load.steps.map((step) => step.engine))].join(' and ') || 'autocannon';
  const notes = [
    ...(load.interrupted ? ['interrupted: the last step is partial'] : []),
    ...load.notes,
  ];
  const charts = canvases(specs, (id) => id.startsWith('load-'));
  return `<section id="load-results" data-load-kind="${load.kind}">
<p>${load.kind === 'sweep' ? 'Rate sweep' : load.kind === 'soak' ? 'Soak' : 'Load step'} with ${engines} against ${e(target)}${load.stream ? ', streaming answers' : ''}.</p>
${notes.length ? `<ul class="note">${notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}
${sweepText(load)}${soakText(load)}${charts}
<h3>Steps</h3>${stepsTable(load)}
<h3>By path</h3>${pathsTable(load)}
</section>`;
}

/**
 * A load run's page: the report page's chrome and inlined chart.js around the load section.
 * Self-contained: no network requests.
 */
export function renderLoadHtml(report: LoadReport, assets: HtmlAssets = {}): string {
  const specs = assets.chartJs ? loadChartSpecs(report.load) : [];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>hybrid-bench · load · ${e(report.suite.name)} · ${e(report.runId)}</title><style>${HTML_STYLE}</style></head>
<body><header><h1>hybrid-bench · load · ${e(report.suite.name)}</h1>
<p>Run ${e(report.runId)} · ${e(report.createdAt)} · ${report.load.steps.length} step${report.load.steps.length === 1 ? '' : 's'} in ${formatMs(report.wallTimeMs)} · node ${e(report.environment.node)} · ${report.environment.cpus} CPUs</p></header>
<h2>Load results</h2>${loadSection(report.load, specs)}
<script>${HTML_SCRIPT}</script>${
    specs.length > 0
      ? `\n<script type="application/json" id="chart-specs">${inlineJson(specs)}</script>\n<script>${inlineScript(assets.chartJs ?? '')}</script>\n<script>${CHART_SCRIPT}</script>`
      : ''
  }</body></html>
`;
}
