import { renderHtml } from './render-html.js';
import type { Report } from './report-schema.js';

/** Every file of a run's report folder, by name. Pure: the writer alone touches the disk. */
export function renderReport(report: Report): Record<string, string> {
  return {
    'report.json': `${JSON.stringify(report, null, 2)}\n`,
    'index.html': renderHtml(report),
  };
}
