import { join } from 'node:path';
import { installedVersion, PATH_NAMES } from '../../src/index.js';
import {
  buildLoadReport,
  type LoadReport,
  type LoadResults,
  renderLoadReportFolder,
  writeRunFiles,
} from '../report/index.js';
import type { Suite } from '../scenario/index.js';
import { resolveSla } from '../verdict/index.js';
import type { LoadServer } from './server-process.js';

function runIdFor(date: Date, suite: string, kind: string): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${suite}-load-${kind}`;
}

/** Writes a load run's folder (`<outDir>/<runId>/`: `load.json`, `index.html`); returns both. */
export async function writeLoadRun(input: {
  suite: Suite;
  load: LoadResults;
  createdAt: Date;
  wallTimeMs: number;
  outDir: string;
}): Promise<{ report: LoadReport; dir: string }> {
  const report = buildLoadReport({
    runId: runIdFor(input.createdAt, input.suite.name, input.load.kind),
    createdAt: input.createdAt,
    toolVersion: await installedVersion(),
    suite: input.suite,
    wallTimeMs: input.wallTimeMs,
    load: input.load,
  });
  const dir = await writeRunFiles(
    join(input.outDir, report.runId),
    await renderLoadReportFolder(report),
  );
  return { report, dir };
}

/** How a load report names the server it drove (never its key). */
export function describeTarget(server: LoadServer, url: string): LoadResults['target'] {
  if (server.kind === 'url') return { kind: 'url', url };
  return {
    kind: 'child',
    url,
    backend: 'mock-server',
    latency: server.latency,
    seed: server.seed,
    ...(server.workers === undefined ? {} : { workers: server.workers }),
    ...(server.config === undefined ? {} : { config: server.config }),
    ...(server.cache === false ? { cache: false } : {}),
  };
}

/** The latency SLA per path that a load report judges goodput and saturation by. */
export function latencySlaOf(suite: Suite): LoadResults['sla'] {
  const targets = resolveSla(suite.sla);
  return Object.fromEntries(PATH_NAMES.map((p) => [p, targets[p].latency])) as LoadResults['sla'];
}
