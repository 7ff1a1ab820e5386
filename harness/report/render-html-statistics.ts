import {
  escapeHtml as e,
  formatInUnit,
  formatMs,
  formatPct,
  formatSigned,
  formatUsd,
  UNIT_OF_METRIC,
} from './format.js';
import type { Report } from './report-schema.js';

type Interval = { estimate?: number; low: number; high: number; confidence: number };

function interval(i: Interval, format: (v: number) => string): string {
  const signed = (v: number) => formatSigned(v, format);
  return `${i.estimate === undefined ? '' : `${signed(i.estimate)} `}<span class="ci">[${signed(i.low)}, ${signed(i.high)}]</span>`;
}

function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** Paired agno-only vs hybrid per path, with the intervals the claims rest on. */
export function comparisonSection(report: Report): string {
  if (report.comparison.length === 0)
    return '<p>Run with <code>--mode both</code> to compare agno-only with hybrid.</p>';
  const rows = report.comparison
    .map((c) => {
      const all = c.allRequests;
      const ok = c.succeededOnly;
      const okCell = ok
        ? `${interval(ok.savingsPer1kUsd, formatUsd)} <small>(${ok.pairs} pairs)</small>`
        : '–';
      return `<tr data-path="${c.path}"><td>${c.path}</td><td class="num">${all.pairs}</td>
<td class="num">${formatUsd(c.agnoOnly.costPer1kUsd)}</td><td class="num">${formatUsd(c.hybrid.costPer1kUsd)}</td>
<td class="num ${c.savingsPer1kUsd >= 0 ? 'good' : 'bad'}">${interval(all.savingsPer1kUsd, formatUsd)} (${c.savingsPct.toFixed(1)}%)</td>
<td class="num">${okCell}</td>
<td class="num">${formatMs(c.agnoOnly.latencyP95Ms)} → ${formatMs(c.hybrid.latencyP95Ms)}</td>
<td class="num">${interval(all.latencyP95DeltaMs, formatMs)}</td>
<td class="num">${formatSigned(all.latencyShiftMs, formatMs)} <small>${formatP(all.latencyShiftPValue)}</small></td>
<td class="num">${formatPct(c.agnoOnly.successRate)} → ${formatPct(c.hybrid.successRate)}</td>
<td class="num">${interval(c.success.difference, (v) => formatPct(v))} <small>${formatP(c.success.pValue)}</small></td></tr>`;
    })
    .join('\n');
  const confidence = report.comparison[0]?.allRequests.savingsPer1kUsd.confidence ?? 0.95;
  const note = report.comparison[0]?.claimsUse.note ?? '';
  return `<table id="comparison"><thead><tr><th>Path</th><th>Pairs</th><th>agno-only per 1k</th><th>hybrid per 1k</th><th>Hybrid saves per 1k (all)</th><th>Saves per 1k (succeeded only)</th>
<th>p95 agno-only → hybrid</th><th>p95 change</th><th>Latency shift (Hodges-Lehmann, Mann-Whitney p)</th><th>Success</th><th>Success change</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">Brackets: ${formatPct(confidence, 0)} bootstrap intervals over the pairs (same request, same seed, both modes). ${e(note)}</p>`;
}

/** The regression gate: each gating mode against its committed baseline. */
export function regressionSection(report: Report): string {
  const gates = report.regression ?? [];
  if (gates.length === 0)
    return '<p>No baseline was compared (none committed for this suite, mode and backend, or <code>--no-gate</code>).</p>';
  return gates
    .map((g) => {
      const r = g.result;
      const head = `<p data-regression="${g.mode}" class="${r.regressed ? 'bad' : 'good'}">${g.mode} against <code>${e(g.baselineFile)}</code> (run ${e(r.baselineRunId)}, ${r.paired ? 'paired by request' : 'unpaired'}): ${r.regressed ? 'regressed' : r.comparable ? 'no regression' : 'not comparable'}.</p>`;
      const differences = r.differences.length
        ? `<ul>${r.differences.map((d) => `<li>${e(d)}</li>`).join('')}</ul>`
        : '';
      const rows = r.checks
        .map((c) => {
          const show = (v: number) => formatInUnit(UNIT_OF_METRIC[c.metric], v);
          return `<tr class="${c.regressed ? 'fail' : 'pass'}"><td>${c.path}</td><td>${c.metric} ${e(c.stat)}</td><td class="num">${show(c.baseline)}</td><td class="num">${show(c.current)}</td>
<td class="num">${formatSigned(c.relativeChange * 100, (v) => `${v.toFixed(1)}%`)}</td><td class="num">${c.threshold === 0 ? 'any' : c.metric === 'success' ? `drop > ${(c.threshold * 100).toFixed(1)} pts` : `> +${(c.threshold * 100).toFixed(1)}%`}</td><td>${e(c.test)}</td>
<td class="num">${c.pValue === undefined ? '–' : formatP(c.pValue)}</td><td class="num">${c.samples.baseline} / ${c.samples.current}${c.samples.paired ? ` (${c.samples.paired} paired)` : ''}</td><td>${c.regressed ? 'regressed' : 'ok'}</td></tr>`;
        })
        .join('\n');
      const table = rows
        ? `<table><thead><tr><th>Path</th><th>Check</th><th>Baseline</th><th>Now</th><th>Change</th><th>Counts when</th><th>Test</th><th>p</th><th>Samples</th><th>Result</th></tr></thead><tbody>${rows}</tbody></table>`
        : '';
      return `${head}${differences}${table}`;
    })
    .join('\n');
}

/** pass^k per mode and path and goodput per mode. */
export function consistencySection(report: Report): string {
  const ks = [...new Set(report.passK.flatMap((p) => p.points.map((x) => x.k)))].sort(
    (a, b) => a - b,
  );
  const rows = report.passK
    .map((p) => {
      const cells = ks
        .map((k) => {
          const point = p.points.find((x) => x.k === k);
          return `<td class="num">${point ? `${formatPct(point.value)} <small>(${formatPct(point.underSla)} under SLA)</small>` : '–'}</td>`;
        })
        .join('');
      return `<tr><td>${p.path}</td><td>${p.mode}</td><td class="num">${p.trials.min === p.trials.max ? p.trials.min : `${p.trials.min}–${p.trials.max}`}</td>${cells}</tr>`;
    })
    .join('\n');
  const goodput = report.goodput
    .map(
      (g) =>
        `<li>${g.mode}: ${g.goodRequestsPerSecond.toFixed(2)} good requests/s of ${g.requestsPerSecond.toFixed(2)} requests/s (${g.metSla} of ${g.requests} met their path's SLA, over ${g.durationSeconds.toFixed(1)} s)</li>`,
    )
    .join('');
  return `<table><thead><tr><th>Path</th><th>Mode</th><th>Trials per scenario</th>${ks.map((k) => `<th>pass^${k}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
<p class="note">pass^k: the chance that k runs of the same scenario all succeed (τ-bench's estimator, averaged over scenarios); under SLA, each run also stays under its path's latency and cost ceilings. Raise <code>--repetitions</code> for k &gt; 1.</p>
<h3>Goodput</h3><ul>${goodput}</ul>`;
}
