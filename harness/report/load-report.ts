import type { Suite } from '../scenario/index.js';
import { loadHtmlAssets } from './load-html-assets.js';
import {
  LOAD_REPORT_SCHEMA_VERSION,
  type LoadReport,
  type LoadResults,
} from './load-report-schema.js';
import { renderLoadHtml } from './render-load-html.js';
import { runEnvironment } from './run-metadata.js';

export interface LoadReportInput {
  runId: string;
  createdAt: Date;
  toolVersion: string;
  suite: Suite;
  wallTimeMs: number;
  load: LoadResults;
}

/** `load.json`'s content: the run's metadata around its load results. */
export function buildLoadReport(input: LoadReportInput): LoadReport {
  return {
    schemaVersion: LOAD_REPORT_SCHEMA_VERSION,
    runId: input.runId,
    createdAt: input.createdAt.toISOString(),
    tool: { name: 'hybrid-bench', version: input.toolVersion },
    suite: {
      name: input.suite.name,
      version: input.suite.version,
      file: input.suite.file,
      requests: input.suite.requests.length,
    },
    environment: runEnvironment(),
    wallTimeMs: input.wallTimeMs,
    load: input.load,
  };
}

/** The files of a load run's folder: `load.json` and `index.html` (chart.js inlined). */
export async function renderLoadReportFolder(report: LoadReport): Promise<Record<string, string>> {
  return {
    'load.json': `${JSON.stringify(report, null, 2)}\n`,
    'index.html': renderLoadHtml(report, await loadHtmlAssets()),
  };
}
