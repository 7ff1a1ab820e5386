export type { ReportInput } from './build-report.js';
export { buildReport } from './build-report.js';
export type { ChartSpec } from './chart-specs.js';
export { chartSpecs } from './chart-specs.js';
export {
  escapeHtml,
  formatBackend,
  formatMs,
  formatPct,
  formatSigned,
  formatUsd,
} from './format.js';
export type { HistoryEntry } from './history.js';
export { appendHistory, HISTORY_FILE, historyEntryOf, readHistory } from './history.js';
export { REPORT_JSON_SCHEMA_PATH, reportJsonSchema } from './json-schema.js';
export { loadChartSpecs } from './load-chart-specs.js';
export { loadHtmlAssets } from './load-html-assets.js';
export type { LoadReportInput } from './load-report.js';
export { buildLoadReport, renderLoadReportFolder } from './load-report.js';
export type { LoadReport, LoadResults } from './load-report-schema.js';
export {
  LOAD_REPORT_SCHEMA_VERSION,
  LoadReportSchema,
  LoadResultsSchema,
  LoadStepSchema,
} from './load-report-schema.js';
export { readReport } from './read-report.js';
export type { HtmlAssets } from './render-html.js';
export { renderHtml } from './render-html.js';
export { renderJunit } from './render-junit.js';
export { loadSection, renderLoadHtml } from './render-load-html.js';
export { renderMarkdown } from './render-markdown.js';
export { renderPngs } from './render-pngs.js';
export type { ReportFiles } from './render-report.js';
export { renderReport, renderReportFolder } from './render-report.js';
export type { Report } from './report-schema.js';
export { REPORT_SCHEMA_VERSION, ReportSchema, RequestRecordSchema } from './report-schema.js';
export { writeReport, writeRunFiles } from './write-report.js';
