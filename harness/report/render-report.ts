import { chartSpecs } from './chart-specs.js';
import type { HistoryEntry } from './history.js';
import { loadHtmlAssets } from './load-html-assets.js';
import { type HtmlAssets, renderHtml } from './render-html.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';
import { PNG_CHARTS, renderPngs } from './render-pngs.js';
import type { Report } from './report-schema.js';

/** Up to this many records, report.json is indented. */
const PRETTY_JSON_RECORDS = 5_000;

export type ReportFiles = Record<string, string | Buffer>;

/**
 * The text files of a run's report folder, by name: JSON, HTML, Markdown (linking `pngs`) and
 * JUnit. Pure: the writer alone touches the disk.
 */
export function renderReport(
  report: Report,
  assets: HtmlAssets = {},
  pngs: readonly string[] = [],
  trend: readonly HistoryEntry[] = [],
): Record<string, string> {
  return {
    // Indented while a person might read it; compact beyond, where indentation would add half.
    'report.json': `${JSON.stringify(report, null, report.records.length > PRETTY_JSON_RECORDS ? undefined : 2)}\n`,
    'index.html': renderHtml(report, assets, trend),
    'summary.md': renderMarkdown(report, pngs),
    'junit.xml': renderJunit(report),
  };
}

/**
 * Every file of a run's folder: the text formats, with charts in the HTML, and the PNG charts.
 * `trend`: earlier runs and this one, oldest first.
 */
export async function renderReportFolder(
  report: Report,
  trend: readonly HistoryEntry[] = [],
): Promise<ReportFiles> {
  const specs = chartSpecs(report, trend).filter((spec) => PNG_CHARTS.test(spec.id));
  const pngs = await renderPngs(specs);
  return { ...renderReport(report, await loadHtmlAssets(), Object.keys(pngs), trend), ...pngs };
}
