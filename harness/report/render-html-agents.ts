import { escapeHtml as e, formatMs, formatPct, formatUsd } from './format.js';
import type { Report } from './report-schema.js';
import { sampleRecords } from './sample-records.js';

type RecordOf = Report['records'][number];
type Summary = NonNullable<Report['agents']>[number];

/** At most this many hybrid conversations get a handoff trace (failures first, then a spread). */
export const MAX_TRACED_CONVERSATIONS = 200;

const GUARD_KINDS = ['loop', 'limit', 'failure', 'budget'] as const;

const badge = (kind: string) => `<span class="badge" data-kind="${e(kind)}">${e(kind)}</span>`;

function agentTable(summaries: readonly Summary[]): string {
  const rows = summaries
    .flatMap((s) =>
      s.agents.map(
        (a) => `<tr><td>${s.mode}</td><td>${e(a.agent)}</td><td class="num">${a.turns}</td>
<td class="num">${a.turns ? formatPct(a.answeredRate) : '–'}</td><td class="num">${a.turns ? formatPct(a.handedOffRate) : '–'}</td><td class="num${a.failedRate > 0 ? ' bad' : ''}">${a.turns ? formatPct(a.failedRate) : '–'}</td>
<td class="num">${a.latencyMs ? formatMs(a.latencyMs.mean) : '–'}</td><td class="num">${a.latencyMs ? formatMs(a.latencyMs.p95) : '–'}</td>
<td class="num">${a.costPerTurnUsd === undefined ? '–' : formatUsd(a.costPerTurnUsd)}</td><td class="num">${a.modelCalls}</td></tr>`,
      ),
    )
    .join('\n');
  return `<table id="agent-turns"><thead><tr><th>Mode</th><th>Agent</th><th>Turns</th><th>Answered</th><th>Handed off</th><th>Failed</th>
<th>Turn latency mean</th><th>Turn latency p95</th><th>Cost per turn</th><th>Model calls</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function conversationTable(summaries: readonly Summary[]): string {
  const rows = summaries
    .map((s) => {
      const c = s.modelCallsPerConversation;
      const h = s.handoffsPerConversation;
      const guard = GUARD_KINDS.filter((k) => s.handoffsByKind[k] > 0)
        .map((k) => `${badge(k)} ${s.handoffsByKind[k]}`)
        .join(' ');
      return `<tr><td>${s.mode}</td><td class="num">${s.conversations}</td><td class="num">${c.mean.toFixed(1)}</td><td class="num">${c.p95.toFixed(1)}</td><td class="num">${c.max}</td>
<td class="num">${h.mean.toFixed(2)}</td><td class="num">${h.max}</td><td>${guard || 'none'}</td></tr>`;
    })
    .join('\n');
  return `<table id="agent-conversations"><thead><tr><th>Mode</th><th>Conversations</th><th>Model calls mean</th><th>Model calls p95</th><th>Model calls max</th>
<th>Handoffs mean</th><th>Handoffs max</th><th>Handoffs decided by the guard</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function turnCell(record: RecordOf): string {
  if (!record.agentTurns) return '–';
  return record.agentTurns
    .map((t) => {
      const ending =
        t.outcome === 'failed'
          ? ` <span class="bad">failed${t.errorCode ? ` (${e(t.errorCode)})` : ''}</span>`
          : '';
      const budget = t.budget ? ` <span class="bad">over its ${t.budget} budget</span>` : '';
      return `${e(t.agent)} ${formatMs(t.latencyMs)} · ${formatUsd(t.costUsd)}${ending}${budget}`;
    })
    .join('<br>');
}

function traceRow(record: RecordOf): string {
  const chain = (record.agentTurns?.map((t) => t.agent) ?? record.agents).map(e).join(' → ');
  const hops = record.handoffs
    .map(
      (h) =>
        `<li>${e(h.from)} → ${e(h.to)}${h.kind && h.kind !== 'agent' ? ` ${badge(h.kind)}` : ''}: <small>${e(h.reason)}</small></li>`,
    )
    .join('');
  const unmet = !record.success && record.outcome !== 'failed' ? ', expectations not met' : '';
  const result = `${record.outcome}${unmet}${record.servedBy === 'full' ? '' : ` (served by ${record.servedBy})`}`;
  return `<tr class="${record.success ? 'pass' : 'fail'}"><td>${e(record.id)}</td><td>${result}</td>
<td>${chain || '–'}${hops ? `<ol class="hops">${hops}</ol>` : ''}</td><td>${turnCell(record)}</td></tr>`;
}

function traces(records: readonly RecordOf[]): string {
  const full = records.filter((r) => r.mode === 'hybrid' && r.expectedPath === 'full');
  if (full.length === 0) return '';
  const listed = sampleRecords(full, MAX_TRACED_CONVERSATIONS);
  const note =
    listed.length < full.length
      ? `<p class="note">Tracing ${listed.length} of ${full.length} conversations: failures first, then an even spread.</p>`
      : '';
  return `<details id="handoff-traces"><summary>Handoff trace of ${full.length} hybrid conversation${full.length === 1 ? '' : 's'}</summary>${note}
<table><thead><tr><th>Conversation</th><th>Result</th><th>Agents and handoffs</th><th>Per agent: latency · cost</th></tr></thead><tbody>
${listed.map(traceRow).join('\n')}</tbody></table></details>`;
}

/**
 * The full path's depth: each agent's turns per mode, what a conversation took (model calls,
 * handoffs, those the guard decided) and a handoff trace per hybrid conversation. Empty when the
 * run had no full-path requests or the report predates the summary.
 */
export function agentsSection(report: Report): string {
  const summaries = report.agents ?? [];
  if (summaries.length === 0) return '';
  const partial = summaries
    .filter((s) => s.withTurns < s.conversations)
    .map((s) => `${s.mode}: ${s.withTurns} of ${s.conversations}`);
  return `<h2 id="multi-agent">Multi-agent path</h2>
<p class="note">Requests labelled full. A turn is one agent's stretch of the conversation, ended by answering, handing it on or failing; its cost is what the request spent during it. Guard-decided handoffs are the path's, not the agent's: a loop, the handoff limit, a failed agent or one over its own time or cost budget sends the conversation to escalation.${partial.length ? ` Turn figures cover the conversations that recorded turns (${e(partial.join(', '))}).` : ''}</p>
${agentTable(summaries)}
<h3>Per conversation</h3>${conversationTable(summaries)}
${traces(report.records)}`;
}
