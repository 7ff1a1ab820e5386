export type { ReportInput } from './build-report.js';
export { buildReport } from './build-report.js';
export { escapeHtml, formatMs, formatPct, formatSigned, formatUsd } from './format.js';
export { REPORT_JSON_SCHEMA_PATH, reportJsonSchema } from './json-schema.js';
export { renderHtml } from './render-html.js';
export { renderReport } from './render-report.js';
export type { Report } from './report-schema.js';
export { REPORT_SCHEMA_VERSION, ReportSchema, RequestRecordSchema } from './report-schema.js';
export { writeReport } from './write-report.js';
